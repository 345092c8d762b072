/// Recognisers for the line shapes articles of this site use: bullets, labels, headings.
enum LinePatterns {
    /// Bullet markers as UTF-8: "-", "*", "•", "–", "—", "·", "◦", "▪", "‣", "●", "○", "■", "►", "➢", "✓", "✔".
    private static let bulletMarkers: [[UInt8]] = ["-", "*", "•", "–", "—", "·", "◦", "▪", "‣", "●", "○", "■", "►", "➢", "✓", "✔"]
        .map { Array($0.utf8) }

    enum Bullet: Equatable {
        /// A marker alone on its line: the item's text is on the next line.
        case lone
        case item(String)
    }

    /// "- x", "  • x", "1. x", "1) x", or a marker alone. Works on the bytes: every line asks.
    static func bullet(_ line: String) -> Bullet? {
        guard let markerLength = line.utf8.withContiguousStorageIfAvailable(bulletMarkerLength) ?? bulletMarkerLength(Array(line.utf8.prefix(8)))
        else { return nil }
        let rest = line.utf8.dropFirst(markerLength)
        guard let next = rest.first else { return .lone }
        guard next == 0x20 || next == 0x09 else { return nil }
        let text = rest.drop { $0 == 0x20 || $0 == 0x09 }
        return text.isEmpty ? .lone : .item(String(decoding: text, as: UTF8.self))
    }

    /// `bullet(line) != nil`, without building the item's String: most callers only ask whether a
    /// line (often the next one) is a bullet.
    static func isBullet(_ line: String) -> Bool {
        guard let markerLength = line.utf8.withContiguousStorageIfAvailable(bulletMarkerLength) ?? bulletMarkerLength(Array(line.utf8.prefix(8)))
        else { return false }
        let rest = line.utf8.dropFirst(markerLength)
        guard let next = rest.first else { return true }
        return next == 0x20 || next == 0x09
    }

    /// The length in bytes of the bullet marker that starts `utf8`, if one does.
    private static func bulletMarkerLength<Bytes: RandomAccessCollection<UInt8>>(_ utf8: Bytes) -> Int? where Bytes.Index == Int {
        guard let first = utf8.first else { return nil }
        if first >= 0x30 && first <= 0x39 {
            var digits = 1
            while digits < min(utf8.count, 8) && utf8[digits] >= 0x30 && utf8[digits] <= 0x39 { digits += 1 }
            guard digits <= 2, digits < utf8.count, utf8[digits] == UInt8(ascii: ".") || utf8[digits] == UInt8(ascii: ")") else { return nil }
            return digits + 1
        }
        // Every marker starts with "-", "*" or the lead byte 0xC2 or 0xE2: most lines start otherwise.
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == 0xC2 || first == 0xE2 else { return nil }
        return bulletMarkers.first(where: { utf8.starts(with: $0) })?.count
    }

