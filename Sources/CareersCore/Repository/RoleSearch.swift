/// Role lookup by id, title or alias that tolerates case, accents and typos. Every role is known
/// by a few folded names (title, aliases, id words, merge key); a query is scored against them.
/// Names and words are kept as bytes, folded once when the repository is built: a query then
/// costs edit distances over small byte buffers, with no String or Character work per name
/// (which made a typo search over 140 roles take over a millisecond).
struct RoleSearch: Sendable {
    /// A folded name and its words.
    struct Name: Sendable {
        let text: [UInt8]
        let words: [[UInt8]]

        init(_ folded: String) {
            text = Array(folded.utf8)
            words = text.split(separator: 0x20).map(Array.init)
        }
    }

    private let names: [[Name]]

    init(roles: [Role]) {
        names = roles.map { role in
            var list: [String] = []
            for name in [TextKey.fold(role.title), RoleNames.key(role.title), role.id.replacingHyphens()]
                + role.aliases.flatMap({ [TextKey.fold($0), RoleNames.key($0)] }) where !list.contains(name) {
                list.append(name)
            }
            return list.map(Name.init)
        }
    }

    /// A query folded once, then scored against every role.
    struct Query {
        let variants: [Name]

        init(_ text: String) {
            let folded = TextKey.fold(String(text.prefix(200)))
            let key = RoleNames.key(folded: folded)
            let texts = folded.isEmpty ? [] : (key == folded ? [folded] : [folded, key])
            variants = texts.map(Name.init)
        }
    }

    /// Lower is better: 0 exact, 1 + edits for a whole-name match within a few edits, 100 + n when
    /// every query word matches a word of a name (n unmatched name words), nil for no match.
    func score(_ query: Query, role index: Int) -> Int? {
        var best: Int?
        func consider(_ value: Int) { best = min(best ?? value, value) }
        for name in names[index] {
            for variant in query.variants {
                if variant.text == name.text { return 0 }
                let allowed = max(1, min(variant.text.count, name.text.count) / 4)
                if let distance = EditDistance.bounded(variant.text, name.text, limit: allowed) { consider(1 + distance) }
                if (best ?? .max) > 100,
                    variant.words.allSatisfy({ word in name.words.contains { EditDistance.wordsMatch(word, $0) } })
                {
                    consider(100 + max(0, name.words.count - variant.words.count))
                }
            }
        }
        return best
    }

    /// Roles ranked by distance of their nearest name to `text`, whatever it is.
    func nearest(_ text: String, limit: Int) -> [Int] {
        let folded = Array(TextKey.fold(String(text.prefix(200))).utf8)
        let scored = names.indices.map { index in
            (index, names[index].map { EditDistance.bounded(folded, $0.text, limit: 64) ?? 64 }.min() ?? 64)
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }
}

enum EditDistance {
    /// Levenshtein distance over bytes, or nil as soon as it must exceed `limit` (keeps long
    /// inputs cheap). Two rows on the stack: no allocation per comparison.
    static func bounded(_ lhs: [UInt8], _ rhs: [UInt8], limit: Int) -> Int? {
        let aCount = min(lhs.count, 256)
        let bCount = min(rhs.count, 256)
        if abs(aCount - bCount) > limit { return nil }
        if aCount == 0 || bCount == 0 { return max(aCount, bCount) <= limit ? max(aCount, bCount) : nil }
        return lhs.withUnsafeBufferPointer { a in
            rhs.withUnsafeBufferPointer { b in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (bCount + 1)) { rows -> Int? in
                    var previous = UnsafeMutableBufferPointer(rebasing: rows[0...bCount])
                    var current = UnsafeMutableBufferPointer(rebasing: rows[(bCount + 1)...])
                    for j in 0...bCount { previous[j] = j }
                    for i in 1...aCount {
                        current[0] = i
                        var rowMinimum = i
                        let ai = a[i - 1]
                        for j in 1...bCount {
                            let substitution = previous[j - 1] + (ai == b[j - 1] ? 0 : 1)
                            let value = min(substitution, previous[j] + 1, current[j - 1] + 1)
                            current[j] = value
                            rowMinimum = min(rowMinimum, value)
                        }
                        if rowMinimum > limit { return nil }
                        swap(&previous, &current)
                    }
                    return previous[bCount] <= limit ? previous[bCount] : nil
                }
            }
        }
    }

    /// Words match when equal, a prefix of 3+ letters, or within 1 edit (5+ letters) / 2 (9+).
    static func wordsMatch(_ query: [UInt8], _ word: [UInt8]) -> Bool {
        if query == word { return true }
        if query.count >= 3 && word.starts(with: query) { return true }
        let allowed = query.count >= 9 ? 2 : query.count >= 5 ? 1 : 0
        return allowed > 0 && bounded(query, word, limit: allowed) != nil
    }
}

extension String {
    func replacingHyphens() -> String { split(separator: "-").joined(separator: " ") }
}
