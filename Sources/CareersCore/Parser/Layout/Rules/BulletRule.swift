/// A list item: "- x", "• x", "* x", "1. x", "1) x". Its label ("Team Leadership: Manage …") is
/// kept; a label that is a role's name makes it that role's line ("- Data Scientist: …"), except
/// above the first section, where bullets are intro text.
enum BulletRule {
    static func item(_ text: String, line: ArticleLine, _ context: LayoutContext, _ classifier: LineClassifier) -> LineKind {
        let label = LinePatterns.label(text)
        if context.inSection, label != nil, let kind = RoleLabelledLineRule.kind(line, text: text, label: .some(label), context, classifier) { return kind }
        // "- The key responsibilities include:" is a lead-in written as a bullet (the reading
        // report names it): it announces the list, it is not in it.
        if context.inSection, context.sectionKind != .definitions, text.hasSuffixFast(":"), LinePatterns.wordCount(text) >= 3,
            LeadInRule.announcesList(TextKey.fold(text)), let leadIn = LeadInRule.kind(ArticleLine(number: line.number, text: text), context, classifier) {
            return leadIn
        }
        return .bullet(Bullet(depth: depth(line, context), label: label?.label, text: text, indent: line.indent))
    }

    /// 1 for a bullet indented further than its list's own bullets, else 0.
    static func depth(_ line: ArticleLine, _ context: LayoutContext) -> Int {
        if let category = context.category, category.isBullet, line.indent > category.indent { return 1 }
        guard let base = context.bulletIndent else { return 0 }
        return line.indent >= base + 2 ? 1 : 0
    }
}