    /// "Team Leadership: Manage …" → ("Team Leadership", "Manage …"). The label must be short and
    /// must not itself be a sentence, so "Note: see …" qualifies but "In 2024, it grew: …" does not.
    static func label(_ text: String) -> (label: String, text: String)? {
        let utf8 = text.utf8
        // Most lines have no colon in their first 81 bytes: decided on the buffer, before any
        // index arithmetic or String is made.
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon <= 80,
                !bytes[..<colon].contains(UInt8(ascii: ","))
            else { return nil }
            return colon
        }
        guard let colonOffset = found ?? utf8.firstIndex(of: UInt8(ascii: ":")).map({ utf8.distance(from: utf8.startIndex, to: $0) })
        else { return nil }
        let colon = utf8.index(utf8.startIndex, offsetBy: colonOffset)
        let labelBytes = utf8[..<colon]
        guard labelBytes.count <= 80, !labelBytes.contains(UInt8(ascii: ",")) else { return nil }
        let label = String(decoding: labelBytes, as: UTF8.self).trimmingSpaces()
        let rest = String(decoding: utf8[utf8.index(after: colon)...], as: UTF8.self).trimmingSpaces()
        guard !label.isEmpty, !rest.isEmpty, !label.hasSuffixFast("http"), !label.hasSuffixFast("https"), !label.hasSuffixFast(".")
        else { return nil }
        let labelText = String(label)
        guard wordCount(labelText) <= 8, TextKey.offset(of: ". ", in: labelText) == nil else { return nil }
        return (labelText, String(rest))
    }

    static func endsSentence(_ text: String) -> Bool {
        // The last byte decides when it and the byte before it are ASCII: two ASCII bytes other
        // than CR LF are two Characters. Otherwise the last Character does.
        let decided = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let last = bytes.last, last < 0x80, bytes.count < 2 || bytes[bytes.count - 2] < 0x80 else { return nil }
            return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: ";") || last == UInt8(ascii: ",")
        }
        if let decided = decided ?? nil { return decided }
        guard let last = text.last else { return false }
        return last == "." || last == "!" || last == ";" || last == ","
    }

    /// Words separated by spaces, counted on the UTF-8 bytes (no grapheme breaking).
    static func wordCount<Text: StringProtocol>(_ text: Text) -> Int {
        // On the buffer when there is one (always, for native strings): the view's iterator costs more.
        text.utf8.withContiguousStorageIfAvailable(wordCount(bytes:)) ?? wordCount(bytes: text.utf8)
    }

    private static func wordCount<Bytes: Sequence<UInt8>>(bytes: Bytes) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// Markers that end an article's content: what follows is site navigation.
    static func isStopMarker(folded key: String) -> Bool {
        return key.hasPrefixFast("salary insights") || key.hasPrefixFast("related articles") || key == "related posts"
            || key.hasPrefixFast("view salary info for")
    }

    static func isTableOfContents(folded key: String) -> Bool {
        return key == "table of contents" || key == "contents"
    }

    /// "@ Company | Place", or "@Company | Place" (no space, so the separator must be there).
    static func isCompanyLine(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.first == UInt8(ascii: "@"), let second = utf8.dropFirst().first else { return false }
        return second == 0x20 || text.containsByte(UInt8(ascii: "|"))
    }

    /// Whether `next` is the following item of the numbered list `line` belongs to ("2." after "1.").
    static func continuesNumbering(_ line: String, _ next: String?) -> Bool {
        guard let next, let number = leadingNumber(line), let following = leadingNumber(next) else { return false }
        return following == number + 1
    }

    private static func leadingNumber(_ text: String) -> Int? {
        guard isBullet(text) else { return nil }
        // The ASCII digits at the start are Characters of their own unless a non-ASCII byte (a
        // mark) follows them: read on the bytes, else as Characters.
        let digits = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var end = 0
            while end < bytes.count && bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
            guard end == bytes.count || bytes[end] < 0x80 else { return nil }
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
        return Int((digits ?? nil) ?? String(text.prefix { $0.isASCII && $0.isNumber }))
    }

    /// Every word of four letters or more starts with a capital: "Required Skills", "Key
    /// Differences", not "Improve your skills".
    static func isTitleCase(_ text: String) -> Bool {
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ isTitleCaseASCII($0) }) ?? nil { return ascii }
        if let byWords = text.utf8.withContiguousStorageIfAvailable({ isTitleCaseByWords(text, $0) }) ?? nil { return byWords }
        return text.split(separator: " ").allSatisfy { word in
            word.count < 4 || word.first.map { !$0.isLetter || $0.isUppercase } ?? true
        }
    }

    /// `isTitleCase` on ASCII bytes (a word's length in bytes is its length in characters, and
    /// its first character is a letter that is not upper case only if it is a–z); nil for other text.
    private static func isTitleCaseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard ByteSearch.isASCII(bytes) else { return nil }
        var wordStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
            if index - wordStart >= 4 && bytes[wordStart] >= 0x61 && bytes[wordStart] <= 0x7A { return false }
            wordStart = index + 1
        }
        return true
    }

    /// `isTitleCase` of other text, split on the bytes where every space has ASCII bytes on both
    /// sides (so no mark joins it and no prepended character takes it: each is a Character and
    /// a separator, as `split` finds them); ASCII words are judged on their bytes, the others by
    /// their Characters. Nil when a space touches a non-ASCII byte.
    private static func isTitleCaseByWords(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        for index in bytes.indices where bytes[index] == 0x20 {
            if index > 0 && bytes[index - 1] >= 0x80 { return nil }
            if index + 1 < bytes.count && bytes[index + 1] >= 0x80 { return nil }
        }
        let utf8 = text.utf8
        var wordStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
            defer { wordStart = index + 1 }
            guard index > wordStart else { continue }
            if bytes[wordStart..<index].allSatisfy({ $0 < 0x80 }) {
                if index - wordStart >= 4 && bytes[wordStart] >= 0x61 && bytes[wordStart] <= 0x7A { return false }
                continue
            }
            let word = text[utf8.index(utf8.startIndex, offsetBy: wordStart)..<utf8.index(utf8.startIndex, offsetBy: index)]
            guard word.count < 4 || word.first.map({ !$0.isLetter || $0.isUppercase }) ?? true else { return false }
        }
        return true
    }

    /// Headings of sections this parser keeps only as text, common in "X vs Y" articles.
    static func isOtherHeading(folded: String) -> Bool {
        guard wordCount(folded) <= 6 else { return false }
        let padded = " " + folded
        return otherHeadingKeywords.contains { TextKey.contains(padded, $0) }
    }

    private static let otherHeadingKeywords = [
        " difference", " similarit", " compar", " salary", " salaries", " pay ", " pros and cons", " career path",
        " career progression", " key takeaway", " faq", " frequently asked", " which one", " side by side", " at a glance",
        " work environment", " work life", " overlap",
    ]

    static func isFeaturedJobMarker(folded: String) -> Bool {
        folded.hasPrefixFast("featured job")
    }

    /// Words that, at the start of a word, say which section a heading or lead-in opens. The
    /// earliest match in a line wins ("Tools and Software Used" → tools).
    static let sectionKeywords: [(SectionKind, [String])] = [
        (.intro, ["introduction"]),
        (.definitions, ["definition", "defining", "what is", "what are", "what does", "overview of the role", "role overview", "roles explained", "understanding the roles", "who is"]),
        (.responsibilities, ["responsibilit", "duties", "day to day", "key tasks", "job description", "what they do", "what do they do"]),
        (.skills, ["skill", "competenc", "requirements"]),
        (.education, ["education", "qualification", "degree", "academic", "certification"]),
        (.tools, ["tool", "software used", "technologies", "tech stack", "technology stack", "software and platforms"]),
        (.industries, ["industr", "sectors", "where they work", "employers"]),
        (.outlook, ["outlook", "job market", "career prospect", "future prospect", "salary and demand", "demand and growth", "employment trends"]),
        (.tips, ["tip", "getting started", "get started", "how to become", "advice", "next steps", "breaking into", "roadmap"]),
        (.conclusion, ["conclusion", "final thought", "final word", "closing thought", "summary", "verdict", "which is right", "which should you choose", "which one should", "choosing between", "bottom line", "wrapping up"]),
    ]

    /// Lead-in sentences word it differently from headings ("X are responsible for:").
    static let leadInKeywords: [(SectionKind, [String])] = [
        (.responsibilities, ["responsible for", "tasks include", "typically do"]),
        (.education, ["educational background", "background in", "studied"]),
        (.tools, ["use tools", "commonly use", "work with tools"]),
        (.industries, ["work in industries", "employed in"]),
    ]

    /// The keywords with their leading space, as bytes, in table order.
    private static let sectionKeywordBytes = sectionKeywords.flatMap { kind, words in words.map { (kind, Array((" " + $0).utf8)) } }
    private static let leadInKeywordBytes = leadInKeywords.flatMap { kind, words in words.map { (kind, Array((" " + $0).utf8)) } }

    /// The section kind a folded line names: the keyword found earliest in `" " + folded`, and at
    /// one position the first in table order. Keywords start with a space, so only the positions
    /// of spaces are tried, in one pass over the bytes (no padded copy, no search per keyword).
    static func sectionKind(inFolded folded: String, leadIn: Bool = false) -> SectionKind? {
        let table = leadIn ? leadInKeywordBytes : sectionKeywordBytes
        var folded = folded
        return folded.withUTF8 { text -> SectionKind? in
            // Position p of the padded text is a space at p = 0 and where text[p - 1] is one; the
            // bytes after it are text[p...].
            var position = 0
            while position <= text.count {
                if position == 0 || text[position - 1] == 0x20 {
                    for (kind, word) in table where word.count - 1 <= text.count - position {
                        var matched = 1
                        while matched < word.count && text[position + matched - 1] == word[matched] { matched += 1 }
                        if matched == word.count { return kind }
                    }
                }
                position += 1
            }
            return nil
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> SubSequence {
        // Most lines start and end with ASCII: trimmed on the bytes (see `ByteSearch.trimBounds`).
        let utf8 = self.utf8
        if let bounds = utf8.withContiguousStorageIfAvailable(ByteSearch.trimBounds) ?? nil {
            let start = utf8.index(utf8.startIndex, offsetBy: bounds.lowerBound)
            return self[start..<utf8.index(start, offsetBy: bounds.count)]
        }
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
