/// What `/suggest` can propose: roles, the skill and tool entities, companies.
public enum SuggestionType: String, Sendable, Hashable, CaseIterable {
    case role, skill, tool, company
}

public struct Suggestion: Sendable, Hashable {
    public var type: SuggestionType
    public var id: String
    /// The display name (a role's title even when an alias matched).
    public var text: String
    /// How the query matched: 0 the name starts with it, 1 every query word starts a word of
    /// the name, 2 within a few typos of that (see `SuggestIndex`).
    public var tier: Int
    public var popularity: Int
}

/// Type-ahead over entity names. Names and query are folded (case, accents, punctuation); each
/// query word is matched against the words of each name through one sorted vocabulary, so a
/// query costs a binary search per word and a pass over the entities, plus, only when the exact
/// tiers leave the list short, a bounded edit distance per vocabulary word. Ranking: the whole
/// name starts with the query, then every query word starts a word of the name (any order),
/// then typos (fewest first: one per word of 3–5 letters, two from 6; a name that starts with
/// the first query word first); popularity (jobs, plus comparing articles for roles) breaks
/// ties, then the text. An entity both a skill and a tool is suggested as each.
/// Built by `Repository.makeSuggestIndex()` for whoever serves suggestions, once, on first use.
public final class SuggestIndex: Sendable {
    private struct Entry: Sendable {
        var type: SuggestionType
        var id: String
        var text: String
        var popularity: Int
        /// Each name folded, as bytes, and as vocabulary word ids.
        var names: [[UInt8]]
        var words: [[Int32]]
    }

    private let entries: [Entry]
    /// Distinct folded words, sorted bytewise.
    private let vocabulary: [[UInt8]]

