@testable import CareersAPI
import CareersCore
import Foundation
import HTTPServer
import Testing

/// Jobs' dates, date sorts, and Last-Modified with the conditions on it, over real sockets.
@Suite(.serialized) struct FreshnessTests {
    let live: LiveServer
    static let newest = "Wed, 30 Oct 2024 00:00:00 GMT"

    init() throws {
        live = try LiveServer(CareersAPI(repository: sharedAPI.repository))
    }

    @Test func jobsCarryTheDatesOfTheirArticles() throws {
        let repository = sharedAPI.repository
        let items = try live.get("/jobs?limit=100").json["items"] as? [[String: Any]] ?? []
        #expect(items.count == repository.jobs.count)
        for item in items {
            let sources = item["sources"] as? [String] ?? []
            let dates = sources.compactMap { repository.article(id: $0)?.published }.sorted()
            #expect(item["first_seen"] as? String == dates.first, "\(item)")
            #expect(item["last_seen"] as? String == dates.last, "\(item)")
            if dates.isEmpty { #expect(item["first_seen"] is NSNull && item["last_seen"] is NSNull) }
        }
    }

    @Test func dateSortsAreNewestOrOldestFirstWithUndatedLast() throws {
        for (sort, newestFirst) in [("date_desc", true), ("date_asc", false)] {
            let items = try live.get("/jobs?sort=\(sort)&limit=100").json["items"] as? [[String: Any]] ?? []
            let dates = items.map { $0["first_seen"] as? String }
            #expect(items.count == sharedAPI.repository.jobs.count)
            let dated = dates.prefix { $0 != nil }.compactMap { $0 }
            #expect(dates.dropFirst(dated.count).allSatisfy { $0 == nil }, "undated jobs last: \(dates)")
            #expect(dated == (newestFirst ? dated.sorted(by: >) : dated.sorted()))
            #expect(Set(dated).count > 1, "the seeds have jobs of more than one date")
        }
    }

    @Test func linkedDataPostsOnTheFirstSeenDate() throws {
        let job = try #require(sharedAPI.repository.jobs.first { $0.firstSeen != nil })
        let linked = try live.get("/jobs/" + job.id, ["Accept: application/ld+json"])
        #expect(linked.json["datePosted"] as? String == job.firstSeen)
        let undated = sharedAPI.repository.jobs.first { $0.firstSeen == nil }
        if let undated {
            #expect(try live.get("/jobs/" + undated.id, ["Accept: application/ld+json"]).json["datePosted"] == nil)
        }
    }

    /// The newest article of the seeds is dated 2024-10-30: every data response says so, gzip or
    /// not, first request or cached; health and problems do not.
    @Test(arguments: ["/", "/roles", "/roles/ai-scientist", "/jobs?sort=date_desc", "/salaries", "/comparisons", "/openapi.json"])
    func dataResponsesCarryTheNewestArticlesDate(path: String) throws {
        for encoding in [[], ["Accept-Encoding: gzip"]] {
            for _ in 0..<2 {
                #expect(try live.get(path, encoding).header("Last-Modified") == Self.newest)
            }
        }
        #expect(try live.get("/healthz").header("Last-Modified") == nil)
        #expect(try live.get("/roles/nobody").header("Last-Modified") == nil)
    }

    /// Two replicas built at different times from the same files send the same date.
    @Test func replicasOfTheSameFilesAgree() throws {
        let other = try LiveServer(CareersAPI(repository: Repository.build(files: EmbeddedArticles.all())))
        #expect(try other.get("/jobs").header("Last-Modified") == live.get("/jobs").header("Last-Modified"))
    }

    @Test func ifModifiedSinceGives304WhenNothingIsNewer() throws {
        for date in [Self.newest, "Thu, 31 Oct 2024 08:00:00 GMT", "Thursday, 31-Oct-24 08:00:00 GMT", "Thu Oct 31 08:00:00 2024"] {
            let response = try live.get("/roles", ["If-Modified-Since: \(date)"])
            #expect(response.status == 304, "\(date)")
            #expect(response.body.isEmpty)
            #expect(response.header("ETag") != nil)
        }
        #expect(try live.get("/roles", ["If-Modified-Since: Tue, 29 Oct 2024 23:59:59 GMT"]).status == 200)
        // An invalid date voids the condition (RFC 9110 §13.1.3): a full 200, never a 400.
        for bad in ["yesterday", "Wed, 32 Oct 2024 00:00:00 GMT", "Wed, 30 Oct 2024 25:00:00 GMT", ""] {
            #expect(try live.get("/roles", ["If-Modified-Since: \(bad)"]).status == 200, "\(bad)")
        }
    }

    /// RFC 9110 §13.2.2: with If-None-Match present, If-Modified-Since is not evaluated.
    @Test func ifNoneMatchTakesPrecedenceOverIfModifiedSince() throws {
        let tag = try #require(try live.get("/roles").header("ETag"))
        let future = "Fri, 01 Jan 2100 00:00:00 GMT"
        #expect(try live.get("/roles", [#"If-None-Match: "stale""#, "If-Modified-Since: \(future)"]).status == 200)
        #expect(try live.get("/roles", ["If-None-Match: \(tag)", "If-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT"]).status == 304)
    }

    @Test func ifUnmodifiedSinceFailsWhenTheDataIsNewer() throws {
        let failed = try live.get("/jobs", ["If-Unmodified-Since: Tue, 01 Oct 2024 00:00:00 GMT"])
        #expect(failed.status == 412)
        #expect(failed.header("Content-Type") == "application/problem+json")
        #expect(try live.get("/jobs", ["If-Unmodified-Since: \(Self.newest)"]).status == 200)
        // If-Match present: If-Unmodified-Since is not evaluated.
        #expect(try live.get("/jobs", ["If-Match: *", "If-Unmodified-Since: Tue, 01 Oct 2024 00:00:00 GMT"]).status == 200)
    }

    @Test func undatedDataHasNoLastModified() throws {
        let undated = CareersAPI(repository: Repository(articles: [Article(id: "a", fileName: "a.txt", title: "A")]))
        let response = undated.call("/roles")
        #expect(response.status == 200)
        #expect(response.headers["Last-Modified"] == nil)
        #expect(undated.call("/roles", [("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT")]).status == 200)
    }

    /// A `--jobs` file's postings have no date: its modification time moves `Last-Modified` when
    /// it is newer than the articles, so a changed file never earns a stale 304.
    @Test func aJobsFileNewerThanTheArticlesMovesLastModified() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("careers-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("jobs.jsonl")
        try Data(#"{"title": "Data Scientist", "company": "Acme", "employment_types": ["full_time"], "level": "mid", "salary": null}"#.utf8)
            .write(to: file)
        func lastModified(touchedAt seconds: Int) throws -> String? {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(seconds))], ofItemAtPath: file.path)
            let api = CareersAPI(repository: Repository.load(directories: [], includeEmbedded: true, jobFiles: [file]))
            return api.call("/jobs").headers["Last-Modified"]
        }
        #expect(try lastModified(touchedAt: 1_893_553_445) == "Wed, 02 Jan 2030 03:04:05 GMT")
        #expect(try lastModified(touchedAt: 1_893_553_446) == "Wed, 02 Jan 2030 03:04:06 GMT")
        // Older than the newest article: the articles' date stands.
        #expect(try lastModified(touchedAt: 1_000_000_000) == Self.newest)
        let api = CareersAPI(repository: Repository.load(directories: [], includeEmbedded: true, jobFiles: [file]))
        #expect(api.call("/jobs", [("If-Modified-Since", "Wed, 02 Jan 2030 03:04:05 GMT")]).status == 304)
    }

    @Test func httpDatesFormatSecondsAndReadThemBack() {
        #expect(HTTPDate.format(seconds: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(seconds: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(seconds: 951_782_400) == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(HTTPDate.format(seconds: 4_133_980_799) == "Fri, 31 Dec 2100 23:59:59 GMT")
        // Every day over four centuries, at a time that moves: formatted, then parsed back.
        let failures = stride(from: -86_400 * 365, through: 86_400 * 365 * 400, by: 86_400 + 3_607).filter { seconds in
            HTTPDate.seconds(HTTPDate.format(seconds: seconds)) != seconds
        }
        #expect(failures.isEmpty, "first failures: \(failures.prefix(3))")
    }

    @Test func httpDatesFormatAndParseTheThreeForms() throws {
        let day = try #require(IsoDate("2024-10-30"))
        #expect(HTTPDate.format(day) == Self.newest)
        #expect(HTTPDate.format(try #require(IsoDate("1994-11-06"))) == "Sun, 06 Nov 1994 00:00:00 GMT")
        let expected = 784_111_777
        #expect(HTTPDate.seconds("Sun, 06 Nov 1994 08:49:37 GMT") == expected)
        #expect(HTTPDate.seconds("Sunday, 06-Nov-94 08:49:37 GMT") == expected)
        #expect(HTTPDate.seconds("Sun Nov  6 08:49:37 1994") == expected)
        #expect(HTTPDate.seconds("Sun, 06 Nov 1994 08:49:37 UTC") == nil)
        #expect(HTTPDate.seconds("Sun, 06 Nov 94 08:49:37 GMT") == nil)
    }
}
