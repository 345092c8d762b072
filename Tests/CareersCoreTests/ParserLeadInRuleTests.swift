import CareersCore
import Testing

/// Sentences that announce a list open its section or role and are no item (`LeadInRule`).
@Suite struct ParserLeadInRuleTests {
    /// "… include the following." and "For Data Scientists" open a role's list.
    @Test func leadInEndingInPeriodAndForGroupLines() throws {
        let body = """
            Responsibilities

            The responsibilities of a Data Scientist include the following.

            - Train models.

            The responsibilities of a Data Engineer include the following.

            - Build pipelines.

            - Run jobs.

            Required Skills

            For Data Scientists

            - Statistics.

            For Data Engineers

            - SQL.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
        #expect(article.profile("Data Engineer")?.responsibilities.count == 2)
        #expect(article.profile("Data Scientist")?.skills.map(\.text) == ["Statistics."])
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
        // The lead-ins do not become sections of their own.
        #expect(article.sections.filter { $0.kind == .responsibilities }.count == 1)
    }
}
