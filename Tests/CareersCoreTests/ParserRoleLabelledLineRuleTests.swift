import CareersCore
import Testing

/// "Role: …" lines are that role's definition or items (`RoleLabelledLineRule`).
@Suite struct ParserRoleLabelledLineRuleTests {
    /// a role's one-line list ("- Role: a, b, and c.") keeps "and" inside its items; only the
    /// last item's conjunction separates. With the serial comma the last item stays whole too.
    @Test func inlineRoleListKeepsAndInsideItems() throws {
        let body = """
            Common Industries

            - Data Scientist: Technology and Software Development, Finance and Insurance, and Healthcare.
            - Data Engineer: Retail, Logistics, and Media and Entertainment.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.industries.map(\.text)
            == ["Technology and Software Development", "Finance and Insurance", "Healthcare"])
        #expect(article.profile("Data Engineer")?.industries.map(\.text) == ["Retail", "Logistics", "Media and Entertainment"])
    }

    /// the seeds' short form still splits every item ("…, automotive, and telecommunications").
    @Test func inlineRoleListWithoutSerialCommaSplitsLastItem() throws {
        let body = """
            Common Industries

            - Data Scientist: Technology, finance, healthcare and retail.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.industries.map(\.text) == ["Technology", "Finance", "Healthcare", "Retail"])
    }
}
