import CareersCore
import Testing

/// Abbreviations merge with the names they stand for ("ML Ops" = "MLOps"), and only where the
/// abbreviation really is one ("MLE" only for the word ML).
@Suite struct RoleAbbreviationMergeTests {
    /// D6: "ML Ops Engineer" merges with "MLOps Engineer" (and "Dev Ops" with "DevOps"), stays an
    /// alias, and each spelling finds the role.
    @Test func opsWrittenApartMerges() throws {
        let repository = Repository(articles: [
            try RepositoryRoleTests.article("MLOps Engineer vs. Data Architect", file: "a.txt"),
            try RepositoryRoleTests.article("Machine Learning Engineer vs. MLOps Engineer", file: "b.txt"),
            try RepositoryRoleTests.article("ML Ops Engineer vs. Dev Ops Engineer", file: "c.txt"),
            try RepositoryRoleTests.article("DevOps Engineer vs. Data Architect", file: "d.txt"),
        ])
        let mlops = try #require(repository.role(id: "mlops-engineer"))
        #expect(mlops.title == "MLOps Engineer")
        #expect(mlops.comparisons == ["a", "b", "c"])
        #expect(mlops.aliases.contains("ML Ops Engineer"))
        #expect(!mlops.aliases.contains("Machine Learning Ops Engineer"))
        #expect(repository.role(id: "machine-learning-ops-engineer") == nil)
        #expect(repository.role(id: "devops-engineer")?.comparisons == ["c", "d"])
        #expect(repository.searchRoles(RoleFilter(query: "ml ops")).first?.id == "mlops-engineer")
        #expect(repository.searchRoles(RoleFilter(query: "mlops")).first?.id == "mlops-engineer")
        #expect(repository.role(id: "machine-learning-engineer")?.comparisons == ["b"])
    }

    /// D6: within its article, prose still finds the role written apart ("An ML Ops Engineer …").
    @Test func opsWrittenApartInProse() throws {
        let article = try parseArticle("""
            ML Ops Engineer vs. DevOps Engineer

            Definitions

            An ML Ops Engineer automates the model lifecycle. A DevOps Engineer automates delivery.

            Required Skills

            ML Ops Engineer

            - Kubernetes.
            """)
        #expect(article.profile("ML Ops Engineer")?.definition == "An ML Ops Engineer automates the model lifecycle.")
        #expect(article.profile("DevOps Engineer")?.definition == "A DevOps Engineer automates delivery.")
        #expect(article.profile("ML Ops Engineer")?.skills.map(\.text) == ["Kubernetes."])
    }

    /// D14: "AI/ML Engineer" gets no "AI/MLE" alias; "Lead ML Engineer" still gets "Lead MLE".
    @Test func mleAliasOnlyForTheWordML() throws {
        let repository = Repository(articles: [
            try RepositoryRoleTests.article("AI/ML Engineer vs. Lead Machine Learning Engineer", file: "a.txt"),
        ])
        let aiml = try #require(repository.roles.first { $0.title == "AI/ML Engineer" })
        #expect(!aiml.aliases.contains("AI/MLE"))
        #expect(repository.role(id: "lead-machine-learning-engineer")?.aliases.contains("Lead MLE") == true)
    }
}
