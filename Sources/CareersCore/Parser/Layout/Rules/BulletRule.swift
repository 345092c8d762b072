/// A list item: "- x", "• x", "* x", "1. x", "1) x". Its label ("Team Leadership: Manage …") is
/// kept; a label that is a role's name makes it that role's line ("- Data Scientist: …"), except
/// above the first section, where bullets are intro text.
enum BulletRule {
    static func item(_ text: String, line: ArticleLine, _ context: LayoutContext, _ classifier: LineClassifier) -> LineKind {
        let label = LinePatterns.label(text)
        if context.inSection, let (name, rest) = label, let role = classifier.roles.matcher.exactRole(name) {
            return .roleLabelled(role: role, text: rest)
        }
        return .bullet(Bullet(depth: 0, label: label?.label, text: text))
    }
}
