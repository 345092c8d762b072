import Foundation
import Testing

@Suite struct IngestTests {
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
