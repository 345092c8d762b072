import CareersCore
import Testing

/// Lines that give a role's items by naming another role of the article (`RoleReferences`).
@Suite struct RoleReferenceTests {
    static let seeds = Repository.embedded()

    static func article(analystSkills: String, analystTools: String, file: String = "data-scientist-vs-data-analyst.txt") throws -> Article {
        try scientistVersusAnalyst("""
            Required Skills
            Data Scientist
            - Strong statistics and probability.
            - Python programming for analysis.
            Data Analyst
            \(analystSkills)
            Tools and Software Used
            Data Scientist
            - Programming languages: Python, R.
            - Frameworks: TensorFlow, PyTorch.
            Data Analyst
            \(analystTools)
            """, file: file)
    }

    @Test func seedLeadInheritsEveryToolOfTheMachineLearningEngineerArticle() throws {
        let article = try #require(Self.seeds.article(id: "machine-learning-engineer-vs-lead-machine-learning-engineer"))
        let mleTools = try #require(article.profile("Machine Learning Engineer")?.tools.map(\.name))
        let lead = try #require(Self.seeds.role(id: "lead-machine-learning-engineer"))
        #expect(mleTools.count == 16)
        for name in mleTools {
            // Merged tools carry their entity's name ("Azure ML" as written is "Azure Machine
            // Learning"): match on the entity id.
            let id = Self.seeds.knowledge.toolID(named: name)
            let tool = lead.tools.first { $0.name == name || ($0.id != nil && $0.id == id) }
            #expect(tool?.inheritedFrom == "machine-learning-engineer", "\(name)")
            #expect(tool?.inheritedIn == [article.id], "\(name)")
        }
        // Listed for the Lead only through the reference: inherited from no other article.
        for name in ["Scala", "Keras", "Pandas", "NumPy"] {
            #expect(lead.tools.first { $0.name == name }?.sources == [article.id], "\(name)")
        }
        // The Lead's own tools of that article stay its own.
        #expect(lead.tools.first { $0.name == "Jira" }?.inheritedFrom == nil)
        #expect(Self.seeds.report.unresolvedReferences.isEmpty)
    }

    @Test func sameAsPlusInheritsAndAddsTheRest() throws {
        let article = try Self.article(
            analystSkills: "- Same as Data Scientist, plus Excel and storytelling.",
            analystTools: "- Everything a Data Scientist uses, plus Excel and Power BI.")
        let repository = Repository(articles: [article])
        let analyst = try #require(repository.role(id: "data-analyst"))
        #expect(analyst.skills.map(\.text) == ["Strong statistics and probability.", "Python programming for analysis.", "Excel and storytelling"])
        #expect(analyst.skills.map(\.inheritedFrom) == ["data-scientist", "data-scientist", nil])
        #expect(analyst.tools.map(\.name) == ["Python", "R", "TensorFlow", "PyTorch", "Excel", "Power BI"])
        #expect(analyst.tools.map(\.inheritedFrom) == ["data-scientist", "data-scientist", "data-scientist", "data-scientist", nil, nil])
        // The referenced role is unchanged.
        #expect(repository.role(id: "data-scientist")?.tools.allSatisfy { $0.inheritedFrom == nil } == true)
        #expect(repository.report.unresolvedReferences.isEmpty)
    }

    @Test func referenceNamingNoRoleOfTheArticleStaysTextAndIsReported() throws {
        let article = try Self.article(
            analystSkills: "- Same as above.\n- SQL querying skills.",
            analystTools: "- All tools used by Statisticians.\n- Spreadsheets: Excel.")
        let repository = Repository(articles: [article])
        let analyst = try #require(repository.role(id: "data-analyst"))
        #expect(analyst.skills.map(\.text) == ["Same as above.", "SQL querying skills."])
        #expect(analyst.skills.allSatisfy { $0.inheritedFrom == nil })
        #expect(analyst.tools.map(\.name) == ["Excel"])
        let reported = repository.report.unresolvedReferences
        #expect(reported.map(\.text) == ["Same as above.", "All tools used by Statisticians."])
        #expect(reported.map(\.section) == [.skills, .tools])
        #expect(reported.allSatisfy { $0.article == article.id && $0.role == "Data Analyst" })
    }

    @Test func linesOpeningWithAllThatNameNoRoleAreOrdinaryItems() throws {
        let article = try Self.article(
            analystSkills: "- All reports reviewed with stakeholders.\n- Everything documented clearly.",
            analystTools: "- Spreadsheets: Excel.")
        let repository = Repository(articles: [article])
        #expect(repository.role(id: "data-analyst")?.skills.map(\.text) == ["All reports reviewed with stakeholders.", "Everything documented clearly."])
        #expect(repository.report.unresolvedReferences.isEmpty)
    }
}

/// "Data Scientist vs. Data Analyst" with definitions, then `body`.
func scientistVersusAnalyst(_ body: String, file: String) throws -> Article {
    try parseArticle("""
        Data Scientist vs. Data Analyst
        Definitions
        Data Scientist: A Data Scientist builds models. More detail.
        Data Analyst: A Data Analyst reads data. More detail.
        \(body)
        """, fileName: file)
}
