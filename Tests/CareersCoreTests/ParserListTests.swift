import CareersCore
import Testing

@Suite struct ParserListTests {
    @Test func perRoleGroupsAsBareRoleLines() throws {
        let article = try parseArticle(sampleArticle(body: """
            Responsibilities

            Data Scientist

            - Analyse data.
            - Build models.

            Data Engineer

            - Build pipelines.
            """))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Analyse data.", "Build models."])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
    }

    @Test func perRoleGroupsAsRoleSectionSubheadings() throws {
        let article = try parseArticle(sampleArticle(body: """
            Data Scientist Responsibilities
            - Analyse data.
            Data Engineer Responsibilities:
            - Build pipelines.
            - Run jobs.
            Data Scientist Skills:
            - Statistics.
            Data Engineer Skills
            - SQL.
            """))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Analyse data."])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines.", "Run jobs."])
        #expect(article.profile("Data Scientist")?.skills.map(\.text) == ["Statistics."])
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
    }

    @Test func perRoleGroupsThroughLeadInSentences() throws {
        let article = try parseArticle(sampleArticle(body: """
            The responsibilities of a Data Scientist include:
            - Analyse data.
            - Build models.
            The responsibilities of a Data Engineer include:
            - Build pipelines.
            """))
        #expect(article.section(.responsibilities) != nil)
        #expect(article.profile("Data Scientist")?.responsibilities.count == 2)
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
    }

    @Test func bulletsDashDotNumberedAndLoneDash() throws {
        let article = try parseArticle(sampleArticle(body: """
            Responsibilities
            Data Scientist
            - Dash item.
              • Dot item.
              1. Numbered item.
            -
            Item on the next line.
            """))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text)
            == ["Dash item.", "Dot item.", "Numbered item.", "Item on the next line."])
    }

    @Test func labelledBulletsKeepLabelAndText() throws {
        let article = try parseArticle(sampleArticle(body: """
            Practical Tips for Getting Started
            Data Scientist
            - Team Leadership: Manage a team.
            - Plain tip.
            """))
        let tips = try #require(article.profile("Data Scientist")?.tips)
        #expect(tips.first?.label == "Team Leadership")
        #expect(tips.first?.text == "Manage a team.")
        #expect(tips.last?.label == nil)
    }

    @Test func toolsAsCategoryLinesAndOrLists() throws {
        let article = try parseArticle(sampleArticle(body: """
            Tools and Software Used
            Data Scientist
            - Frameworks: TensorFlow, PyTorch, Keras.
            - Python, R, or Julia
            - Git or other version control systems
            Data Engineer
            - All tools used by Data Scientists.
            - Spark and Kafka
            """))
        let scientist = try #require(article.profile("Data Scientist")?.tools)
        #expect(scientist.map(\.name) == ["TensorFlow", "PyTorch", "Keras", "Python", "R", "Julia", "Git"])
        #expect(scientist.first?.category == "Frameworks")
        #expect(scientist.dropFirst(3).first?.category == nil)
        #expect(scientist.last?.category == "Version control systems")
        // "All tools used by Data Scientists." refers to the list above: the parser keeps it as
        // an item, and the repository resolves it to the Data Scientist's tools, marked inherited.
        let engineer = try #require(article.profile("Data Engineer")?.tools)
        #expect(engineer.map(\.name) == ["Spark", "Kafka"])
        let block = article.section(.tools)?.roles.first { $0.role == "Data Engineer" }
        #expect(block?.items.map(\.text) == ["All tools used by Data Scientists."])
        #expect(article.readingReport.isEmpty)
        let role = try #require(Repository(articles: [article]).role(id: "data-engineer"))
        #expect(role.tools.filter { $0.inheritedFrom == "data-scientist" }.count == scientist.count)
    }

    @Test func emptyPerRoleList() throws {
        let article = try parseArticle(sampleArticle(body: """
            Common Industries

            Data Scientist

            Data Engineer

            - Banking
            - Retail
            """))
        let section = try #require(article.section(.industries))
        #expect(section.roles.map(\.role) == ["Data Scientist", "Data Engineer"])
        #expect(section.roles.first?.items.isEmpty == true)
        #expect(article.profile("Data Scientist")?.industries.isEmpty == true)
        #expect(article.profile("Data Engineer")?.industries.count == 2)
    }

    @Test func missingSection() throws {
        let article = try parseArticle(sampleArticle(body: """
            Required Skills
            Data Scientist
            - Statistics.
            """))
        #expect(article.section(.tools) == nil)
        #expect(article.profile("Data Scientist")?.tools.isEmpty == true)
        #expect(article.profile("Data Scientist")?.skills.count == 1)
    }

    @Test func educationalBackgroundSingularAndPlural() throws {
        for heading in ["Educational Background", "Educational Backgrounds"] {
            let article = try parseArticle(sampleArticle(body: """
                \(heading)
                Data Scientist
                - A degree.
                """))
            #expect(article.section(.education)?.heading == heading)
            #expect(article.profile("Data Scientist")?.education.map(\.text) == ["A degree."])
        }
    }

    @Test func roleLabelledBulletsInASharedSection() throws {
        let article = try parseArticle(sampleArticle(body: """
            Common Industries
            - Data Scientist: Technology, finance, and healthcare.
            - Data Engineer: Retail.
            """))
        #expect(article.profile("Data Scientist")?.industries.map(\.text) == ["Technology", "Finance", "Healthcare"])
        #expect(article.profile("Data Engineer")?.industries.map(\.text) == ["Retail."])
    }

    @Test func sharedTipsThenConclusionProse() throws {
        let article = try parseArticle(sampleArticle(body: """
            Practical Tips for Getting Started
            -
            Learn: Study hard.
            -
            Network: Meet people.
            By understanding both roles, you can choose.
            """))
        #expect(article.section(.tips)?.shared.map(\.label) == ["Learn", "Network"])
        #expect(article.conclusion == "By understanding both roles, you can choose.")
    }
}
