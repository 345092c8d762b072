/// Words of a sentence as the entity matcher sees them, read in one pass over the UTF-8 bytes.
///
/// A word is a run of letters and digits, kept whole across the characters names are written
/// with: an inner `.`, `&` or apostrophe ("Node.js", "R&D", "Master's"), a leading `.` (".NET")
/// and trailing `+`/`#` ("C++", "C#"). So "R" never matches inside "Rust" or "R&D". Hyphens and
/// slashes separate words without ending a phrase ("scikit-learn" = "scikit learn", "CI/CD");
/// `,` `;` `:` `(` `)` `.` `!` `?` end one, so a name never spans a comma.
///
/// Each word's key is folded: lower case, accents removed, a final "'s" dropped, plurals made
/// singular by rule ("CNNs" → "cnn", "technologies" → "technology", "processes" → "process").
/// The same rule folds vocabulary and sentences, so the odd rule-made singular ("pandas" →
/// "panda") still matches itself.
struct TermToken: Sendable, Hashable {
    /// FNV-1a of the folded key.
    var key: UInt64
    /// FNV-1a of the bytes exactly as written, for `exact` terms.
    var raw: UInt64
    /// Byte range in the sentence.
    var start: Int
    var end: Int
    /// What separates this word from the previous one.
    var gap: Gap
    /// Inside parentheses (asides: "Healthcare (medical imaging)").
    var inParens: Bool

    enum Gap: UInt8, Sendable, Comparable {
        /// Spaces, hyphens, slashes: the words may belong to one name.
        case join
        /// `,` — ends a name, separates enumerated items.
        case comma
        /// `(` or `)`.
        case paren
        /// `;` or `:`.
        case clause
        /// `.` `!` `?` or the start of the text: the word begins a sentence.
        case stop

        static func < (lhs: Gap, rhs: Gap) -> Bool { lhs.rawValue < rhs.rawValue }
    }
}

enum TermKey {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The folded words of a name, joined by single spaces ("Scikit-Learn" → "scikit learn").
    static func key(_ name: String) -> String {
        var tokens: [TermToken] = []
        return keyed(name, tokens: &tokens)
    }

    /// `key(name)`, leaving the name's tokens in `tokens`: a name registered for matching is
    /// read once for both.
    static func keyed(_ name: String, tokens: inout [TermToken]) -> String {
        var folded: [[UInt8]] = []
        tokenize(name, into: &tokens, keys: &folded)
        var joined: [UInt8] = []
        for word in folded {
            if !joined.isEmpty { joined.append(0x20) }
            joined.append(contentsOf: word)
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// The key hashes of a name's words.
    static func hashes(_ name: String) -> [UInt64] {
        var tokens: [TermToken] = []
        tokenize(name, into: &tokens)
        return tokens.map(\.key)
    }

    static func tokenize(_ text: String, into tokens: inout [TermToken]) {
        var unused: [[UInt8]]? = nil
        tokenize(text, into: &tokens, keysOut: &unused)
    }

    static func tokenize(_ text: String, into tokens: inout [TermToken], keys: inout [[UInt8]]) {
        var out: [[UInt8]]? = []
        tokenize(text, into: &tokens, keysOut: &out)
        keys = out ?? []
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Punctuation of the General Punctuation block (U+2000–U+206F: dashes, quotes, "…"), written
    /// E2 80–81 xx, and the no-break space C2 A0: separators, not letters.
    private static func nonASCIISeparatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 { return 3 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 || bytes[index + 1] == 0xB7 { return 2 }
        return 0
    }

    private static func isApostrophe(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        if bytes[index] == 0x27 { return 1 }
        if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 { return 3 }
        return 0
    }

    private static func tokenize(_ text: String, into tokens: inout [TermToken], keysOut: inout [[UInt8]]?) {
        tokens.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            var gap = TermToken.Gap.stop
            var depth = 0
            var word: [UInt8] = []
            word.reserveCapacity(32)
            while index < bytes.count {
                let byte = bytes[index]
                let separator = byte < 0x80 ? 0 : nonASCIISeparatorLength(bytes, at: index)
                let startsWord = byte < 0x80
                    ? isAlnum(byte) || (byte == 0x2E && index + 1 < bytes.count && isAlnum(bytes[index + 1])
                        && (index == 0 || !isAlnum(bytes[index - 1])) && bytes[index + 1] > 0x40)
                    : separator == 0
                guard startsWord else {
                    switch byte {
                    case 0x2C: gap = max(gap, .comma)
                    case 0x28: gap = max(gap, .paren); depth += 1
                    case 0x29: gap = max(gap, .paren); depth = max(0, depth - 1)
                    case 0x3B, 0x3A: gap = max(gap, .clause)
                    case 0x2E, 0x21, 0x3F: gap = .stop
                    default: break
                    }
                    index += max(1, separator)
                    continue
                }
                // One word: letters/digits (and non-ASCII letters), inner joiners, trailing +/#.
                let start = index
                if byte == 0x2E { index += 1 }
                while index < bytes.count {
                    let b = bytes[index]
                    if b < 0x80 {
                        if isAlnum(b) { index += 1; continue }
                        let apostrophe = isApostrophe(bytes, at: index)
                        if b == 0x2E || b == 0x26 || apostrophe > 0 {
                            let next = index + max(1, apostrophe)
                            if next < bytes.count, bytes[next] < 0x80 ? isAlnum(bytes[next]) : nonASCIISeparatorLength(bytes, at: next) == 0 {
                                index = next
                                continue
                            }
                        }
                        break
                    }
                    let apostrophe = isApostrophe(bytes, at: index)
                    if apostrophe > 0 {
                        let next = index + apostrophe
                        if next < bytes.count, bytes[next] < 0x80 && isAlnum(bytes[next]) { index = next; continue }
                        break
                    }
                    if nonASCIISeparatorLength(bytes, at: index) > 0 { break }
                    index += 1
                }
                while index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x23 { index += 1 }
                let range = start..<index
                let raw = hash(UnsafeBufferPointer(rebasing: bytes[range]))
                fold(UnsafeBufferPointer(rebasing: bytes[range]), into: &word)
                guard !word.isEmpty else { gap = .join; continue }
                tokens.append(TermToken(
                    key: hash(word), raw: raw, start: start, end: index, gap: gap, inParens: depth > 0))
                keysOut?.append(word)
                gap = .join
            }
        }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0) }
    }

