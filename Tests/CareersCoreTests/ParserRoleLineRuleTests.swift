import CareersCore
import Testing

/// A line that is a role's name opens that role's part of a section (`RoleLineRule`), including the outer role of the role-first layout.
@Suite struct ParserRoleLineRuleTests {
    /// a role whose name contains a section keyword ("Industrial", "Tooling") is a role line.
    @Test func roleNameContainingSectionKeywordIsARoleLine() throws {
        let text = """
            Industrial AI Engineer vs. Tooling Engineer

            Definitions

            Industrial AI Engineer: An Industrial AI Engineer automates plants.

            Tooling Engineer: A Tooling Engineer designs moulds.

            Responsibilities

            Industrial AI Engineer

            - Deploy models on the line.

            - Monitor sensors.

            Tooling Engineer

            - Design moulds.

            Tools

            Industrial AI Engineer

            - Python, PyTorch.

            Tooling Engineer

            - SolidWorks.

            Industries

            Industrial AI Engineer

            - Manufacturing.
            """
        let article = try parseArticle(text)
        #expect(article.profile("Industrial AI Engineer")?.responsibilities.count == 2)
        #expect(article.profile("Tooling Engineer")?.responsibilities.count == 1)
        #expect(article.profile("Industrial AI Engineer")?.tools.map(\.name) == ["Python", "PyTorch"])
        #expect(article.profile("Tooling Engineer")?.tools.map(\.name) == ["SolidWorks"])
        #expect(article.profile("Industrial AI Engineer")?.industries.map(\.text) == ["Manufacturing."])
        #expect(article.profile("Tooling Engineer")?.industries.isEmpty == true)
    }

    /// role-first layout, with the sections under each role.
    @Test func roleFirstLayout() throws {
        let body = """
            Data Scientist

            Responsibilities

            - Train models.

            - Evaluate models.

            Skills

            - Statistics.

            Data Engineer

            Responsibilities

            - Build pipelines.

            Skills

            - SQL.

            Outlook

            Both roles grow.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.responsibilities.count == 2)
        #expect(article.profile("Data Scientist")?.skills.map(\.text) == ["Statistics."])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
        #expect(article.outlook == "Both roles grow.")
    }

    /// An empty per-role list before the next heading is not a role-first layout.
    @Test func emptyListBeforeHeadingIsNotAnOuterRole() throws {
        let body = """
            Industries
            Data Scientist
            - Finance.
            Data Engineer
            Required Skills
            - Communication.
            Data Scientist
            - Statistics.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Engineer")?.industries.isEmpty == true)
        #expect(article.profile("Data Engineer")?.skills.isEmpty == true)
        #expect(article.section(.skills)?.shared.map(\.text) == ["Communication."])
        #expect(article.profile("Data Scientist")?.skills.map(\.text) == ["Statistics."])
    }

    /// a group line that repeats the title's "Role (ABBR)" form opens that role's list; an
    /// abbreviation may keep a known short form whole ("ML Engineer (MLE)").
    @Test(arguments: [
        ("Data Scientist", "Data Engineer", "Data Scientist (DS)", "Data Engineer (DE)"),
        ("Data Scientist", "ML Engineer", "Data Scientists (DS)", "ML Engineer (MLE)"),
        ("Data Scientist", "Machine Learning Engineer", "Data Scientist", "Machine Learning Engineer (MLE)"),
    ])
    func groupLineWithAbbreviation(roles: (String, String, String, String)) throws {
        let text = """
            \(roles.0) vs. \(roles.1)

            Responsibilities

            \(roles.2)

            - Train models.

            \(roles.3)

            - Build pipelines.
            - Run jobs.
            """
        let article = try parseArticle(text)
        #expect(article.profile(roles.0)?.responsibilities.map(\.text) == ["Train models."])
        #expect(article.profile(roles.1)?.responsibilities.map(\.text) == ["Build pipelines.", "Run jobs."])
    }

    /// a last word that is no abbreviation of the role still makes another line ("Data
    /// Engineer Intern", "Data Engineer Day").
    @Test(arguments: ["Data Engineer Intern", "Data Engineer Day", "Data Engineer Ed"])
    func lastWordThatIsNoAbbreviation(line: String) throws {
        let text = """
            Data Scientist vs. Data Engineer

            Responsibilities

            Data Scientist

            - Train models.

            \(line)

            - Build pipelines.
            """
        let article = try parseArticle(text)
        #expect(article.profile("Data Scientist")?.responsibilities.count == 2)
        #expect(article.profile("Data Engineer")?.responsibilities.isEmpty == true)
    }

    /// The body may name a role otherwise than its title: without its seniority when no other
    /// role has that name, by its abbreviation ("MLE"), or without its qualifier in parentheses.
    @Test(arguments: [
        ("Senior Data Scientist vs. Data Engineer", "Data Scientist", "Senior Data Scientist", "Data Engineer"),
        ("Lead ML Engineer vs. Data Engineer", "Lead MLE", "Lead ML Engineer", "Data Engineer"),
        ("Data Engineer (Big Data) vs. Data Scientist", "Data Engineer (Big Data)", "Data Engineer", "Data Scientist"),
    ])
    func bodyNamesOfARole(title: String, bodyLine: String, role: String, other: String) throws {
        let text = """
            \(title)

            Definitions

            The two roles differ.

            Required Skills

            \(bodyLine)

            - Statistics.

            \(other)

            - SQL.
            """
        let article = try parseArticle(text)
        #expect(article.profile(role)?.skills.map(\.text) == ["Statistics."])
        #expect(article.profile(other)?.skills.map(\.text) == ["SQL."])
    }
}
