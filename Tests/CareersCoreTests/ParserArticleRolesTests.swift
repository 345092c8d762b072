import CareersCore
import Testing

/// The roles an article compares, from its title or its body (`ArticleRoles`).
@Suite struct ParserArticleRolesTests {
    /// "(2025)", "in 2025", "(DS)" are not part of a role's title.
    @Test(arguments: [
        "Data Scientist vs. Data Engineer (2025)",
        "Data Scientist vs. Data Engineer in 2025: Which Pays More?",
        "Data Scientist (DS) vs. Data Engineer (DE)",
        "Data Scientist v Data Engineer",
    ])
    func titleDecorationsAreNotPartOfRoles(title: String) throws {
        let text = sampleArticle(body: ParserFixtures.skills).replacingOccurrences(
            of: "Data Scientist vs. Data Engineer\n", with: title + "\n")
        let article = try parseArticle(text)
        #expect(article.roles == ["Data Scientist", "Data Engineer"])
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
        #expect(article.profile("Data Scientist")?.skills.count == 2)
    }

    /// "X or Y: …" names two roles when both are role lines in the body.
    @Test func orTitleWhenBothPartsAreRoleLines() throws {
        let text = sampleArticle(body: ParserFixtures.skills).replacingOccurrences(
            of: "Data Scientist vs. Data Engineer\n", with: "Data Scientist or Data Engineer: Which Career Is Right for You?\n")
        let article = try parseArticle(text)
        #expect(article.roles == ["Data Scientist", "Data Engineer"])
    }

    /// a plural title ("Data Scientists vs. Data Engineers") gives singular roles and
    /// profiles; words with no singular ("Analytics") keep their spelling.
    @Test func pluralTitleGivesSingularProfiles() throws {
        let text = """
            Data Scientists vs. Data Engineers: Which Career?

            Definitions

            Data Scientists: A Data Scientist analyses data.

            Data Engineers: A Data Engineer builds pipelines.

            Responsibilities

            Data Scientists

            - Train models.
            """
        let article = try parseArticle(text)
        #expect(article.roles == ["Data Scientist", "Data Engineer"])
        #expect(article.profiles.map(\.title) == ["Data Scientist", "Data Engineer"])
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer builds pipelines.")

        let analytics = try parseArticle("Data Analytics vs. Business Intelligence\n\nDefinitions\n\nData Analytics: Data Analytics is a field.\n")
        #expect(analytics.roles == ["Data Analytics", "Business Intelligence"])
    }
}
