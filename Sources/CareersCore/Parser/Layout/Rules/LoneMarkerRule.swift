/// "-" alone on a line, then the item's text on the next. The text is the item unless it is
/// structure: a stray lone marker must not swallow a role line, a heading or another bullet. A
/// heading-like line is still the item when the list goes on after it ("-", "Education", "-", …
/// among the industries).
enum LoneMarkerRule {
    static func item(
        _ line: ArticleLine, bullet: LinePatterns.Bullet?, role: Int?, _ context: LayoutContext, _ classifier: LineClassifier
    ) -> LineKind? {
        guard bullet == nil, role == nil else { return nil }
        guard classifier.heading(line, next: context.next, context) == nil
            || ListItemLikeHeadingRule.isItem(line, context, classifier, listGoesOn: true)
        else { return nil }
        return BulletRule.item(line.text, line: line, context, classifier)
    }
}
