import CareersCore
import Testing

/// Spelled-out and short names of one field merge ("GenAI" = "Generative AI", "Machine Learning
/// Operations" = "MLOps"); a fragment alone ("Gen") is no abbreviation.
@Suite struct RoleSynonymMergeTests {
    /// D5: "Gen AI Engineer" and "GenAI Engineer" merge with "Generative AI Engineer", which is the
    /// title shown; no half-spelled alias ("Gen Artificial Intelligence Engineer") is made up, and
    /// "generative" finds the role from a "Gen AI" article alone.
    @Test func genAIMergesWithGenerativeAI() throws {
        let repository = Repository(articles: [
            try RepositoryRoleTests.article("Gen AI Engineer vs. Data Scientist", file: "a.txt"),
            try RepositoryRoleTests.article("Generative AI Engineer vs. Data Analyst", file: "b.txt"),
            try RepositoryRoleTests.article("GenAI Engineers vs. Data Architect", file: "c.txt"),
        ])
        let role = try #require(repository.role(id: "generative-ai-engineer"))
        #expect(role.title == "Generative AI Engineer")
        #expect(role.comparisons == ["a", "b", "c"])
        #expect(role.aliases.contains("Gen AI Engineer"))
        #expect(!role.aliases.contains { $0.hasPrefix("Gen Artificial") || $0.hasPrefix("GenAI Artificial") })
        #expect(repository.role(id: "gen-ai-engineer") == nil)
        #expect(repository.role(id: "genai-engineer") == nil)

        let alone = Repository(articles: [try RepositoryRoleTests.article("Gen AI Engineer vs. Data Scientist", file: "a.txt")])
        let genAI = try #require(alone.role(id: "generative-ai-engineer"))
        #expect(genAI.title == "Generative AI Engineer")
        #expect(genAI.aliases.contains("Gen AI Engineer"))
        #expect(!genAI.aliases.contains { $0.hasPrefix("Gen Artificial") })
        #expect(alone.searchRoles(RoleFilter(query: "generative")).first?.id == "generative-ai-engineer")
    }

    /// D5: "gen" is "generative" only before "AI": "Gen Z Marketer" keeps its words.
    @Test func genAloneIsNoAbbreviation() throws {
        let repository = Repository(articles: [try RepositoryRoleTests.article("Gen Z Marketer vs. Data Analyst", file: "a.txt")])
        let role = try #require(repository.role(id: "gen-z-marketer"))
        #expect(role.aliases.isEmpty)
    }
}

extension RoleSynonymMergeTests {
    /// D9: "Machine Learning Operations Engineer" and "ML Operations Engineer" are "MLOps
    /// Engineer": one role, found by "mlops", with "MLOps Engineer" among its names.
    @Test func machineLearningOperationsIsMLOps() throws {
        let alone = Repository(articles: [
            try RepositoryRoleTests.article("Machine Learning Operations Engineers vs. Data Platform Engineers", file: "a.txt"),
        ])
        let role = try #require(alone.role(id: "mlops-engineer"))
        #expect(role.aliases.contains("MLOps Engineer"))
        #expect(alone.searchRoles(RoleFilter(query: "mlops")).first?.id == "mlops-engineer")
        #expect(alone.searchRoles(RoleFilter(query: "machine learning operations")).first?.id == "mlops-engineer")

        let repository = Repository(articles: [
            try RepositoryRoleTests.article("Machine Learning Operations Engineer vs. Data Architect", file: "a.txt"),
            try RepositoryRoleTests.article("MLOps Engineer vs. Data Analyst", file: "b.txt"),
            try RepositoryRoleTests.article("ML Operations Engineer vs. Data Scientist", file: "c.txt"),
            try RepositoryRoleTests.article("Business Operations Analyst vs. Data Analyst", file: "d.txt"),
        ])
        #expect(repository.role(id: "mlops-engineer")?.comparisons == ["a", "b", "c"])
        #expect(repository.role(id: "machine-learning-operations-engineer") == nil)
        #expect(repository.role(id: "business-operations-analyst")?.comparisons == ["d"])
    }
}
