/// "The responsibilities of a Data Scientist include:" opens the section and/or the role it
/// names, and is no item. "… include:" always; "The responsibilities of a Data Analyst include
/// the following." only when a list follows and the sentence announces one.
enum LeadInRule {
    static func kind(_ line: ArticleLine, _ context: LayoutContext, _ classifier: LineClassifier) -> LineKind? {
        guard LinePatterns.wordCount(line.text) <= 30, isLeadIn(line, next: context.next) else { return nil }
        let matcher = classifier.roles.matcher
        let role = matcher.earliestMention(folded: line.folded)
        let rest = role.map { matcher.removingMention(of: $0, from: line.folded) } ?? line.folded
        let kind = LinePatterns.sectionKind(inFolded: rest) ?? LinePatterns.sectionKind(inFolded: rest, leadIn: true)
        guard kind != nil || role != nil else { return nil }
        var heading = Substring(line.text)
        while heading.last == ":" { heading = heading.dropLast() }
        return .leadIn(kind, role: role, heading: String(heading))
    }

    static func isLeadIn(_ line: ArticleLine, next: ArticleLine?) -> Bool {
        isLeadIn(line.text, folded: line.folded, next: next)
    }

    static func isLeadIn(_ text: String, folded: String, next: ArticleLine?) -> Bool {
        if text.hasSuffixFast(":") { return true }
        guard text.hasSuffixFast("."), let next, LinePatterns.isBullet(next.text) else { return false }
        return announcesList(folded)
    }

    /// Words that announce a list: "… include", "… the following", "… is responsible for".
    static func announcesList(_ folded: String) -> Bool {
        let padded = " " + folded + " "
        return [" include ", " includes ", " the following ", " responsible for ", " consist of ", " consists of ", " involve ", " involves "]
            .contains { TextKey.contains(padded, $0) }
    }

    /// A role's lead-in written with the role as a label: "Data Scientist: The responsibilities of
    /// a Data Scientist include:", "Data Engineer: A Data Engineer is typically responsible for:".
    static func labelled(role: Int, rest: String, line: ArticleLine, _ context: LayoutContext) -> LineKind? {
        let folded = TextKey.fold(rest)
        guard rest.hasSuffixFast(":") || (announcesList(folded) && isLeadIn(rest, folded: folded, next: context.next)) else { return nil }
        let kind = LinePatterns.sectionKind(inFolded: folded) ?? LinePatterns.sectionKind(inFolded: folded, leadIn: true)
        var heading = Substring(line.text)
        while heading.last == ":" { heading = heading.dropLast() }
        return .leadIn(kind ?? context.sectionKind.flatMap { $0 == .definitions ? nil : $0 }, role: role, heading: String(heading))
    }
}