    /// `roles`: each role with the number of jobs it has; `entities`: each listed skill or tool
    /// with its popularity; `companies`: display name and job count.
    init(
        roles: [(role: Role, jobs: Int)], entities: [(type: SuggestionType, entity: Entity, popularity: Int)] = [],
        companies: [(name: String, jobs: Int)]
    ) {
        var raw: [(SuggestionType, String, String, Int, [String])] = roles.map { item in
            (.role, item.role.id, item.role.title, item.jobs + item.role.comparisons.count, [item.role.title] + item.role.aliases)
        }
        raw += entities.map { ($0.type, $0.entity.id, $0.entity.name, $0.popularity, [$0.entity.name] + $0.entity.aliases) }
        raw += companies.map { (.company, TextKey.slug($0.name), $0.name, $0.jobs, [$0.name]) }
        var words = Set<[UInt8]>()
        let folded = raw.map { item in
            item.4.map { Array(TextKey.fold($0).utf8) }.filter { !$0.isEmpty }
        }
        for names in folded {
            for name in names { for word in name.split(separator: 0x20) { words.insert(Array(word)) } }
        }
        let vocabulary = words.sorted { $0.lexicographicallyPrecedes($1) }
        let ids = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, Int32($0)) })
        entries = zip(raw, folded).map { item, names in
            Entry(
                type: item.0, id: item.1, text: item.2, popularity: item.3, names: names,
                words: names.map { $0.split(separator: 0x20).compactMap { ids[Array($0)] } })
        }
        self.vocabulary = vocabulary
    }

    /// Names for a search box: prefix- and typo-tolerant, best first.
    public func suggest(_ query: String, types: Set<SuggestionType> = Set(SuggestionType.allCases), limit: Int = 10) -> [Suggestion] {
        let whole = Array(TextKey.fold(query).utf8)
        let tokens = whole.split(separator: 0x20).prefix(8).map(Array.init)
        guard !tokens.isEmpty, limit > 0 else { return [] }
        // Per token, the distance to each vocabulary word (0: the token starts it); exact first.
        var distances = tokens.map { token in prefixMatches(token) }
        var found: [Suggestion] = []
        var matched = [Bool](repeating: false, count: entries.count)
        for (index, entry) in entries.enumerated() where types.contains(entry.type) {
            if entry.names.contains(where: { $0.starts(with: whole) }) {
                found.append(suggestion(entry, tier: 0))
                matched[index] = true
            } else if entry.words.contains(where: { Self.cost(of: $0, distances) == 0 }) {
                found.append(suggestion(entry, tier: 1))
                matched[index] = true
            }
        }
        // Typos cost one each; a name whose first word the first query word matches costs a half
        // less than one where it matches further in (doubled to stay integral).
        var typos: [(suggestion: Suggestion, cost: Int)] = []
        if found.count < limit {
            distances = tokens.map { token in fuzzyMatches(token) }
            for (index, entry) in entries.enumerated() where types.contains(entry.type) && !matched[index] {
                let cost = entry.words.map { words -> Int in
                    let typos = Self.cost(of: words, distances)
                    guard typos < Int.max else { return typos }
                    return 2 * typos + (words.first.flatMap { distances[0][$0] } == nil ? 1 : 0)
                }.min() ?? Int.max
                if cost < Int.max { typos.append((suggestion(entry, tier: 2), cost)) }
            }
        }
        func before(_ a: Suggestion, _ b: Suggestion) -> Bool {
            if a.tier != b.tier { return a.tier < b.tier }
            if a.popularity != b.popularity { return a.popularity > b.popularity }
            if a.text != b.text { return a.text < b.text }
            return a.type.rawValue < b.type.rawValue
        }
        found.sort(by: before)
        typos.sort { $0.cost != $1.cost ? $0.cost < $1.cost : before($0.suggestion, $1.suggestion) }
        return Array((found + typos.map(\.suggestion)).prefix(limit))
    }

    private func suggestion(_ entry: Entry, tier: Int) -> Suggestion {
        Suggestion(type: entry.type, id: entry.id, text: entry.text, tier: tier, popularity: entry.popularity)
    }

    /// The sum over tokens of each token's best distance to a word of the name; max when a
    /// token matches none.
    private static func cost(of words: [Int32], _ distances: [[Int32: Int]]) -> Int {
        var total = 0
        for perWord in distances {
            var best = Int.max
            for word in words { if let d = perWord[word], d < best { best = d } }
            if best == Int.max { return Int.max }
            total += best
        }
        return total
    }

    /// Words the token starts: one range of the sorted vocabulary.
    private func prefixMatches(_ token: [UInt8]) -> [Int32: Int] {
        var low = 0
        var high = vocabulary.count
        while low < high {
            let middle = (low + high) / 2
            if vocabulary[middle].lexicographicallyPrecedes(token) { low = middle + 1 } else { high = middle }
        }
        var result: [Int32: Int] = [:]
        while low < vocabulary.count, vocabulary[low].starts(with: token) {
            result[Int32(low)] = 0
            low += 1
        }
        return result
    }

    /// Words within the token's typo budget of one of their prefixes.
    private func fuzzyMatches(_ token: [UInt8]) -> [Int32: Int] {
        let budget = Self.budget(token.count)
        guard budget > 0 else { return prefixMatches(token) }
        var result: [Int32: Int] = [:]
        var previous = [Int](repeating: 0, count: token.count + 1)
        var current = previous
        var before = previous
        for (index, word) in vocabulary.enumerated() where word.count + budget >= token.count {
            if let d = Self.prefixDistance(token, word, budget: budget, &before, &previous, &current) { result[Int32(index)] = d }
        }
        return result
    }

    static func budget(_ length: Int) -> Int { length < 3 ? 0 : length < 6 ? 1 : 2 }

    /// The least optimal-string-alignment distance (insertions, deletions, substitutions,
    /// adjacent transpositions) between `token` and any prefix of `word`, if within `budget`.
    /// Columns run over the word, so a column's last cell is the distance to that prefix; a
    /// column whose every cell exceeds the budget ends the search.
    static func prefixDistance(
        _ token: [UInt8], _ word: [UInt8], budget: Int, _ before: inout [Int], _ previous: inout [Int], _ current: inout [Int]
    ) -> Int? {
        let n = token.count
        guard !word.isEmpty else { return n <= budget ? n : nil }
        for i in 0...n { previous[i] = i }
        var best = previous[n]
        for j in 1...min(word.count, n + budget) {
            current[0] = j
            var columnMin = current[0]
            for i in 1...n {
                let substitution = previous[i - 1] + (token[i - 1] == word[j - 1] ? 0 : 1)
                var value = min(substitution, previous[i] + 1, current[i - 1] + 1)
                if i > 1, j > 1, token[i - 1] == word[j - 2], token[i - 2] == word[j - 1] { value = min(value, before[i - 2] + 1) }
                current[i] = value
                columnMin = min(columnMin, value)
            }
            best = min(best, current[n])
            if columnMin > budget { break }
            swap(&before, &previous)
            swap(&previous, &current)
        }
        return best <= budget ? best : nil
    }
}
