import CareersCore
import Testing

/// Definition paragraphs are split by the role each sentence is about (`DefinitionProse`).
@Suite struct ParserDefinitionProseTests {
    /// the role after a subordinate clause's comma is the subject.
    @Test(arguments: [
        "A Data Engineer builds pipelines. Unlike a Data Engineer, a Data Scientist trains models.",
        "While Data Engineers build pipelines, Data Scientists train models.",
    ])
    func proseDefinitionAfterSubordinateClause(paragraph: String) throws {
        let article = try parseArticle(sampleArticle(definitions: "Definitions\n\n" + paragraph, body: ParserFixtures.skills))
        #expect(article.profile("Data Scientist")?.definition?.contains("train") == true)
        #expect((article.profile("Data Engineer")?.definition ?? "").contains("train") == false)
    }

    /// a paragraph naming no role continues the definition before it.
    @Test func secondDefinitionParagraphStaysWithItsRole() throws {
        let definitions = """
            Definitions

            Data Scientist: A Data Scientist analyses data.

            They also present findings.

            Data Engineer: A Data Engineer builds pipelines.

            They also run the warehouse.

            Both roles need SQL.
            """
        let article = try parseArticle(sampleArticle(definitions: definitions, body: ParserFixtures.skills))
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data.\n\nThey also present findings.")
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer builds pipelines.\n\nThey also run the warehouse.")
        #expect(article.section(.definitions)?.text == "Both roles need SQL.")
    }

    /// two roles defined in one sentence; the clause naming the second role is its definition.
    @Test(arguments: [", whereas a", ", while a", ", but a", ", and a", "; a", ", whereas the"])
    func twoRolesDefinedInOneSentence(joint: String) throws {
        let paragraph = "A Data Scientist analyses data, definitions, and trends\(joint) Data Engineer builds and runs pipelines."
        let article = try parseArticle(sampleArticle(definitions: "Definitions\n\n" + paragraph, body: ParserFixtures.skills))
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data, definitions, and trends.")
        let engineer = try #require(article.profile("Data Engineer")?.definition)
        #expect(engineer.hasSuffix("Data Engineer builds and runs pipelines."))
        #expect(engineer.first?.isUppercase == true)
    }

    /// a clause about the same role, or naming a role only as an object, does not split.
    @Test func clauseWithoutAnotherRoleAsSubjectStays() throws {
        let paragraph = "A Data Scientist analyses data, and a Data Scientist also reports to a Data Engineer. A Data Engineer builds pipelines, but a lot of them break."
        let article = try parseArticle(sampleArticle(definitions: "Definitions\n\n" + paragraph, body: ParserFixtures.skills))
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data, and a Data Scientist also reports to a Data Engineer.")
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer builds pipelines, but a lot of them break.")
    }
}
