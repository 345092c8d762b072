import CareersCore
import Testing

/// Repository-level defects from the third parser campaign (D5, D9 in its report).
@Suite struct RepositoryCampaign3Tests {
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
        #expect(genAI.aliases.contains("Generative AI Engineer"))
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
