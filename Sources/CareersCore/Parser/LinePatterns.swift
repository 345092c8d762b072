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
        let utf8 = Array(line.utf8.prefix(8))
        guard let first = utf8.first else { return nil }
        var markerLength = 0
        if first >= 0x30 && first <= 0x39 {
            var digits = 1
            while digits < utf8.count && utf8[digits] >= 0x30 && utf8[digits] <= 0x39 { digits += 1 }
            guard digits <= 2, digits < utf8.count, utf8[digits] == UInt8(ascii: ".") || utf8[digits] == UInt8(ascii: ")") else { return nil }
            markerLength = digits + 1
        } else if let marker = bulletMarkers.first(where: { utf8.starts(with: $0) }) {
            markerLength = marker.count
        } else {
            return nil
        }
        let rest = line.utf8.dropFirst(markerLength)
        guard let next = rest.first else { return .lone }
        guard next == 0x20 || next == 0x09 else { return nil }
        let text = rest.drop { $0 == 0x20 || $0 == 0x09 }
        return text.isEmpty ? .lone : .item(String(decoding: text, as: UTF8.self))
    }

    /// "Team Leadership: Manage …" → ("Team Leadership", "Manage …"). The label must be short and
    /// must not itself be a sentence, so "Note: see …" qualifies but "In 2024, it grew: …" does not.
    static func label(_ text: String) -> (label: String, text: String)? {
        let utf8 = text.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let labelBytes = utf8[..<colon]
        guard labelBytes.count <= 80, !labelBytes.contains(UInt8(ascii: ",")) else { return nil }
        let label = String(decoding: labelBytes, as: UTF8.self).trimmingSpaces()
        let rest = String(decoding: utf8[utf8.index(after: colon)...], as: UTF8.self).trimmingSpaces()
        guard !label.isEmpty, !rest.isEmpty, !label.hasSuffix("http"), !label.hasSuffix("https"), !label.hasSuffix(".")
        else { return nil }
        guard wordCount(String(label)) <= 8, TextKey.offset(of: ". ", in: String(label)) == nil else { return nil }
        return (String(label), String(rest))
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return last == "." || last == "!" || last == ";" || last == ","
    }

    /// Words separated by spaces, counted on the UTF-8 bytes (no grapheme breaking).
    static func wordCount<Text: StringProtocol>(_ text: Text) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
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
        return key.hasPrefix("salary insights") || key.hasPrefix("related articles") || key == "related posts"
            || key.hasPrefix("view salary info for")
    }

    static func isTableOfContents(folded key: String) -> Bool {
        return key == "table of contents" || key == "contents"
    }

    /// "@ Company | Place", or "@Company | Place" (no space, so the separator must be there).
    static func isCompanyLine(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.first == UInt8(ascii: "@"), let second = utf8.dropFirst().first else { return false }
        return second == 0x20 || utf8.contains(UInt8(ascii: "|"))
    }

    /// Whether `next` is the following item of the numbered list `line` belongs to ("2." after "1.").
    static func continuesNumbering(_ line: String, _ next: String?) -> Bool {
        guard let next, let number = leadingNumber(line), let following = leadingNumber(next) else { return false }
        return following == number + 1
    }

    private static func leadingNumber(_ text: String) -> Int? {
        guard bullet(text) != nil else { return nil }
        return Int(String(text.prefix { $0.isASCII && $0.isNumber }))
    }

    /// Every word of four letters or more starts with a capital: "Required Skills", "Key
    /// Differences", not "Improve your skills".
    static func isTitleCase(_ text: String) -> Bool {
        text.split(separator: " ").allSatisfy { word in
            word.count < 4 || word.first.map { !$0.isLetter || $0.isUppercase } ?? true
        }
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
        folded.hasPrefix("featured job")
    }

    /// Words that, at the start of a word, say which section a heading or lead-in opens. The
    /// earliest match in a line wins ("Tools and Software Used" → tools).
    static let sectionKeywords: [(SectionKind, [String])] = [
        (.definitions, ["definition", "defining", "what is", "what are", "what does", "overview of the role", "role overview"]),
        (.responsibilities, ["responsibilit", "duties", "day to day", "key tasks", "job description"]),
        (.skills, ["skill", "competenc"]),
        (.education, ["education", "qualification", "degree", "academic"]),
        (.tools, ["tool", "software used", "technologies", "tech stack", "technology stack"]),
        (.industries, ["industr", "sectors", "where they work"]),
        (.outlook, ["outlook", "job market", "career prospect", "future prospect", "salary and demand", "demand and growth"]),
        (.tips, ["tip", "getting started", "get started", "how to become", "advice", "next steps"]),
        (.conclusion, ["conclusion", "final thought", "summary", "verdict", "which is right", "which should you choose", "which one should", "choosing between", "bottom line", "wrapping up"]),
    ]

    /// Lead-in sentences word it differently from headings ("X are responsible for:").
    static let leadInKeywords: [(SectionKind, [String])] = [
        (.responsibilities, ["responsible for", "tasks include", "typically do"]),
        (.education, ["educational background", "background in", "studied"]),
        (.tools, ["use tools", "commonly use", "work with tools"]),
        (.industries, ["work in industries", "employed in"]),
    ]

    /// The section kind a folded line names, with the position of the keyword that decided.
    private static let paddedSectionKeywords = sectionKeywords.map { ($0.0, $0.1.map { " " + $0 }) }
    private static let paddedLeadInKeywords = leadInKeywords.map { ($0.0, $0.1.map { " " + $0 }) }

    static func sectionKind(inFolded folded: String, leadIn: Bool = false) -> SectionKind? {
        var best: (SectionKind, Int)?
        let padded = " " + folded
        for (kind, words) in leadIn ? paddedLeadInKeywords : paddedSectionKeywords {
            for word in words {
                guard let position = TextKey.offset(of: word, in: padded) else { continue }
                if best == nil || position < (best?.1 ?? .max) { best = (kind, position) }
            }
        }
        return best?.0
    }
}

extension StringProtocol {
    func trimmingSpaces() -> SubSequence {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
