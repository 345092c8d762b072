/// Folded words → the sorted positions of the jobs whose field contains them. A query token
/// matches every word it is a prefix of ("eng" → engineer, engineering), found by binary search in
/// the sorted vocabulary, so no query scans the jobs themselves.
struct WordIndex: Sendable {
    private let vocabulary: [String]
    private let postings: [[Int32]]
    private let count: Int

    /// `fields` holds, per indexed field, every job's already folded text (indexed by position).
    init(fields: [[String]]) {
        let count = fields.first?.count ?? 0
        var lists: [String: [Int32]] = [:]
        // A job has a dozen words or so: a reused array finds repeats cheaper than a Set would.
        var seen: [Substring] = []
        for position in 0..<count {
            seen.removeAll(keepingCapacity: true)
            for field in fields {
                for word in field[position].split(separator: " ") where !seen.contains(word) {
                    seen.append(word)
                    lists[String(word), default: []].append(Int32(position))
                }
            }
        }
        vocabulary = lists.keys.sorted()
        postings = vocabulary.map { lists[$0] ?? [] }
        self.count = count
    }

    /// Jobs containing, for every token of `text`, a word starting with it. Nil when `text` has no
    /// tokens (no constraint).
    func matching(_ text: String, wholeWords: Bool = false) -> Bitset? {
        let tokens = TextKey.fold(text).split(separator: " ").prefix(16)
        guard !tokens.isEmpty else { return nil }
        var result = Bitset(count: count, filled: true)
        for token in tokens {
            var tokenSet = Bitset(count: count)
            var index = lowerBound(String(token))
            while index < vocabulary.count && (wholeWords ? vocabulary[index] == token : vocabulary[index].hasPrefix(token)) {
                for position in postings[index] { tokenSet.insert(Int(position)) }
                index += 1
            }
            result.formIntersection(tokenSet)
        }
        return result
    }

    private func lowerBound(_ token: String) -> Int {
        var low = 0
        var high = vocabulary.count
        while low < high {
            let middle = (low + high) / 2
            if vocabulary[middle] < token { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
