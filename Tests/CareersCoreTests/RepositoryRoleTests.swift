import CareersCore
import Testing

@Suite struct RepositoryRoleTests {
    static let seeds = Repository.embedded()

    static func article(_ title: String, file: String, tools: String = "") throws -> Article {
        let roles = title.components(separatedBy: " vs. ")
        return try parseArticle("""
            \(title)
            Definitions
            \(roles[0]): A \(roles[0]) does things. More detail.
            \(roles[1]): A \(roles[1]) does other things.
            Tools and Software Used
            \(roles[0])
            \(tools)
            """, fileName: file)
    }

    @Test func rolesMergedAcrossArticlesByNormalisedTitle() throws {
        let repository = Repository(articles: [
            try Self.article("Machine Learning Engineer vs. Data Analyst", file: "a.txt"),
            try Self.article("ML Engineers vs. Data Scientist", file: "b.txt"),
        ])
        let role = try #require(repository.role(id: "machine-learning-engineer"))
        #expect(role.comparisons == ["a", "b"])
        #expect(role.definitions.map(\.source) == ["a", "b"])
        #expect(role.summary == "A Machine Learning Engineer does things.")
        #expect(role.related == ["data-analyst", "data-scientist"])
        #expect(repository.roles.count == 3)
    }

    @Test func seedRoleMergedFromFourArticles() throws {
        let lead = try #require(Self.seeds.role(id: "lead-machine-learning-engineer"))
        #expect(lead.comparisons.count == 4)
        #expect(lead.definitions.count == 4)
        #expect(lead.related == ["ai-scientist", "deep-learning-engineer", "machine-learning-engineer", "software-data-engineer"])
        // "Excellent communication and collaboration abilities." is in two articles: one item, two sources.
        let shared = lead.skills.filter { $0.text == "Excellent communication and collaboration abilities." }
        #expect(shared.count == 1)
        #expect(shared.first?.sources.count == 2)
    }

    @Test func aliasesDerivedByRule() throws {
        #expect(Self.seeds.role(id: "lead-machine-learning-engineer")?.aliases.contains("Lead ML Engineer") == true)
        #expect(Self.seeds.role(id: "machine-learning-engineer")?.aliases.contains("ML Engineer") == true)
        #expect(Self.seeds.role(id: "deep-learning-engineer")?.aliases.contains("DL Engineer") == true)
        #expect(Self.seeds.role(id: "ai-scientist")?.aliases.contains("Artificial Intelligence Scientist") == true)
        #expect(Self.seeds.resolveRole("Artificial Intelligence Scientist")?.id == "ai-scientist")
        #expect(Self.seeds.resolveRole("Lead ML Engineer")?.id == "lead-machine-learning-engineer")
        #expect(Self.seeds.resolveRole("DL engineer")?.id == "deep-learning-engineer")
    }

    @Test func typoCaseAndAccentTolerantRoleSearch() {
        #expect(Self.seeds.resolveRole("ml engneer")?.id == "machine-learning-engineer")
        #expect(Self.seeds.resolveRole("MACHINE LEARNING ENGINEER")?.id == "machine-learning-engineer")
        #expect(Self.seeds.resolveRole("Machine Léarning Engineer")?.id == "machine-learning-engineer")
        #expect(Self.seeds.resolveRole("lead-machine-learning-engineer")?.id == "lead-machine-learning-engineer")
        #expect(Self.seeds.resolveRole("plumber") == nil)
        #expect(Self.seeds.searchRoles(RoleFilter(query: "ml engneer")).first?.id == "machine-learning-engineer")
        #expect(Self.seeds.searchRoles(RoleFilter(query: "scientst")).map(\.id) == ["ai-scientist"])
        #expect(Self.seeds.suggestRoleIDs(for: "deep lerning engineer", limit: 1) == ["deep-learning-engineer"])
    }

    @Test func roleFiltersBySkillToolAndIndustry() {
        #expect(Self.seeds.searchRoles(RoleFilter(tool: "latex")).map(\.id) == ["ai-scientist"])
        #expect(Self.seeds.searchRoles(RoleFilter(tool: "sklearn")).map(\.id).contains("machine-learning-engineer"))
        #expect(Self.seeds.searchRoles(RoleFilter(industry: "robotics")).map(\.id) == ["ai-scientist"])
        #expect(Self.seeds.searchRoles(RoleFilter(skill: "scala")).map(\.id) == ["software-data-engineer"])
    }

    @Test func toolNamesNormalisedWithCategories() throws {
        let repository = Repository(articles: [
            try Self.article("Data Scientist vs. Data Engineer", file: "a.txt", tools: "- Frameworks: Tensorflow, scikit learn.\n- sklearn, Apache Spark"),
            try Self.article("Data Scientist vs. Data Analyst", file: "b.txt", tools: "- TensorFlow, Scikit-learn, or Spark"),
        ])
        let tools = try #require(repository.role(id: "data-scientist")?.tools)
        #expect(tools.map(\.name) == ["TensorFlow", "Scikit-learn", "Apache Spark"])
        #expect(tools.first?.category == "Frameworks")
        #expect(tools.first?.sources == ["a", "b"])
    }

    @Test func sentenceAboutToolsIsNotATool() throws {
        let lead = try #require(Self.seeds.role(id: "lead-machine-learning-engineer"))
        #expect(!lead.tools.contains { $0.name.lowercased().contains("all tools") })
        #expect(lead.tools.contains { $0.name == "Jira" && $0.category == "Project Management" })
    }
}

@Suite struct RoleDisplayNameTests {
    static func article(_ title: String, file: String) -> Article {
        Article(id: file, fileName: file + ".txt", title: title, roles: title.components(separatedBy: " vs. "))
    }

    @Test func abbreviatedArticleTitlesNeverNameAMergedRole() throws {
        let repository = Repository(articles: [
            Self.article("ML Engineer vs. Data Analyst", file: "a"),
            Self.article("ML Engineer vs. Data Scientist", file: "b"),
            Self.article("Machine Learning Engineer vs. AI Scientist", file: "c"),
        ])
        let role = try #require(repository.role(id: "machine-learning-engineer"))
        #expect(role.title == "Machine Learning Engineer")
        #expect(role.aliases.contains("ML Engineer"))
        // Short forms the field writes as names stay: "AI Scientist" is its full name.
        #expect(repository.role(id: "ai-scientist")?.title == "AI Scientist")
    }

    @Test func roleOnlyEverAbbreviatedIsSpelledOut() throws {
        let repository = Repository(articles: [Self.article("DL Engineer vs. Data Analyst", file: "a")])
        #expect(repository.role(id: "deep-learning-engineer")?.title == "Deep Learning Engineer")
    }
}
