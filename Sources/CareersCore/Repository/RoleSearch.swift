/// Role lookup by id, title or alias that tolerates case, accents and typos. Every role is known
/// by a few folded names (title, aliases, id words, merge key); a query is scored against them.
struct RoleSearch: Sendable {
    private let names: [[String]]
    private let tokens: [[[Substring]]]

    init(roles: [Role]) {
        names = roles.map { role in
            var list: [String] = []
            for name in [TextKey.fold(role.title), RoleNames.key(role.title), role.id.replacingHyphens()]
                + role.aliases.flatMap({ [TextKey.fold($0), RoleNames.key($0)] }) where !list.contains(name) {
                list.append(name)
            }
            return list
        }
        tokens = names.map { $0.map { $0.split(separator: " ") } }
    }

    /// A query folded once, then scored against every role.
    struct Query {
        let variants: [(text: String, words: [Substring])]

        init(_ text: String) {
            let folded = TextKey.fold(String(text.prefix(200)))
            let key = RoleNames.key(folded: folded)
            let texts = folded.isEmpty ? [] : (key == folded ? [folded] : [folded, key])
            variants = texts.map { ($0, $0.split(separator: " ")) }
        }
    }

    /// Lower is better: 0 exact, 1 + edits for a whole-name match within a few edits, 100 + n when
    /// every query word matches a word of a name (n unmatched name words), nil for no match.
    func score(_ query: Query, role index: Int) -> Int? {
        var best: Int?
        func consider(_ value: Int) { best = min(best ?? value, value) }
        for (nameIndex, name) in names[index].enumerated() {
            for variant in query.variants {
                if variant.text == name { return 0 }
                let allowed = max(1, min(variant.text.utf8.count, name.utf8.count) / 4)
                if let distance = EditDistance.bounded(variant.text, name, limit: allowed) { consider(1 + distance) }
                let nameWords = tokens[index][nameIndex]
                if (best ?? .max) > 100, variant.words.allSatisfy({ word in nameWords.contains { EditDistance.wordsMatch(word, $0) } }) {
                    consider(100 + max(0, nameWords.count - variant.words.count))
                }
            }
        }
        return best
    }

    /// Roles ranked by distance of their nearest name to `text`, whatever it is.
    func nearest(_ text: String, limit: Int) -> [Int] {
        let folded = TextKey.fold(String(text.prefix(200)))
        let scored = names.indices.map { index in
            (index, names[index].map { EditDistance.bounded(folded, $0, limit: 64) ?? 64 }.min() ?? 64)
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }
}

enum EditDistance {
    /// Levenshtein distance, or nil as soon as it must exceed `limit` (keeps long inputs cheap).
    static func bounded(_ lhs: String, _ rhs: String, limit: Int) -> Int? {
        let a = Array(lhs.utf8.prefix(256))
        let b = Array(rhs.utf8.prefix(256))
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// Words match when equal, a prefix of 3+ letters, or within 1 edit (5+ letters) / 2 (9+).
    static func wordsMatch(_ query: Substring, _ word: Substring) -> Bool {
        if query == word { return true }
        if query.count >= 3 && word.hasPrefix(query) { return true }
        let allowed = query.count >= 9 ? 2 : query.count >= 5 ? 1 : 0
        return allowed > 0 && bounded(String(query), String(word), limit: allowed) != nil
    }
}

extension String {
    func replacingHyphens() -> String { split(separator: "-").joined(separator: " ") }
}
