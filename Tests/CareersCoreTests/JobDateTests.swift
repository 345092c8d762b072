import CareersCore
import Testing

@Suite struct JobDateTests {
    private func posting(_ title: String) -> JobPosting {
        JobPosting(title: title, company: "Acme", location: "Remote", employmentTypes: [.fullTime], level: .mid, levelLabel: nil, salary: nil)
    }

    /// A job featured in several articles is first seen on the earliest published date and last
    /// seen on the newest; undated articles add no date.
    @Test func seenDatesSpanTheFeaturingArticles() throws {
        let repository = Repository(articles: [
            Article(id: "b", fileName: "b.txt", title: "B", published: "2024-10-30", jobs: [posting("Data Engineer")]),
            Article(id: "a", fileName: "a.txt", title: "A", published: "2023-12-06", jobs: [posting("Data Engineer")]),
            Article(id: "c", fileName: "c.txt", title: "C", published: nil, jobs: [posting("Data Engineer"), posting("Analyst")]),
        ])
        let engineer = try #require(repository.jobs.first { $0.posting.title == "Data Engineer" })
        #expect(engineer.firstSeen == "2023-12-06")
        #expect(engineer.lastSeen == "2024-10-30")
        let analyst = try #require(repository.jobs.first { $0.posting.title == "Analyst" })
        #expect(analyst.firstSeen == nil && analyst.lastSeen == nil)
        #expect(repository.newestPublished == "2024-10-30")
    }

    @Test func seedJobsCarryTheirArticlesDates() throws {
        let seeds = Repository.embedded()
        let engineer = try #require(seeds.jobs.first { $0.posting.title == "Data Engineer" && $0.posting.company == "murmuration" })
        let dates = engineer.sources.compactMap { seeds.article(id: $0)?.published }.sorted()
        #expect(engineer.firstSeen == dates.first)
        #expect(engineer.lastSeen == dates.last)
        #expect(seeds.newestPublished == seeds.articles.compactMap(\.published).max())
        #expect(seeds.jobs.allSatisfy { job in (job.firstSeen == nil) == job.sources.allSatisfy { seeds.article(id: $0)?.published == nil } })
    }

    @Test func newestPublishedIgnoresMalformedDates() {
        let repository = Repository(articles: [
            Article(id: "a", fileName: "a.txt", title: "A", published: "2024-02-30"),
            Article(id: "b", fileName: "b.txt", title: "B", published: "9999-99-99"),
            Article(id: "c", fileName: "c.txt", title: "C", published: "2021-05-01"),
        ])
        #expect(repository.newestPublished == "2021-05-01")
        #expect(Repository(articles: []).newestPublished == nil)
    }

    @Test func dateSortsPutUndatedJobsLast() {
        let repository = Repository(articles: [
            Article(id: "old", fileName: "o.txt", title: "O", published: "2022-01-01", jobs: [posting("Old")]),
            Article(id: "new", fileName: "n.txt", title: "N", published: "2025-01-01", jobs: [posting("New")]),
            Article(id: "none", fileName: "x.txt", title: "X", jobs: [posting("Undated")]),
        ])
        #expect(repository.searchJobs(JobFilter(), sort: .dateDesc).map(\.posting.title) == ["New", "Old", "Undated"])
        #expect(repository.searchJobs(JobFilter(), sort: .dateAsc).map(\.posting.title) == ["Old", "New", "Undated"])
    }

    @Test func isoDatesAreStrictAndCountDaysFromTheEpoch() {
        #expect(IsoDate("2024-02-29")?.daysSinceEpoch == 19_782)
        #expect(IsoDate("1970-01-01")?.daysSinceEpoch == 0)
        #expect(IsoDate("2023-02-29") == nil)
        #expect(IsoDate("2024-1-01") == nil)
        #expect(IsoDate("2024-13-01") == nil)
        #expect(IsoDate("0999-12-31")?.text == "0999-12-31")
    }
}
