@testable import CareersCore
import Testing

/// Headings open sections, known or not, numbered or not, with or without a role (`SectionHeadingRule`).
@Suite struct ParserSectionHeadingRuleTests {
    /// an unknown heading closes the previous section; its bullets join no role.
    @Test func unknownHeadingsCloseThePreviousSection() throws {
        let body = """
            Industries

            Data Scientist

            - Finance.

            Data Engineer

            - Retail.

            Key Differences

            - Data Scientists model, Data Engineers build.

            Salary Comparison

            - Data Scientist: USD 150K median.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.industries.map(\.text) == ["Finance."])
        #expect(article.profile("Data Engineer")?.industries.map(\.text) == ["Retail."])
        #expect(article.sections.filter { $0.kind == .other }.map(\.heading) == ["Key Differences", "Salary Comparison"])
    }

    /// numbered headings are headings; a numbered tips list stays a list.
    @Test func numberedSectionHeadings() throws {
        let text = """
            Data Scientist vs. Data Engineer

            1. Definitions

            Data Scientist: A Data Scientist analyses data.

            Data Engineer: A Data Engineer builds pipelines.

            2. Required Skills

            Data Scientist

            - Statistics.

            Data Engineer

            - SQL.

            3. Tips

            1. Improve your skills daily.

            2. Network.
            """
        let article = try parseArticle(text)
        #expect(article.profile("Data Scientist")?.skills.map(\.text) == ["Statistics."])
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
        #expect(article.sections.map(\.kind) == [.definitions, .skills, .tips])
        #expect(article.sections.map(\.heading) == ["Definitions", "Required Skills", "Tips"])
        #expect(article.section(.tips)?.shared.count == 2)
    }

    /// numbered headings in lower case or with roman numerals are headings too; a short
    /// lower-case numbered line that names no section, or a sentence, stays an item.
    @Test(arguments: [
        ("1. definitions", "2. required skills", "3. tips"),
        ("I. Definitions", "II. Required Skills", "III. Tips"),
        ("1) definitions:", "2) skills required", "3) tips for getting started"),
    ])
    func numberedHeadingsInAnyCase(headings: (String, String, String)) throws {
        let text = """
            Data Scientist vs. Data Engineer

            \(headings.0)

            Data Scientist: A Data Scientist analyses data.

            Data Engineer: A Data Engineer builds pipelines.

            \(headings.1)

            Data Scientist

            - Statistics.

            Data Engineer

            - SQL.

            \(headings.2)

            1. network.

            2. improve your skills daily.
            """
        let article = try parseArticle(text)
        #expect(article.sections.map(\.kind) == [.definitions, .skills, .tips])
        #expect(article.profile("Data Scientist")?.skills.map(\.text) == ["Statistics."])
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer builds pipelines.")
        #expect(article.section(.tips)?.shared.count == 2)
    }

    @Test(arguments: ["responsibilities", "required skills", "tools and technologies", "career outlook"])
    func shortLowerCaseSectionNamesAreHeadingNames(_ item: String) {
        #expect(SectionHeadingRule.isShortSectionName(item))
    }

    @Test(arguments: ["build a portfolio", "network.", "learn the skills a data engineer needs every day"])
    func otherLowerCaseItemsAreNot(_ item: String) {
        #expect(!SectionHeadingRule.isShortSectionName(item))
    }

    /// "What does a X do?" under Responsibilities heads X's list; it is no definitions heading.
    @Test(arguments: [
        ("What Does a Data Scientist Do?", "What Does a Data Engineer Do?"),
        ("What a Data Scientist Does", "What a Data Engineer Does"),
        ("A Day in the Life of a Data Scientist", "A Day in the Life of a Data Engineer"),
    ])
    func roleActivityHeadingsGroupResponsibilities(headings: (String, String)) throws {
        let body = """
            Responsibilities

            \(headings.0)

            - Train models.
            - Run experiments.

            \(headings.1)

            - Build pipelines.

            Required Skills

            Data Scientist

            - Statistics.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models.", "Run experiments."])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data.")
        #expect(article.sections.filter { $0.kind == .definitions }.count == 1)
    }

    /// without a Responsibilities heading, "A Day in the Life of a X" or "What does a X do?"
    /// over a list is X's duties; over a paragraph, "What does a X do?" stays a definition.
    @Test func roleActivityHeadingsWithoutListHeading() throws {
        let text = """
            Data Scientist vs. Data Engineer

            3 min read · Jan. 5, 2024

            What Does a Data Scientist Do?

            A Data Scientist analyses data.

            What Does a Data Engineer Do?

            A Data Engineer builds pipelines.

            A Day in the Life of a Data Scientist

            - Train models.

            What Does a Data Engineer Do?

            - Build pipelines.
            """
        let article = try parseArticle(text)
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data.")
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer builds pipelines.")
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
    }

    /// "Job Descriptions" over definition paragraphs is a Definitions section; over role lines
    /// and bullets it still lists responsibilities.
    @Test func jobDescriptionsHeading() throws {
        let definitions = defaultDefinitions.replacingOccurrences(of: "Definitions\n", with: "Job Descriptions\n")
        let body = """
            Job Description

            Data Scientist

            - Train models.
            """
        let article = try parseArticle(sampleArticle(definitions: definitions, body: body))
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data.")
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer builds pipelines.")
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
    }

    /// "What They Do" (and "What Do They Do?") heads the responsibilities, in both layouts.
    @Test(arguments: ["What They Do", "What Do They Do?"])
    func whatTheyDoHeading(heading: String) throws {
        let listFirst = """
            \(heading)

            Data Scientist

            - Train models.

            Data Engineer

            - Build pipelines.
            """
        let article = try parseArticle(sampleArticle(body: listFirst))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data.")
    }
}
