import CareersCore
import Testing

/// Role titles keep their spelling where no singular exists, seniority abbreviations merge, and
/// salaries and ids do not depend on which spelling or currency dominates.
@Suite struct RoleTitleSpellingTests {
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

@Suite struct SalaryCurrencyAndStableIDTests {
    static func posting(_ title: String, _ currency: String, _ min: Double) -> JobPosting {
        JobPosting(
            title: title, company: "Acme", location: "Remote", employmentTypes: [.fullTime], level: .mid, levelLabel: nil,
            salary: Salary.annual(currency: currency, min: min, width: 20_000, implausible: false))
    }

    static let mixed = Repository(articles: [Article(id: "mixed", fileName: "m.txt", title: "M", jobs: [
        posting("Data Engineer", "USD", 120_000), posting("Robotics Engineer", "SEK", 550_000),
        posting("Data Scientist", "CHF", 160_000), posting("Analyst", "USD", 60_000),
    ])])

    /// Finding 7: salary bounds compare within one currency (USD unless `currency` is given).
    @Test func salaryBoundsStayWithinOneCurrency() {
        #expect(Self.mixed.searchJobs(JobFilter(salaryMin: 100_000), sort: .title).map(\.posting.title) == ["Data Engineer"])
        let swiss = Self.mixed.searchJobs(JobFilter(salaryMin: 100_000, currency: "CHF"), sort: .title)
        #expect(swiss.map(\.posting.title) == ["Data Scientist"])
    }

    /// Finding 7: statistics are split by currency when the postings have several.
    @Test func statisticsSplitByCurrencyWhenSeveralExist() {
        let stats = Self.mixed.salaryStats(byRole: false, byCurrency: false, filter: JobFilter())
        #expect(stats.map { [$0.currency ?? "-", "\($0.count)"] } == [["CHF", "1"], ["SEK", "1"], ["USD", "2"]])
        #expect(stats.first { $0.currency == "SEK" }?.max == 570_000)
        let usdOnly = Self.mixed.salaryStats(byRole: false, byCurrency: false, filter: JobFilter(currency: "USD"))
        #expect(usdOnly.map(\.currency) == [nil])
    }

    /// Finding 1: a role's id comes from its merge key, whatever spelling most articles use.
    @Test func roleIDDoesNotDependOnTheDominantSpelling() throws {
        let articles = try ["Data Scientist", "Data Engineer", "Research Scientist"].enumerated().map { index, other in
            try RepositoryRoleTests.article("ML Engineer vs. \(other)", file: "ml-\(index).txt")
        }
        let repository = Repository(articles: articles + RepositoryRoleTests.seeds.articles)
        let role = try #require(repository.role(id: "machine-learning-engineer"))
        // The display name is the full name, however many articles abbreviate it.
        #expect(role.title == "Machine Learning Engineer")
        #expect(role.aliases.contains("ML Engineer"))
        #expect(repository.role(id: "ml-engineer") == nil)
        #expect(repository.role(id: "ai-scientist") != nil)
    }

    /// Finding 21: a category spelled in two cases is one category.
    @Test func toolCategoriesMergeAcrossCase() throws {
        let repository = Repository(articles: [
            try RepositoryRoleTests.article("Data Scientist vs. Data Engineer", file: "a.txt", tools: "- Programming languages: Python, R."),
            try RepositoryRoleTests.article("Data Scientist vs. Data Analyst", file: "b.txt", tools: "- Programming Languages: SQL."),
            try RepositoryRoleTests.article("Data Scientist vs. Statistician", file: "c.txt", tools: "- Programming Languages: Julia."),
        ])
        let tools = try #require(repository.role(id: "data-scientist")).tools
        #expect(Set(tools.map(\.category)) == ["Programming Languages"])
    }
}
