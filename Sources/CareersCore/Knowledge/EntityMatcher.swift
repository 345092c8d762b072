/// Finds entity names in a sentence: a token → phrase dictionary keyed by a name's first word,
/// each word's candidate phrases longest first. One pass over a sentence's words; a sentence is
/// never scanned once per known term.
struct EntityMatcher: Sendable {
    private struct Phrase: Sendable {
        var keys: [UInt64]
        /// The words as spelled, for `exact` terms ("Go", "R"); nil otherwise.
        var raws: [UInt64]?
        var entity: Int
    }

    private var phrases: [Phrase] = []
    private var byFirstWord: [UInt64: [Int]] = [:]
    private var seen: Set<[UInt64]> = []

    /// Registers a name (or alias) of an entity. The first entity to claim a spelling keeps it.
    /// `tokens` are the name's, as `TermKey.keyed` reads them.
    mutating func add(tokens: [TermToken], entity: Int, exact: Bool = false) {
        guard !tokens.isEmpty else { return }
        let keys = tokens.map(\.key)
        let raws = exact ? tokens.map(\.raw) : nil
        guard seen.insert(keys + (raws ?? [])).inserted else { return }
        let index = phrases.count
        phrases.append(Phrase(keys: keys, raws: raws, entity: entity))
        // Longest first; among equals, exact spellings before folded ones, then in the order added.
        func rank(_ phrase: Int) -> (Int, Int) { (phrases[phrase].keys.count, phrases[phrase].raws != nil ? 1 : 0) }
        let added = rank(index)
        byFirstWord[keys[0], default: []].insertAfterLast(index) { rank($0) >= added }
    }

    struct Match: Sendable, Hashable {
        var entity: Int
        /// Token range in the sentence.
        var tokens: Range<Int>
    }

    /// The longest name starting at each word, left to right, non-overlapping. A name never spans
    /// punctuation; an `exact` name must be spelled as registered and not begin a sentence.
    /// With `skipAsides`, words in parentheses are not read.
    func matches(in tokens: [TermToken], range: Range<Int>? = nil, skipAsides: Bool = false, into found: inout [Match]) {
        let range = range ?? tokens.indices
        var index = range.lowerBound
        while index < range.upperBound {
            if skipAsides && tokens[index].inParens { index += 1; continue }
            guard let candidates = byFirstWord[tokens[index].key] else { index += 1; continue }
            var length = 0
            for candidate in candidates {
                let phrase = phrases[candidate]
                let count = phrase.keys.count
                guard index + count <= range.upperBound else { continue }
                var ok = true
                for offset in 1..<max(1, count) where tokens[index + offset].key != phrase.keys[offset] || tokens[index + offset].gap != .join {
                    ok = false
                    break
                }
                if ok, let raws = phrase.raws {
                    ok = tokens[index].gap != .stop && (0..<count).allSatisfy { tokens[index + $0].raw == raws[$0] }
                }
                guard ok else { continue }
                found.append(Match(entity: phrase.entity, tokens: index..<(index + count)))
                length = count
                break
            }
            index += max(1, length)
        }
    }

    /// Items of the enumerations a sentence makes ("such as A, B, or C", "(e.g., A, B)",
    /// "including A and B", "for example A"): token ranges, split at commas and at "and"/"or". An
    /// enumeration runs to the next parenthesis, clause or sentence end.
    static func enumeratedItems(in tokens: [TermToken]) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var index = 0
        while index < tokens.count {
            var start: Int?
            let key = tokens[index].key
            if key == Words.such, index + 1 < tokens.count, tokens[index + 1].key == Words.as, tokens[index + 1].gap == .join {
                start = index + 2
            } else if key == Words.forWord, index + 1 < tokens.count, tokens[index + 1].key == Words.example, tokens[index + 1].gap == .join {
                start = index + 2
            } else if key == Words.eg || key == Words.egDotted || key == Words.including {
                start = index + 1
            }
            guard let first = start else { index += 1; continue }
            var itemStart = first
            var cursor = first
            while cursor < tokens.count {
                let token = tokens[cursor]
                if cursor > first && token.gap >= .paren { break }
                if cursor > itemStart && token.gap == .comma {
                    items.append(itemStart..<cursor)
                    itemStart = cursor
                }
                if token.key == Words.and || token.key == Words.or || token.key == Words.etc {
                    if cursor > itemStart { items.append(itemStart..<cursor) }
                    itemStart = cursor + 1
                }
                cursor += 1
            }
            if cursor > itemStart { items.append(itemStart..<cursor) }
            index = max(index + 1, cursor)
        }
        return items
    }

    enum Words {
        static let such = key("such"), `as` = key("as"), forWord = key("for"), example = key("example")
        static let eg = key("eg"), egDotted = key("e.g"), including = key("including")
        static let and = key("and"), or = key("or"), etc = key("etc"), other = key("other")

        private static func key(_ word: String) -> UInt64 { TermKey.hashes(word).first ?? 0 }
    }
}

extension Array where Element == Int {
    /// Inserts `element` after the last element that satisfies `precedes` (from the front: the
    /// list is ordered by it), keeping the order of equals.
    fileprivate mutating func insertAfterLast(_ element: Int, where precedes: (Int) -> Bool) {
        var position = 0
        while position < count, precedes(self[position]) { position += 1 }
        insert(element, at: position)
    }
}
