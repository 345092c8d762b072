/// A heading names a section ("Required Skills", "Educational Background", "2. Responsibilities")
/// and may name a role ("Data Scientist Responsibilities", "Skills of a Data Engineer:").
/// Headings of sections the schema has no list for ("Key Differences", "Salary Comparison") open
/// an `.other` section, so their content joins no role's list and the next known heading still
/// opens its own section.
enum SectionHeadingRule {
    struct Heading: Equatable {
        var kind: SectionKind
        var role: Int?
        /// The heading as written, without a list number ("2. Responsibilities" → "Responsibilities").
        var text: String
    }

    /// "2. responsibilities": a numbered heading in lower case still names a section when it is
    /// short and names one; a longer lower-case line is a list item ("1. build a portfolio").
    static func isShortSectionName(_ item: String) -> Bool {
        LinePatterns.wordCount(item) <= 4 && !LinePatterns.endsSentence(item) && LinePatterns.sectionKind(inFolded: TextKey.fold(item)) != nil
    }

    static func heading(_ line: ArticleLine, next: ArticleLine?, _ context: LayoutContext, _ classifier: LineClassifier) -> Heading? {
        var text = line.text
        var folded = line.folded
        if LinePatterns.isBullet(text) {
            // "1. Definitions": a numbered heading, not the first item of a numbered list. Most
            // bullets are not numbered: decided before the item's String is made.
            guard text.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true, case .item(let item)? = LinePatterns.bullet(text),
                LinePatterns.isTitleCase(item) || isShortSectionName(item), !LinePatterns.continuesNumbering(text, next?.text)
            else { return nil }
            text = item
            folded = TextKey.fold(item)
        }
        guard text.utf8.count <= 120, !LinePatterns.endsSentence(text) else { return nil }
        // A colon is allowed only at the end ("Data Scientist Skills:"); inside, it is a label.
        if hasInnerColon(text) { return nil }
        // A lead-in sentence ("The skills of a Data Engineer include:") is not a heading.
        if text.hasSuffixFast(":"), TextKey.contains(" " + folded + " ", " include ") || TextKey.contains(" " + folded + " ", " includes ") {
            return nil
        }
        let matcher = classifier.roles.matcher
        let role = matcher.earliestMention(folded: folded)
        // The role's own words must not decide the kind ("Industrial AI Engineer Tools").
        let rest = role.map { matcher.removingMention(of: $0, from: folded) } ?? folded
        let roleWords = role.map { LinePatterns.wordCount(classifier.roles.titles[$0]) } ?? 0
        guard LinePatterns.wordCount(text) - roleWords <= 7 else { return nil }
        let headingText = text
        if role != nil, isRoleActivityHeading(rest) {
            // "What Does a Robotics Engineer Do?" under a list heading heads that role's part of the
            // list; elsewhere it opens the role's duties when a list follows, else its definition.
            if let current = context.sectionKind, current.isPerRoleList || current == .tips { return Heading(kind: current, role: role, text: headingText) }
            if let next, LinePatterns.isBullet(next.text) { return Heading(kind: .responsibilities, role: role, text: headingText) }
            if TextKey.contains(" " + rest + " ", " day in the life ") { return Heading(kind: .responsibilities, role: role, text: headingText) }
            return Heading(kind: .definitions, role: role, text: headingText)
        }
        if var kind = LinePatterns.sectionKind(inFolded: rest) {
            // "Job Descriptions" over paragraphs ("X: An X is …") describes the roles: definitions.
            if kind == .responsibilities, role == nil, TextKey.contains(" " + rest, " job description"), let next,
                !LinePatterns.isBullet(next.text), matcher.exactRole(line: next) == nil,
                LinePatterns.wordCount(next.text) > 4, next.text.last == "." {
                kind = .definitions
            }
            return Heading(kind: kind, role: role, text: headingText)
        }
        if context.inSection, role == nil, LinePatterns.isOtherHeading(folded: folded) { return Heading(kind: .other, role: nil, text: headingText) }
        // "## FAQ", "**A Closer Look**", "Career Growth Paths" over a paragraph: a section the
        // schema has no list for, kept as such; it ends the section before it.
        if isUnknownHeading(line, text: text, role: role, next: next, context, classifier) { return Heading(kind: .other, role: nil, text: headingText) }
        return nil
    }

    /// A colon before the last byte that is not one ("Note: x", not "Skills:"), on the buffer.
    private static func hasInnerColon(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            var end = bytes.count
            while end > 0 && bytes[end - 1] == UInt8(ascii: ":") { end -= 1 }
            // `lastIndex` of a non-colon, exclusive: the byte there is not a colon anyway.
            return end > 1 && bytes[..<(end - 1)].contains(UInt8(ascii: ":"))
        }) {
            return found
        }
        let utf8 = text.utf8
        let lastNonColon = utf8.lastIndex { $0 != UInt8(ascii: ":") } ?? utf8.startIndex
        return utf8[..<lastNonColon].contains(UInt8(ascii: ":"))
    }

    /// A heading by its markup (outside the header, and not the title again), or a short Title
    /// Case line with no role over a paragraph, outside the per-role lists.
    private static func isUnknownHeading(
        _ line: ArticleLine, text: String, role: Int?, next: ArticleLine?, _ context: LayoutContext, _ classifier: LineClassifier
    ) -> Bool {
        if line.isMarkedHeading {
            return line.folded != classifier.titleFolded && (context.inSection || context.state == .header(contentsSeen: true))
                && LinePatterns.wordCount(text) <= 12
        }
        // Unmarked, only outside the per-role lists (there a short Title Case line is an item or
        // a group line) and never a list of names ("TensorFlow, JAX, or Keras").
        guard let kind = context.sectionKind, !kind.isPerRoleList, context.list != .awaitingItem, role == nil,
            (2...6).contains(LinePatterns.wordCount(text)), !text.containsByte(UInt8(ascii: ",")),
            text.unicodeScalars.first.map({ $0.properties.isUppercase }) == true, text.last.map({ $0.isLetter || $0 == "?" }) == true,
            LinePatterns.isTitleCase(text), let next, LinePatterns.wordCount(next.text) > 8, !LinePatterns.isBullet(next.text)
        else { return false }
        return true
    }

    /// What a role does rather than what it is: "What does a X do?", "What a X Does", "What do Xs
    /// do", "A Day in the Life of a X", with the role's name already removed from `rest`.
    static func isRoleActivityHeading(_ rest: String) -> Bool {
        if TextKey.contains(" " + rest + " ", " day in the life ") { return true }
        guard rest.hasPrefixFast("what ") else { return false }
        return rest.hasSuffix(" do") || rest.hasSuffix(" does") || rest.hasSuffix(" do all day") || rest.hasSuffix(" actually do")
    }
}
