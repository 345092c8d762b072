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
        // Words get integer ids, and a field's text is split once however many jobs share it
        // (titles, companies and places repeat across postings): per job only ids are appended.
        var wordIDs: [String: Int32] = [:]
        var words: [String] = []
        var lists: [[Int32]] = []
        var textWords: [String: [Int32]] = [:]
        func ids(of text: String) -> [Int32] {
            text.split(separator: " ").map { word in
                let word = String(word)
                if let id = wordIDs[word] { return id }
                let id = Int32(words.count)
                wordIDs[word] = id
                words.append(word)
                lists.append([])
                return id
            }
        }
        // A job has a dozen words or so: a reused array finds repeats cheaper than a Set would.
        var seen: [Int32] = []
        for position in 0..<count {
            seen.removeAll(keepingCapacity: true)
            for field in fields {
                let text = field[position]
                let textIDs: [Int32]
                // Cached for ASCII text only, where equal Strings are equal bytes.
                if let known = textWords[text] {
                    textIDs = known
                } else {
                    textIDs = ids(of: text)
                    if text.isASCIIOnly { textWords[text] = textIDs }
                }
                for id in textIDs where !seen.contains(id) {
                    seen.append(id)
                    lists[Int(id)].append(Int32(position))
                }
            }
        }
        let order = words.indices.sorted { words[$0] < words[$1] }
        vocabulary = order.map { words[$0] }
        postings = order.map { lists[$0] }
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
