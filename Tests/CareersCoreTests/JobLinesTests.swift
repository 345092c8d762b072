@testable import CareersCore
import Foundation
import Testing

@Suite struct JobLinesTests {
    private func parse(_ text: String) -> JobLines.Result {
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
        #expect(result.rejected.map(\.kind) == [
            .invalidJSON, .missingField, .invalidField, .invalidField, .invalidSalary, .invalidJSON, .invalidField,
        ])
    }

    @Test func salariesMustBePositiveOrderedAndInAnISOCurrency() {
        let result = parse(#"""
            {"title": "A", "salary": {"currency": "USD", "min": -5, "max": 10}}
            {"title": "B", "salary": {"currency": "USD", "min": 0}}
            {"title": "C", "salary": {"currency": "USD", "min": 90000, "max": 60000}}
            {"title": "D", "salary": {"currency": "XYZ", "min": 1}}
            {"title": "E", "salary": {"currency": "usd", "min": 50000, "max": 60000, "period": "year"}}
            {"title": "F", "salary": {"currency": "CHF", "min": 100000, "max": -1}}
            """#)
        #expect(result.postings.map(\.title) == ["E"])
        #expect(result.rejected.map(\.line) == [1, 2, 3, 4, 6])
        #expect(result.rejected.map(\.reason) == [
            "salary.min -5 is negative", "salary.min 0 is zero", "salary.min 90000 is above salary.max 60000",
            "salary.currency 'XYZ' is not an ISO 4217 currency code", "salary.max -1 is negative",
        ])
        #expect(result.rejected.map(\.kind) == [.invalidSalary, .invalidSalary, .invalidSalary, .unknownCurrency, .invalidSalary])
    }

    @Test func aLineOverTheLimitIsRejectedWithItsLengthAndTheNextLineStillLoads() {
        let long = #"{"title": "x", "company": ""# + String(repeating: "a", count: JobLines.maxLineBytes) + #""}"#
        let result = parse(long + "\n" + #"{"title": "After"}"#)
        #expect(result.postings.map(\.title) == ["After"])
        let rejection = result.rejected.first
        #expect(result.rejected.count == 1)
        #expect(rejection?.line == 1 && rejection?.kind == .lineTooLong)
        #expect(rejection?.reason == "line is \(long.utf8.count) bytes long (at most 65536)")
    }

    @Test func aTextFieldOverItsLimitIsNamed() {
        let result = parse(#"{"title": "x", "location": ""# + String(repeating: "b", count: 600) + #""}"#)
        #expect(result.rejected.map(\.reason) == ["location is 600 bytes long (at most 512)"])
        #expect(result.rejected.first?.kind == .fieldTooLong)
    }

    @Test func invalidUTF8IsNamedAsSuch() {
        var bytes = Array(#"{"title": "caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        bytes += Array("\n".utf8) + Array(#"{"title": "ok"}"#.utf8)
        let result = JobLines.parse(bytes: bytes, file: "extra.jsonl")
        #expect(result.postings.map(\.title) == ["ok"])
        #expect(result.rejected.first?.kind == .invalidUTF8)
        #expect(result.rejected.first?.description == "extra.jsonl:1: not valid UTF-8 (at byte 15 of the line)")
    }

    /// The file is read in chunks: a line cut anywhere by a chunk boundary reads the same.
    @Test func splittingIsTheSameWhateverTheChunkBoundaries() {
        let text = Array(("ab\r\n\n" + String(repeating: "x", count: 10) + "\nlast").utf8)
        func pieces(chunk: Int) -> [LineSplitter.Piece] {
            var splitter = LineSplitter(maxLength: 8)
            var out: [LineSplitter.Piece] = []
            var start = 0
            while start < text.count {
                splitter.feed(text[start..<min(start + chunk, text.count)]) { out.append($0) }
                start += chunk
            }
            if let last = splitter.finish() { out.append(last) }
            return out
        }
        let expected: [LineSplitter.Piece] = [
            .line(number: 1, bytes: Array("ab\r".utf8)), .line(number: 2, bytes: []), .tooLong(number: 3, length: 10),
            .line(number: 4, bytes: Array("last".utf8)),
        ]
        for chunk in [1, 2, 3, 7, 64] {
            #expect(pieces(chunk: chunk) == expected, "chunk \(chunk)")
        }
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
