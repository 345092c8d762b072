import CareersCore
import Testing

@Suite struct ParserDefinitionTests {
    @Test func definitionsAsRoleColonLines() throws {
        let article = try parseArticle(sampleArticle())
        #expect(article.roles == ["Data Scientist", "Data Engineer"])
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data.")
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer builds pipelines.")
    }

    @Test func definitionsAsRoleSubheadingAndParagraph() throws {
        let article = try parseArticle(sampleArticle(definitions: """
            Definitions

            Data Scientist

            A Data Scientist analyses data. They build models.

            Data Engineer

            A Data Engineer builds pipelines.
            """))
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data. They build models.")
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer builds pipelines.")
    }

    @Test func definitionsAsProse() throws {
        let article = try parseArticle(sampleArticle(definitions: """
            Definitions

            A Data Scientist is an analyst who builds models, e.g. forecasts. They report to the business. A Data Engineer, on the other hand, is the one who builds pipelines.
            """))
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist is an analyst who builds models, e.g. forecasts. They report to the business.")
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer, on the other hand, is the one who builds pipelines.")
    }

    @Test func definitionsUnderDefiningTheRoles() throws {
        let article = try parseArticle(sampleArticle(definitions: """
            Defining the Roles

            Data Scientist: Analyses data.
            Data Engineer: Builds pipelines.
            """))
        #expect(article.section(.definitions)?.heading == "Defining the Roles")
        #expect(article.profile("Data Scientist")?.definition == "Analyses data.")
        #expect(article.profile("Data Engineer")?.definition == "Builds pipelines.")
    }

    @Test func headerFieldsAreRead() throws {
        let article = try parseArticle(sampleArticle())
        #expect(article.id == "data-scientist-vs-data-engineer")
        #expect(article.title == "Data Scientist vs. Data Engineer")
        #expect(article.subtitle == "Data Scientist vs Data Engineer: A Comparison")
        #expect(article.readingMinutes == 3)
        #expect(article.published == "2024-01-05")
        #expect(article.intro == "Two roles compared.")
    }
}
