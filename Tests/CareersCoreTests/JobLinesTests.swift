import CareersCore
import Testing

@Suite struct JobLinesTests {
    private func parse(_ text: String) -> (postings: [JobPosting], rejected: [ArticleRejection]) {
        JobLines.parse(bytes: Array(text.utf8), file: "extra.jsonl")
    }

    @Test func goodLineBecomesAPostingWithAnAnnualisedSalary() throws {
        let result = parse("""
            {"title": " Ingénieur ML ", "company": "Acme", "location": "Remote", "employment_types": ["full_time", "contract"], "level": "senior", "level_label": "Senior", "salary": {"currency": "eur", "min": 40, "max": 60, "period": "hour"}, "source": "board"}

            """)
        #expect(result.rejected.isEmpty)
        let posting = try #require(result.postings.first)
        #expect(result.postings.count == 1)
        #expect(posting.title == "Ingénieur ML")
        #expect(posting.employmentTypes == [.fullTime, .contract])
        #expect(posting.level == .senior)
        #expect(posting.levelLabel == "Senior")
        let salary = try #require(posting.salary)
        #expect(salary.currency == "EUR")
        #expect(salary.period == .hour)
        #expect(salary.annualMin == 40 * Salary.hoursPerYear)
        #expect(salary.plausible)
    }

    @Test func nullLevelAndSalaryAndImplausibleFiguresAreKept() throws {
        let result = parse("""
            {"title": "Data Scientist", "company": "Acme", "location": null, "employment_types": [], "level": null, "salary": null}
            {"title": "Data Engineer", "company": "Acme", "employment_types": ["full_time"], "level": null, "salary": {"currency": "USD", "min": 1111111000, "max": 1111111000, "period": "year"}}
            """)
        #expect(result.rejected.isEmpty)
        #expect(result.postings.map(\.title) == ["Data Scientist", "Data Engineer"])
        #expect(result.postings[0].level == nil && result.postings[0].salary == nil)
        #expect(result.postings[1].salary?.plausible == false)
    }

    @Test func badLinesAreReportedWithTheirNumberAndTheRestIsKept() {
        let result = parse("""
            {"title": "Data Scientist", "employment_types": ["full_time"], "level": "mid", "salary": null}
            {"title": "Broken",
            {"company": "Acme", "employment_types": ["full_time"]}
            {"title": "ML Engineer", "employment_types": ["fulltime"]}
            {"title": "ML Engineer", "level": "principal"}
            {"title": "ML Engineer", "salary": {"currency": "USD", "min": 1, "period": "fortnight"}}
            [1, 2]
            {"title": "   "}
            """)
        #expect(result.postings.map(\.title) == ["Data Scientist"])
        #expect(result.rejected.map(\.line) == [2, 3, 4, 5, 6, 7, 8])
        #expect(result.rejected.allSatisfy { $0.file == "extra.jsonl" })
        let reasons = result.rejected.map(\.reason)
        #expect(reasons[0] == "not valid JSON")
        #expect(reasons[1] == "missing title")
        #expect(reasons[2].hasPrefix("employment_types 'fulltime' is not one of full_time, part_time"))
        #expect(reasons[3].hasPrefix("level 'principal' is not one of entry, mid, senior, executive"))
        #expect(reasons[4].hasPrefix("salary.period 'fortnight'"))
        #expect(reasons[5] == "not a JSON object")
        #expect(reasons[6] == "empty title")
    }

    @Test func extraPostingsMergeWithArticlePostingsByTheSameIdRule() throws {
        let seeds = Repository.embedded()
        let existing = try #require(seeds.jobs.first)
        var copy = existing.posting
        copy.title = copy.title.uppercased()
        let extra = [
            SourcedPosting(source: "jobs:extra.jsonl", posting: copy),
            SourcedPosting(source: "jobs:extra.jsonl", posting: JobPosting(
                title: "Prompt Wrangler", company: "Acme", location: nil, employmentTypes: [], level: nil, levelLabel: nil, salary: nil)),
        ]
        let merged = Repository(articles: seeds.articles, extraJobs: extra)
        #expect(merged.jobs.count == seeds.jobs.count + 1)
        #expect(merged.job(id: existing.id)?.sources == existing.sources + ["jobs:extra.jsonl"])
        #expect(merged.jobs.contains { $0.posting.title == "Prompt Wrangler" && $0.sources == ["jobs:extra.jsonl"] })
    }
}
