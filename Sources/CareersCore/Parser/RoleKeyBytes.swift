/// `RoleNames.key(folded:)` and `singular` on the UTF-8 bytes of ASCII text (nearly every line):
/// the same words, singular and expansions as the String version, without splitting into
/// Strings, hashing each word and joining them again, which cost a fifth of parsing. Other
/// text takes the String version, so its word boundaries stay those of `split`.
extension RoleNames {
    /// What `key(folded:)` and `expanded(folded:)` need to know to return ASCII text unchanged,
    /// read off the bytes in one pass.
    struct PlainWords {
        var hasWords = false
        var hasShortForm = false
        /// The last word ends in "s" (it may be a plural).
        var endsInS = false
        /// A word after the first is "ops" ("ML Ops"): the String path joins it to the word before.
        var hasOpsApart = false
        /// A word is "gen" or "genai": expanded by context, on the String path (rare).
        var hasGenerative = false
        /// A word is "operations" or "operation" ("Machine Learning Operations" is "MLOps"): the
        /// String path contracts it.
        var hasOperations = false
    }

    static func plainASCII(_ text: String) -> PlainWords? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> PlainWords? in
            var result = PlainWords()
            var wordStart = 0
            for index in 0...bytes.count {
                let byte: UInt8 = index < bytes.count ? bytes[index] : 0x20
                if byte >= 0x80 { return nil }
                guard byte == 0x20 else { continue }
                let length = index - wordStart
                if length > 0 {
                    result.hasWords = true
                    result.endsInS = bytes[index - 1] == UInt8(ascii: "s")
                    if length <= 3 {
                        var packed: UInt32 = 0
                        for offset in wordStart..<index { packed = packed << 8 | UInt32(bytes[offset]) }
                        if packedShortForms.contains(packed) { result.hasShortForm = true }
                        if packed == packedOps && wordStart > 0 { result.hasOpsApart = true }
                        if packed == packedGen { result.hasGenerative = true }
                    } else if length == 5, bytes[wordStart..<index].elementsEqual(genaiBytes) {
                        result.hasGenerative = true
                    } else if length >= 9, bytes[wordStart..<index].starts(with: operationBytes), length == 9 || bytes[index - 1] == UInt8(ascii: "s") && length == 10 {
                        result.hasOperations = true
                    }
                }
                wordStart = index + 1
            }
            return result
        } ?? nil
    }

    private static let packedOps: UInt32 = 0x6F_70_73
    private static let packedGen: UInt32 = 0x67_65_6E
    private static let genaiBytes = Array("genai".utf8)
    private static let operationBytes = Array("operation".utf8)

    /// The short forms as their bytes packed big-endian into an integer ("ml" → 0x6D6C).
    static let packedShortForms: [UInt32] = shortForms.filter { $0.utf8.count <= 3 }.map { $0.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

    /// The number of words `split(separator: " ")` finds in ASCII text; nil for other text.
    static func asciiWordCount(_ text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var count = 0
            var previous: UInt8 = 0x20
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte != 0x20 && previous == 0x20 { count += 1 }
                previous = byte
            }
            return count
        } ?? nil
    }

    /// Each abbreviation's long form as bytes, by its packed short form.
    private static let packedExpansions: [(short: UInt32, long: [UInt8])] = expansions.map { entry in
        (entry.short.utf8.reduce(0) { $0 << 8 | UInt32($1) }, Array(entry.long.utf8))
    }

    private static let neverPluralBytes = neverPlural.map { Array($0.utf8) }
    private static let personSuffixBytes = personSuffixes.map { Array($0.utf8) }

    /// The key of ASCII `folded` that has words: every word, the last made singular, abbreviations
    /// spelled out, joined by single spaces.
    static func rebuiltKeyASCII(_ folded: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(folded.utf8.count + 32)
        folded.utf8.withContiguousStorageIfAvailable { bytes in
            var words: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
                if index > start { words.append(start..<index) }
                start = index + 1
            }
            for (position, range) in words.enumerated() {
                var word = bytes[range]
                var appendY = false
                if position == words.count - 1 {
                    let (keep, y) = singularASCII(word)
                    word = word.prefix(keep)
                    appendY = y
                }
                if position > 0 { output.append(0x20) }
                var packed: UInt32 = 0
                if word.count + (appendY ? 1 : 0) <= 3 {
                    for byte in word { packed = packed << 8 | UInt32(byte) }
                    if appendY { packed = packed << 8 | UInt32(UInt8(ascii: "y")) }
                }
                if packed != 0, let expansion = packedExpansions.first(where: { $0.short == packed }) {
                    output += expansion.long
                } else {
                    output += word
                    if appendY { output.append(UInt8(ascii: "y")) }
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `singular` of an ASCII word: how many of its bytes to keep, and whether a "y" follows.
    static func singularASCII(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> (keep: Int, appendY: Bool) {
        let count = word.count
        /// Whether the word's first `length` bytes end with `suffix`.
        func hasSuffix(_ suffix: [UInt8], length: Int) -> Bool {
            guard length >= suffix.count else { return false }
            let base = word.startIndex + length - suffix.count
            return suffix.indices.allSatisfy { word[base + $0] == suffix[$0] }
        }
        guard count > 3, word.last == UInt8(ascii: "s"), !neverPluralBytes.contains(where: { hasSuffix($0, length: count) })
        else { return (count, false) }
        if count > 4 && hasSuffix(iesBytes, length: count) { return (count - 3, true) }
        return personSuffixBytes.contains(where: { hasSuffix($0, length: count - 1) }) ? (count - 1, false) : (count, false)
    }

    private static let iesBytes = Array("ies".utf8)
}
