import CareersCore
import Testing

/// A bullet marker alone on its line takes the next line as its item, unless that line is structure (`LoneMarkerRule`).
@Suite struct ParserLoneMarkerRuleTests {
    /// a stray lone "-" does not swallow the next role line.
    @Test func strayLoneMarkerBeforeRoleLine() throws {
        let body = """
            Responsibilities
            Data Scientist
            - Train models.
            -
            Data Engineer
            - Build pipelines.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
    }
}
