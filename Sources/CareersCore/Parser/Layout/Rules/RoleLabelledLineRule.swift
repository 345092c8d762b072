/// "Data Scientist: …" — a definition under Definitions, the role's items elsewhere ("Machine
/// Learning Engineer: Technology, finance, healthcare, …" lists industries).
enum RoleLabelledLineRule {
    static func kind(
        _ line: ArticleLine, text: String, label known: (label: String, text: String)?? = nil, _ context: LayoutContext, _ classifier: LineClassifier
    ) -> LineKind? {
        guard let (label, rest) = known ?? LinePatterns.label(text), let role = classifier.roles.matcher.exactRole(label) else { return nil }
        // "Data Scientist: The responsibilities of a Data Scientist include:" announces the
        // role's list; it is not its first item.
        if let leadIn = LeadInRule.labelled(role: role, rest: rest, line: line, context) { return leadIn }
        return .roleLabelled(role: role, text: rest)
    }
}
