import CareersCore
import Testing

/// Each job's roles with their reason (title, similar, featured), and `/jobs?role=` order.
@Suite struct JobRoleLinkTests {
    static let seeds = Repository.embedded()

    static func posting(_ title: String, salary: Double? = nil) -> JobPosting {
        JobPosting(
            title: title, company: "Acme", location: "Berlin", employmentTypes: [.fullTime], level: nil, levelLabel: nil,
            salary: salary.map { Salary(currency: "EUR", min: $0, max: $0, period: .year, annualMin: $0, annualMax: $0, plausible: true) })
    }

    /// An article comparing Data Scientist and AI Scientist that features `featured`, plus one
    /// about Machine Learning Engineers and Data Engineers, and `extra` postings from a jobs file.
    static func repository(featured: [String] = [], extra: [String]) -> Repository {
        Repository(
            articles: [
                Article(id: "data-scientist-vs-ai-scientist", fileName: "a.txt", title: "Data Scientist vs. AI Scientist",
                        roles: ["Data Scientist", "AI Scientist"], jobs: featured.map { posting($0) }),
                Article(id: "machine-learning-engineer-vs-data-engineer", fileName: "b.txt", title: "ML Engineer vs. Data Engineer",
                        roles: ["Machine Learning Engineer", "Data Engineer"]),
            ],
            extraJobs: extra.map { SourcedPosting(source: "jobs:x.jsonl", posting: posting($0)) })
    }

    static func links(_ repository: Repository, _ title: String) -> [String: JobRoleLink] {
        let job = repository.jobs.first { $0.posting.title == title }
        return Dictionary(uniqueKeysWithValues: (job?.roles ?? []).map { ($0.id, $0) })
    }

    @Test func titleNamingTheRoleIsATitleMatchWhateverTheSeniorityAndQualifier() {
        let repository = Self.repository(extra: ["Senior Data Scientist, Pricing", "Lead ML Engineer (Ads)", "Data Science Manager"])
        #expect(Self.links(repository, "Senior Data Scientist, Pricing")["data-scientist"]?.reason == .title)
        #expect(Self.links(repository, "Senior Data Scientist, Pricing")["data-scientist"]?.score == 1)
        #expect(Self.links(repository, "Lead ML Engineer (Ads)")["machine-learning-engineer"]?.reason == .title)
        #expect(Self.links(repository, "Data Science Manager")["data-scientist"] == nil)
    }

    @Test func similarTitlesScoreWithSynonymsAboveTheThreshold() {
        let repository = Self.repository(extra: ["AI Developer", "Research Scientist, AI", "Senior Data Analyst", "Big Data Engineer"])
        // AI ~ ML and Developer ~ Engineer, each worth 0.8: Dice 2 × 1.6 / 4.
        #expect(Self.links(repository, "AI Developer")["machine-learning-engineer"].map { "\($0.reason) \($0.score)" } == "similar 0.8")
        // The qualifier counts when it helps: {research, scientist, ai} against {ai, scientist}.
        #expect(Self.links(repository, "Research Scientist, AI")["ai-scientist"].map { "\($0.reason) \($0.score)" } == "similar 0.8")
        #expect(Self.links(repository, "Big Data Engineer")["data-engineer"]?.reason == .title)
        // {data, analyst} against {data, scientist}: 0.5, under the threshold.
        #expect(Self.links(repository, "Senior Data Analyst")["data-scientist"] == nil)
    }

    @Test func jobsFeaturedInAnArticleRelateToItsRoles() {
        let repository = Self.repository(featured: ["Ecosystem Manager"], extra: [])
        let links = Self.links(repository, "Ecosystem Manager")
        #expect(links.keys.sorted() == ["ai-scientist", "data-scientist"])
        #expect(links.values.allSatisfy { $0.reason == .featured && $0.score == 0 })
    }

    @Test func roleJobsListTitleThenSimilarThenFeatured() {
        let repository = Self.repository(
            featured: ["Ecosystem Manager", "Data Scientist"], extra: ["Senior Data Scientist", "Data Scientist II", "Scientist, Data"])
        let page = repository.searchJobs(JobFilter(role: "data-scientist"), sort: nil, offset: 0, limit: 10)
        #expect(page.role == "data-scientist")
        let reasons = page.items.map { job in job.roles.first { $0.id == "data-scientist" }?.reason }
        #expect(reasons == [.title, .title, .title, .similar, .featured])
        #expect(page.items.last?.posting.title == "Ecosystem Manager")
        #expect(page.items[3].posting.title == "Scientist, Data")
        #expect(repository.jobCount(ofRole: "data-scientist") == 5)
        // Paging walks the same order; other filters keep it.
        #expect(repository.searchJobs(JobFilter(role: "data-scientist"), sort: nil, offset: 3, limit: 1).items.map(\.posting.title) == ["Scientist, Data"])
        #expect(repository.searchJobs(JobFilter(query: "scientist", role: "data-scientist"), sort: nil, offset: 0, limit: 10).total == 4)
    }

    @Test func seedRolesEachHaveJobsAndSalaryFigures() throws {
        for role in Self.seeds.roles {
            #expect(Self.seeds.jobCount(ofRole: role.id) > 0, "\(role.id)")
            let page = Self.seeds.searchJobs(JobFilter(role: role.id), sort: nil, offset: 0, limit: 100)
            #expect(page.total == Self.seeds.jobCount(ofRole: role.id))
            #expect(page.items.allSatisfy { job in job.roles.contains { $0.id == role.id } }, "\(role.id)")
            let stats = Self.seeds.salaryStats(byRole: false, byCurrency: false, filter: JobFilter(role: role.id))
            #expect(stats.reduce(0) { $0 + $1.count } > 0, "\(role.id)")
        }
        #expect(Self.seeds.jobs.allSatisfy { !$0.roles.isEmpty })
    }
}
