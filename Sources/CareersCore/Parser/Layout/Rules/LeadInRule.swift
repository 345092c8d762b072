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
        if line.text.hasSuffix(":") { return true }
        guard line.text.hasSuffix("."), let next, LinePatterns.bullet(next.text) != nil else { return false }
        let padded = " " + line.folded + " "
        return [" include ", " includes ", " the following ", " responsible for ", " consist of ", " involve "]
            .contains { TextKey.contains(padded, $0) }
    }
}
