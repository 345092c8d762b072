/// The roles an article compares, found once before its lines are read, and the matcher that
/// finds them in lines.
struct ArticleRoles {
    let titles: [String]
    let matcher: RoleMatcher

    /// From the title ("X vs. Y"); else "X or Y" when both are named in the body; else the roles
    /// defined as "X: An X is …". Titles are singular ("Data Platform Engineers vs. …" compares
    /// one Data Platform Engineer with another role; its key already is, so matching is unchanged).
    init(lines: [ArticleLine]) {
        let title = lines.first?.text ?? ""
        var titleRoles = RoleNames.rolesFromTitle(title)
        if titleRoles.isEmpty { titleRoles = Self.rolesNamedInBody(RoleNames.rolesFromTitle(title, allowOr: true), lines) }
        titles = (titleRoles.isEmpty ? Self.rolesFromLabels(lines) : titleRoles).map(RoleNames.singularTitle)
        matcher = RoleMatcher(titles: titles)
    }

    var isEmpty: Bool { titles.isEmpty }

    /// The role a whole line names, if any.
    func exactRole(_ line: ArticleLine) -> Int? {
        matcher.exactRole(line: line)
    }

    /// "Data Scientist or Data Analyst": the parts are roles only if each is also a line of its
    /// own or a label in the body.
    private static func rolesNamedInBody(_ candidates: [String], _ lines: [ArticleLine]) -> [String] {
        guard !candidates.isEmpty else { return [] }
        let matcher = RoleMatcher(titles: candidates)
        var seen = Set<Int>()
        for line in lines.dropFirst().prefix(400) {
            if let role = matcher.exactRole(line: line) { seen.insert(role) }
            if let (label, _) = LinePatterns.label(line.text), let role = matcher.exactRole(label) { seen.insert(role) }
        }
        return seen.count == candidates.count ? candidates : []
    }

    /// Without "X vs. Y" in the title, the roles are those defined as "X: A X is …".
    private static func rolesFromLabels(_ lines: [ArticleLine]) -> [String] {
        var found: [String] = []
        for line in lines.prefix(400) {
            guard let (label, text) = LinePatterns.label(line.text), LinePatterns.wordCount(label) <= 6 else { continue }
            let key = RoleNames.key(label)
            let textKey = " " + RoleNames.key(text) + " "
            if TextKey.contains(textKey, " " + key + " "), !found.contains(where: { RoleNames.key($0) == key }) { found.append(label) }
            if found.count == 5 { break }
        }
        return found.count >= 2 ? found : []
    }
}
