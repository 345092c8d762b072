import CareersCore
import Testing

/// Repository-level defects from the article campaign (findings-articles.md).
@Suite struct RepositoryCampaignRegressionTests {
    /// Finding 8: only plurals of nouns for people are made singular when roles merge.
    @Test func titlesWithoutSingularKeepTheirSpelling() throws {
        let repository = Repository(articles: [
            try RepositoryRoleTests.article("MLOps vs. DevOps", file: "a.txt"),
            try RepositoryRoleTests.article("Head of Analytics vs. Director of Data Services", file: "b.txt"),
            try RepositoryRoleTests.article("Data Scientists vs. Actuaries", file: "c.txt"),
        ])
        let roles = repository.roles.map { [$0.id, $0.title] }
        #expect(roles == [
            ["actuary", "Actuary"], ["data-scientist", "Data Scientist"], ["devops", "DevOps"],
            ["director-of-data-services", "Director of Data Services"], ["head-of-analytics", "Head of Analytics"], ["mlops", "MLOps"],
        ])
    }

    /// Finding 25: "Sr." and "Jr." merge with "Senior" and "Junior", and stay as aliases.
    @Test func seniorityAbbreviationsMerge() throws {
        let repository = Repository(articles: [
            try RepositoryRoleTests.article("Data Scientist vs. Sr. Data Scientist", file: "a.txt"),
            try RepositoryRoleTests.article("Data Scientist vs. Senior Data Scientist", file: "b.txt"),
            try RepositoryRoleTests.article("Jr. Data Analyst vs. Junior Data Engineer", file: "c.txt"),
        ])
        let senior = try #require(repository.role(id: "senior-data-scientist"))
        #expect(senior.comparisons == ["a", "b"])
        #expect(senior.aliases.contains("Sr. Data Scientist"))
        #expect(repository.role(id: "sr-data-scientist") == nil)
    }
}