    /// Lower case, accents off (non-ASCII words only), apostrophes out, "'s" dropped, singular.
    private static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into word: inout [UInt8]) {
        word.removeAll(keepingCapacity: true)
        if bytes.contains(where: { $0 >= 0x80 }) {
            let text = TextFold.lowercasedWithoutAccents(String(decoding: bytes, as: UTF8.self))
                .replacingApostrophes()
            word.append(contentsOf: text.utf8)
        } else {
            for byte in bytes where byte != 0x27 { word.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        }
        // "master's" → "master" (the apostrophe is gone by now: "masters" would be wrong to keep).
        if bytes.count > 2, bytes[bytes.count - 1] | 0x20 == 0x73, bytes[bytes.count - 2] == 0x27 || bytes[bytes.count - 2] == 0x99 {
            word.removeLast()
            return
        }
        singularise(&word)
    }

    /// English plural → singular by suffix, for words of four letters or more ("AWS", "GAN" stay).
    static func singularise(_ word: inout [UInt8]) {
        let n = word.count
        guard n >= 4, word[n - 1] == 0x73, word.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) }) else { return }
        let s = UInt8(ascii: "s"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i"), u = UInt8(ascii: "u")
        let h = UInt8(ascii: "h"), x = UInt8(ascii: "x"), c = UInt8(ascii: "c")
        let previous = word[n - 2]
        if previous == s || previous == u || previous == i { return }  // "class", "status", "analysis"
        if previous == e && n >= 5 {
            if word[n - 3] == i && n >= 5 {  // "technologies" → "technology"
                word.removeLast(3)
                word.append(UInt8(ascii: "y"))
                return
            }
            // "processes", "boxes", "approaches", "dashes" → drop "es".
            if word[n - 3] == s && n >= 6 && word[n - 4] == s || word[n - 3] == x
                || (word[n - 3] == h && (word[n - 4] == c || word[n - 4] == s))
            {
                word.removeLast(2)
                return
            }
        }
        word.removeLast()
    }
}

extension String {
    fileprivate func replacingApostrophes() -> String {
        var out = ""
        for scalar in unicodeScalars where scalar != "'" && scalar != "\u{2019}" { out.unicodeScalars.append(scalar) }
        return out
    }
}
