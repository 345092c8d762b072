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

    @Test func noPathIsAUsageError() throws {
        let result = try CLIProcess.run(["ingest"])
        #expect(result.status == 2)
    }
}
