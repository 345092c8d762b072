/// Decides each line's kind, once, from the line and its `LayoutContext`. The rules are tried in
/// the order below; each lives in the file named for it (Parser/Layout/Rules). The order is the
/// precedence between layouts that share a shape:
///
///  1. `WrappedBulletRule`        the rest of an open item ("court records, and budgets.")
///  2. `LoneMarkerRule`           the text of a lone "-" above it, unless it is structure
///  3. `SiteFurnitureRule`        "Table of contents", rules
///  4. `RoleLineRule`             a line that is a role's name (even "Industrial AI Engineer")
///  5. `ListItemLikeHeadingRule`  "- Education" among industries is an item, not a heading
///  6. `SectionHeadingRule`       headings (any case, numbered, markdown), known or not
///  7. `HeaderFieldRule`          subtitle, byline, repeated title above the first section
///  8. `CategoryLineRule`         "Frameworks:" over tool sub-bullets (under Tools)
///  9. `BulletRule`               list items ("- x", "1. x", "* x", a lone marker)
/// 10. `RoleLineRule` again       a role line in the header (before any section)
/// 11. `LeadInRule` / `RoleLabelledLineRule`  "X: The responsibilities of X include:" is a lead-in;
///                                "X: An X is …" is X's content
/// 12. prose
struct LineClassifier {
    let roles: ArticleRoles
    /// The folded title, which some pages repeat under the subtitle.
    let titleFolded: String

    func classify(_ line: ArticleLine, in context: LayoutContext) -> LineKind {
        if case .open(continuable: true, let indent) = context.list, WrappedBulletRule.continues(line, itemIndent: indent) { return .continuation }
        let role = roles.exactRole(line)
        let bullet = LinePatterns.bullet(line.text)
        if context.list == .awaitingItem, let kind = LoneMarkerRule.item(line, bullet: bullet, role: role, context, self) { return kind }
        if SiteFurnitureRule.isFurniture(line) { return .furniture }
        if let role, context.inSection || context.state == .header(contentsSeen: true) {
            return .roleLine(role, outer: RoleLineRule.opensRoleFirstLayout(context, self))
        }
        if case .item(let text)? = bullet, ListItemLikeHeadingRule.isItem(line, context, self, listGoesOn: false) {
            return BulletRule.item(text, line: line, context, self)
        }
        if let heading = SectionHeadingRule.heading(line, next: context.next, context, self) {
            return .sectionHeading(heading.kind, role: heading.role, heading: heading.text)
        }
        if context.state == .header(contentsSeen: false), let field = HeaderFieldRule.field(line, context, titleFolded: titleFolded) {
            return .header(field)
        }
        if let category = CategoryLineRule.categoryLine(line, bullet: bullet, context) { return .category(category) }
        if let bullet {
            switch bullet {
            case .lone: return .loneMarker
            case .item(let text): return BulletRule.item(text, line: line, context, self)
            }
        }
        if let role { return .roleLine(role, outer: false) }
        if let kind = RoleLabelledLineRule.kind(line, text: line.text, context, self) { return kind }
        if let kind = LeadInRule.kind(line, context, self) { return kind }
        return .prose
    }

    /// The heading `line` would be, with `next` below it (nil: not looked at).
    func heading(_ line: ArticleLine, next: ArticleLine?, _ context: LayoutContext) -> SectionHeadingRule.Heading? {
        SectionHeadingRule.heading(line, next: next, context, self)
    }
}
