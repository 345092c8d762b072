/// Recognisers for the line shapes articles of this site use: bullets, labels, headings.
enum LinePatterns {
    static let bulletMarkers: Set<Character> = ["-", "–", "—", "•", "*", "·", "◦", "▪", "‣", "●", "○", "■", "►", "➢", "✓", "✔"]

    enum Bullet: Equatable {
        /// A marker alone on its line: the item's text is on the next line.
        case lone
        case item(String)
    }

    /// "- x", "  • x", "1. x", "1) x", or a marker alone.
    static func bullet(_ line: String) -> Bullet? {
        guard let first = line.first else { return nil }
        if bulletMarkers.contains(first) {
            let rest = line.dropFirst()
            if rest.isEmpty { return .lone }
            guard let next = rest.first, next == " " || next == "\t" else { return nil }
            let text = rest.drop(while: { $0 == " " || $0 == "\t" })
            return text.isEmpty ? .lone : .item(String(text))
        }
        if first.isNumber {
            let digits = line.prefix(while: \.isNumber)
            guard digits.count <= 2 else { return nil }
            let rest = line.dropFirst(digits.count)
            guard let punct = rest.first, punct == "." || punct == ")" else { return nil }
            let afterPunct = rest.dropFirst()
            if afterPunct.isEmpty { return .lone }
            guard afterPunct.first == " " || afterPunct.first == "\t" else { return nil }
            return .item(String(afterPunct.drop(while: { $0 == " " || $0 == "\t" })))
        }
        return nil
    }

    /// "Team Leadership: Manage …" → ("Team Leadership", "Manage …"). The label must be short and
    /// must not itself be a sentence, so "Note: see …" qualifies but "In 2024, it grew: …" does not.
    static func label(_ text: String) -> (label: String, text: String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = text[..<colon].trimmingSpaces()
        let rest = text[text.index(after: colon)...].trimmingSpaces()
        guard !label.isEmpty, !rest.isEmpty, label.count <= 60, !label.hasSuffix("http"), !label.hasSuffix("https")
        else { return nil }
        let words = label.split(separator: " ")
        guard words.count <= 8, !label.contains(". "), !label.hasSuffix("."), !label.contains(",") else { return nil }
        return (String(label), String(rest))
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return last == "." || last == "!" || last == ";" || last == ","
    }

    static func wordCount(_ text: String) -> Int {
        text.split(separator: " ", omittingEmptySubsequences: true).count
    }

    /// Markers that end an article's content: what follows is site navigation.
    static func isStopMarker(_ line: String) -> Bool {
        let key = TextKey.fold(line)
        return key.hasPrefix("salary insights") || key.hasPrefix("related articles") || key == "related posts"
            || key.hasPrefix("view salary info for")
    }

    static func isTableOfContents(_ line: String) -> Bool {
        let key = TextKey.fold(line)
        return key == "table of contents" || key == "contents"
    }

    static func isFeaturedJobMarker(_ line: String) -> Bool {
        TextKey.fold(line).hasPrefix("featured job")
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
        (.conclusion, ["conclusion", "final thought", "summary", "verdict", "which is right", "which should you choose", "wrapping up"]),
    ]

    /// Lead-in sentences word it differently from headings ("X are responsible for:").
    static let leadInKeywords: [(SectionKind, [String])] = [
        (.responsibilities, ["responsible for", "tasks include", "typically do"]),
        (.education, ["educational background", "background in", "studied"]),
        (.tools, ["use tools", "commonly use", "work with tools"]),
        (.industries, ["work in industries", "employed in"]),
    ]

    /// The section kind a folded line names, with the position of the keyword that decided.
    static func sectionKind(inFolded folded: String, keywords: [(SectionKind, [String])] = sectionKeywords) -> SectionKind? {
        var best: (SectionKind, Int)?
        let padded = " " + folded
        for (kind, words) in keywords {
            for word in words {
                guard let range = padded.range(of: " " + word) else { continue }
                let position = padded.distance(from: padded.startIndex, to: range.lowerBound)
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
