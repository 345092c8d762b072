/// A line that is a role's name ("Data Scientist", "Data Scientists:", "For Data Analysts",
/// "Data Engineer (DE)") opens that role's part of the section, even when the name contains a
/// section keyword ("Industrial AI Engineer", "Tooling Engineer").
enum RoleLineRule {
    /// A role line right before a heading is the outer role of a role-first layout (role, then
    /// "Responsibilities", "Skills" under it), unless it sits in a per-role list: there it is an
    /// empty list ("Industries / AI Scientist / Tips").
    static func opensRoleFirstLayout(_ context: LayoutContext, _ classifier: LineClassifier) -> Bool {
        guard let next = context.next, let heading = classifier.heading(next, next: nil, context), heading.role == nil else { return false }
        let inList = context.sectionKind?.isPerRoleList ?? false
        return !inList || context.outerRole != nil
    }
}
