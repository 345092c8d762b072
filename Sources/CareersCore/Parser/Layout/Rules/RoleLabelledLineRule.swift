/// "Data Scientist: …" — a definition under Definitions, the role's items elsewhere ("Machine
/// Learning Engineer: Technology, finance, healthcare, …" lists industries).
enum RoleLabelledLineRule {
    static func kind(_ text: String, _ context: LayoutContext, _ classifier: LineClassifier) -> LineKind? {
        guard let (label, rest) = LinePatterns.label(text), let role = classifier.roles.matcher.exactRole(label) else { return nil }
        return .roleLabelled(role: role, text: rest)
    }
}
