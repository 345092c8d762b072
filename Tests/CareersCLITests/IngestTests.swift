import Foundation
import Testing

@Suite struct IngestTests {
    /// The seed articles of the repository (Resources/), found from this file's path.
    static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources")

    @Test func seedArticlesAreExtractedAsSnakeCaseJSON() throws {
        let result = try CLIProcess.run(["ingest", Self.resources.path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let articles = try #require(json["articles"] as? [[String: Any]])
        #expect(articles.count == 4)
        #expect((json["rejected"] as? [Any])?.isEmpty == true)
        let first = try #require(articles.first)
        #expect(first["file_name"] as? String == "deep-learning-engineer-vs-lead-machine-learning-engineer.txt")
        #expect((first["jobs"] as? [Any])?.isEmpty == false)
        #expect(result.stdout.contains("\"reading_minutes\""))
    }

    @Test func rejectionNamesFileAndLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("no-headings-\(UUID().uuidString).txt")
        try Data("Data Scientist vs. ML Engineer\n\nJust prose, no sections.\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLIProcess.run(["ingest", Self.resources.path, file.path])
        #expect(result.status == 1)
        #expect(result.stderr.range(of: "\(file.path):[0-9]+: ", options: .regularExpression) != nil, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["articles"] as? [Any])?.count == 4)
    }

    @Test func rejectedFileExitsOneNamingTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("empty.txt")
        try Data().write(to: file)

        let result = try CLIProcess.run(["ingest", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file.path)"))
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let rejected = json?["rejected"] as? [[String: Any]]
        #expect(rejected?.first?["file"] as? String == file.path)
    }

    @Test func missingPathExitsOneNamingIt() throws {
        let result = try CLIProcess.run(["ingest", "/no/such/article.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/no/such/article.txt"))
    }

    @Test func seedsReportNoWarningAndCountTheirNotice() throws {
        let result = try CLIProcess.run(["ingest", "--report", Self.resources.path])
        #expect(result.status == 0)
        #expect(result.stdout == "4 article(s) read, 0 with issues, 0 issue(s), 1 notice(s) not listed (--notices lists them); 0 file(s) rejected\n")
    }

    @Test func noticesAreListedWhenAskedFor() throws {
        let result = try CLIProcess.run(["ingest", "--report", "--notices", Self.resources.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.range(of: "\\.txt:[0-9]+: notice: implausible_salary: ", options: .regularExpression) != nil, "\(result.stdout)")
    }

    @Test func jsonReportKeepsWarningsAndNoticesApart() throws {
        let result = try CLIProcess.run(["ingest", "--report", "--json", Self.resources.path])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let reports = try #require(json["reports"] as? [[String: Any]])
        #expect(reports.count == 4)
        #expect(reports.allSatisfy { ($0["issues"] as? [Any])?.isEmpty == true })
        #expect(reports.compactMap { $0["notices"] as? [[String: Any]] }.joined().map { $0["kind"] as? String } == ["implausible_salary"])
    }

    @Test func noticesWithoutReportIsAUsageError() throws {
        let result = try CLIProcess.run(["ingest", "--notices", Self.resources.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--notices goes with --report"))
    }

    @Test func noPathIsAUsageError() throws {
        let result = try CLIProcess.run(["ingest"])
        #expect(result.status == 2)
    }
}
