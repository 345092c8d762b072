import Foundation
import Glibc
import Testing

/// What an operator gives `serve` and `ingest` as data, and what they say about it.
@Suite struct OperatorDataTests {
    private static let seeds = IngestTests.resources
    private static let seed = "deep-learning-engineer-vs-lead-machine-learning-engineer.txt"

    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("operator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func versionIsPrintedAndReportedByTheIndex() throws {
        let result = try CLIProcess.run(["--version"])
        #expect(result.status == 0)
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+"#, options: .regularExpression) != nil, "\(result.stdout)")
        let server = try RunningServer([])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        let index = try JSONSerialization.jsonObject(with: Data(try RawHTTP.get(port: port, "/").body.utf8)) as? [String: Any]
        #expect(index?["version"] as? String == version)
    }

    @Test func anEmptyCorpusRefusesToStartInOneLine() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("not an article\n".utf8).write(to: directory.appendingPathComponent("bad.txt"))
        let result = try CLIProcess.run(["serve", "--port", "0", "--articles", directory.path])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains("cannot start") }
        #expect(errors.count == 1, "\(result.stderr)")
        #expect(errors.first?.contains("--allow-empty") == true)
        #expect(!result.stdout.contains("listening"))
    }

    @Test func anAllowedEmptyStartIsNotReadyUntilAReloadBringsData() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try RunningServer(["--articles", directory.path, "--allow-empty"])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        #expect(try RawHTTP.get(port: port, "/readyz").status == 503)
        #expect(try RawHTTP.get(port: port, "/healthz").status == 200)

        try FileManager.default.copyItem(
            at: Self.seeds.appendingPathComponent(Self.seed), to: directory.appendingPathComponent(Self.seed))
        server.signal(SIGHUP)
        _ = try #require(server.waitForLine { $0.contains("data loaded") && $0.contains("articles=1") })
        #expect(try RawHTTP.get(port: port, "/readyz").status == 200)
    }

    @Test func aJobsFileAloneIsData() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let jobs = directory.appendingPathComponent("jobs.jsonl")
        try Data(#"{"title": "Prompt Wrangler"}"#.utf8).write(to: jobs)
        let server = try RunningServer(["--articles", directory.path, "--jobs", jobs.path])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        #expect(try RawHTTP.get(port: port, "/readyz").status == 200)
    }

    /// Each bad line named `file:line: reason`, counted as lines (not files) at start-up and in
    /// /metrics by kind; the good lines load.
    @Test func badJobLinesAreNamedAndCountedByKind() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let jobs = directory.appendingPathComponent("jobs.jsonl")
        var bytes = Array("""
            {"title": "Good One", "salary": {"currency": "EUR", "min": 50000, "max": 60000}}
            {"title": "Negative", "salary": {"currency": "USD", "min": -5, "max": 10}}
            {"title": "Inverted", "salary": {"currency": "USD", "min": 90000, "max": 60000}}
            {"title": "Zero", "salary": {"currency": "USD", "min": 0}}
            {"title": "Money", "salary": {"currency": "ABC", "min": 1}}
            {"title": "Period", "salary": {"currency": "USD", "min": 1, "period": "fortnight"}}
            {"title":

            """.utf8)
        bytes += Array(#"{"title": "caf"#.utf8) + [0xE9] + Array("\"}\n".utf8)  // Latin-1 é
        let long = Array(#"{"title": "Long", "company": ""#.utf8) + [UInt8](repeating: 0x61, count: 100_000) + Array("\"}".utf8)
        bytes += long + [0x0A]
        try Data(bytes).write(to: jobs)

        let server = try RunningServer(["--jobs", jobs.path])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        let loaded = try #require(server.waitForLine { $0.contains("data loaded") })
        #expect(loaded.contains("rejected_files=0"), "\(loaded)")
        #expect(loaded.contains("rejected_job_lines=8"), "\(loaded)")
        let expected = [
            2: "salary.min -5 is negative", 3: "salary.min 90000 is above salary.max 60000", 4: "salary.min 0 is zero",
            5: "not an ISO 4217 currency code", 6: "salary.period 'fortnight'", 7: "not valid JSON",
            8: "not valid UTF-8", 9: "line is \(long.count) bytes long (at most 65536)",
        ]
        for (line, reason) in expected {
            #expect(server.log.contains { $0.contains("\(jobs.path):\(line): ") && $0.contains(reason) }, "line \(line)")
        }
        let metrics = try RawHTTP.get(port: port, "/metrics").body
        for series in [
            #"careers_rejected_job_lines{kind="invalid_salary"} 4"#, #"careers_rejected_job_lines{kind="unknown_currency"} 1"#,
            #"careers_rejected_job_lines{kind="invalid_json"} 1"#, #"careers_rejected_job_lines{kind="invalid_utf8"} 1"#,
            #"careers_rejected_job_lines{kind="line_too_long"} 1"#, #"careers_rejected_job_lines{kind="field_too_long"} 0"#,
            "careers_rejected_files 0",
        ] {
            #expect(metrics.contains(series + "\n"), "metrics lack \(series)")
        }
        let found = try JSONSerialization.jsonObject(with: Data(try RawHTTP.get(port: port, "/jobs?q=good%20one").body.utf8)) as? [String: Any]
        #expect(found?["total"] as? Int == 1)
    }

    /// A FIFO, a symlink loop, a directory: one line naming the path and the cause, at once.
    @Test func unreadableDataPathsAreNamedWithTheirCause() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (fifo, loop) = (directory.path + "/postings.fifo", directory.path + "/self-link")
        try #require(mkfifo(fifo, 0o644) == 0 && symlink(loop, loop) == 0)
        let cases: [([String], Int32, String)] = [
            (["--jobs", fifo], 2, "--jobs '\(fifo)': is a FIFO (named pipe), not a regular file"),
            (["--jobs", loop], 2, "--jobs '\(loop)': too many levels of symbolic links"),
            (["--jobs", directory.path], 2, "--jobs '\(directory.path)': is a directory, not a regular file"),
            (["--articles", loop], 2, "--articles '\(loop)': too many levels of symbolic links"),
            (["--articles", fifo], 2, "--articles '\(fifo)': not a directory"),
        ]
        for (arguments, status, message) in cases {
            let result = try CLIProcess.run(["serve", "--port", "0"] + arguments, timeout: 10)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(!result.stderr.contains("Error("), "\(result.stderr)")
        }
        for path in [fifo, loop] {
            let result = try CLIProcess.run(["ingest", path], timeout: 10)
            #expect(result.status == 1)
            #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(path), "\(result.stderr)")
        }
    }

    /// `ingest DIR` and `serve --articles DIR` read one file set: `.txt` in any case, no hidden files.
    @Test func ingestAndServeReadTheSameFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let names = [
            "deep-learning-engineer-vs-lead-machine-learning-engineer.txt": "a.txt",
            "lead-machine-learning-engineer-vs-ai-scientist.txt": "B.TXT",
            "machine-learning-engineer-vs-lead-machine-learning-engineer.txt": ".hidden.txt",
        ]
        for (seed, name) in names {
            try FileManager.default.copyItem(at: Self.seeds.appendingPathComponent(seed), to: directory.appendingPathComponent(name))
        }
        try Data("notes".utf8).write(to: directory.appendingPathComponent("notes.md"))
        let ingest = try CLIProcess.run(["ingest", directory.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any]
        #expect((json?["articles"] as? [Any])?.count == 2)

        let server = try RunningServer(["--articles", directory.path])
        defer { server.stop() }
        let loaded = try #require(server.waitForLine { $0.contains("data loaded") })
        #expect(loaded.contains("articles=2") && loaded.contains("rejected_files=0"), "\(loaded)")
    }

    /// Clients that pipeline requests and never read fill their own buffers, not the server:
    /// a fresh client is still answered while they hang on.
    @Test func nonReadingPipelinersDoNotStopOthersBeingServed() throws {
        let server = try RunningServer(["--no-access-log"])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        let batch = Array(String(repeating: "GET /roles HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", count: 64).utf8)
        var sockets: [Int32] = []
        defer { sockets.forEach { close($0) } }
        for _ in 0..<50 {
            let fd = try RawHTTP.connect(port: port)
            sockets.append(fd)
            _ = batch.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
        }
        #expect(try RawHTTP.get(port: port, "/healthz").status == 200)
        #expect(try RawHTTP.get(port: port, "/roles").status == 200)
    }

    /// A SIGTERM that comes while the data still load (seconds for a large corpus) is acted on
    /// once the server is up, not dropped: an orchestrator stopping a slow starter gets an exit.
    @Test func aStopSignalDuringTheLoadIsNotLost() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Copies of one article: each is parsed (then rejected as a duplicate), which takes time.
        for index in 0..<150 {
            try FileManager.default.copyItem(
                at: Self.seeds.appendingPathComponent(Self.seed), to: directory.appendingPathComponent("copy-\(index).txt"))
        }
        let server = try RunningServer(["--articles", directory.path])
        defer { server.stop() }
        server.signal(SIGTERM)
        #expect(server.waitForExit(timeout: 120) == 0, "\(server.log.suffix(5))")
    }
}
