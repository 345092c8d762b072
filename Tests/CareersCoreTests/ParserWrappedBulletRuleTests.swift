import CareersCore
import Testing

/// A bullet hard-wrapped over several lines is one item (`WrappedBulletRule`).
@Suite struct ParserWrappedBulletRuleTests {
    /// a hard-wrapped bullet keeps its continuation lines; a lower-case line after a finished
    /// item is not glued on.
    @Test func wrappedBulletKeepsItsContinuation() throws {
        let body = """
            Responsibilities

            Data Scientist

            - Find stories in public datasets such as census tables,
              court records, and budget
              documents.
            - Train models.
            also, note this paragraph.

            Data Engineer

            - Build pipelines
              and run them.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == [
            "Find stories in public datasets such as census tables, court records, and budget documents.", "Train models.",
        ])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines and run them."])
    }
}
