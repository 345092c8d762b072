/// In a list, an item that reads like a heading ("5. Education", or "-" then "Education", among
/// the industries) is an item when its section came already. After a lone marker it is one too
/// when the list goes on right after it (`listGoesOn`); not after a numbered line, since
/// "2. Responsibilities" followed by bullets is a numbered heading.
enum ListItemLikeHeadingRule {
    static func isItem(_ line: ArticleLine, _ context: LayoutContext, _ classifier: LineClassifier, listGoesOn: Bool) -> Bool {
        guard let current = context.sectionKind, current.isPerRoleList || current == .tips,
            let heading = classifier.heading(line, next: context.next, context), heading.role == nil
        else { return false }
        if context.earlierKinds.contains(heading.kind) { return true }
        return listGoesOn && (context.next.map { LinePatterns.isBullet($0.text) } ?? false)
    }
}
