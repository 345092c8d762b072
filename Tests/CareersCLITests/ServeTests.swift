import Foundation
import Glibc
import Testing

/// `serve` end to end: the binary started as an operator would, on an ephemeral port.
@Suite struct ServeTests {
    @Test func startUpLogsTheAddressAndTheDataLoaded() throws {
        let server = try RunningServer([])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        #expect(port > 0)
        let data = try #require(server.waitForLine { $0.contains("data loaded") })
        #expect(data.contains("articles=4"))
        #expect(data.contains("rejected_files=0"))
    }

    /// One event loop per core the process may run on (pinned to one core, two loops would only
    /// take turns on it: context switches, tail latency), unless `--event-loops` says otherwise.
    @Test(arguments: [([], "loops=1"), (["--event-loops", "3"], "loops=3")] as [([String], String)])
    func eventLoopsFollowTheAffinityMaskUnlessGiven(arguments: [String], expected: String) throws {
        let server = try RunningServer(arguments, launcher: ["/usr/bin/taskset", "-c", "0"])
        defer { server.stop() }
        let line = try #require(server.waitForLine { $0.contains("listening") && $0.contains("loops=") })
        #expect(line.contains(expected), "\(line)")
        let port = try #require(server.plainPort())
        #expect(try RawHTTP.get(port: port, "/healthz").status == 200)
    }

    @Test func hostComesFromTheEnvironmentAndThePortFlagWinsOverPORT() throws {
        // PORT=1 would need root and is taken by nothing here: it must not be used.
        let server = try RunningServer([], environment: ["HOST": "::1", "PORT": "1"])
        defer { server.stop() }
        let line = try #require(server.waitForLine { $0.contains("listening on http://") })
        #expect(line.contains("listening on http://[::1]:"), "\(line)")
        #expect(!line.hasSuffix(":1"))
    }

    @Test func eachRequestGetsOneAccessLineWithItsRequestID() throws {
        let server = try RunningServer([])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        let response = try RawHTTP.get(port: port, "/healthz", headers: ["X-Request-Id: test-request-42"])
        #expect(response.status == 200)
        let line = try #require(server.waitForLine { $0.contains(" access ") })
        for field in ["method=GET", "path=/healthz", "status=200", "request_id=test-request-42", "duration_us=", "bytes=", "remote=127.0.0.1:"] {
            #expect(line.contains(field), "\(line) lacks \(field)")
        }
    }

    @Test func jsonAccessLinesParse() throws {
        let server = try RunningServer(["--log-format", "json"])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        _ = try RawHTTP.get(port: port, "/healthz")
        let line = try #require(server.waitForLine { $0.contains(#""type":"access""#) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["path"] as? String == "/healthz")
        #expect(object["status"] as? Int == 200)
    }

    @Test func noAccessLogWritesNoAccessLines() throws {
        let server = try RunningServer(["--no-access-log"])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        _ = try RawHTTP.get(port: port, "/healthz")
        server.signal(SIGTERM)
        #expect(server.waitForExit() == 0, "\(server.log)")
        #expect(!server.log.contains { $0.contains(" access ") })
    }

    @Test func portInUseExitsOneNamingTheAddress() throws {
        let holder = try OneShotHTTPServer(response: "")
        defer { holder.stop() }
        let result = try CLIProcess.run(["serve", "--port", "\(holder.port)"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(holder.port)"), "\(result.stderr)")
        #expect(result.stderr.lowercased().contains("in use"), "\(result.stderr)")
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func stopSignalDrainsAndExitsZero(signal: Int32) throws {
        let server = try RunningServer(["--drain-timeout", "5"])
        defer { server.stop() }
        _ = try #require(server.plainPort())
        let start = Date()
        server.signal(signal)
        #expect(server.waitForExit() == 0, "\(server.log)")
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(server.log.contains { $0.contains("stopped") })
    }

    @Test func healthcheckCommandPassesAgainstTheServer() throws {
        let server = try RunningServer([])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        #expect(try CLIProcess.run(["healthcheck"], environment: ["PORT": "\(port)"]).status == 0)
        #expect(try CLIProcess.run(["healthcheck", "http://127.0.0.1:\(port)/readyz"]).status == 0)
    }

    @Test func metricsCarryTheDataCounts() throws {
        let server = try RunningServer([])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        let metrics = try RawHTTP.get(port: port, "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.body.contains("\ncareers_articles 4\n"))
        #expect(metrics.body.contains("# TYPE careers_jobs gauge\n"))
    }
}

/// SIGHUP: a new repository replaces the old one whole, or the old one stays.
@Suite struct ReloadTests {
    private static let seeds = IngestTests.resources

    private func seedDirectory(_ names: [String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("articles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(at: Self.seeds.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        return directory
    }

    private func comparisonCount(_ port: Int) throws -> Int? {
        let body = try RawHTTP.get(port: port, "/comparisons").body
        let json = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return json?["total"] as? Int
    }

    private let first = "deep-learning-engineer-vs-lead-machine-learning-engineer.txt"
    private let second = "lead-machine-learning-engineer-vs-ai-scientist.txt"

    @Test func sighupSwapsInTheArticlesOfTheDirectory() throws {
        let directory = try seedDirectory([first])
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try RunningServer(["--articles", directory.path])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        #expect(try comparisonCount(port) == 1)

        try FileManager.default.copyItem(at: Self.seeds.appendingPathComponent(second), to: directory.appendingPathComponent(second))
        server.signal(SIGHUP)
        _ = try #require(server.waitForLine { $0.contains("data loaded") && $0.contains("articles=2") })
        #expect(try comparisonCount(port) == 2)
    }

    @Test func sighupKeepsTheOldArticlesWhenNoneParses() throws {
        let directory = try seedDirectory([first])
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try RunningServer(["--articles", directory.path])
        defer { server.stop() }
        let port = try #require(server.plainPort())

        try Data("not an article\n".utf8).write(to: directory.appendingPathComponent(first))
        server.signal(SIGHUP)
        let kept = try #require(server.waitForLine { $0.contains("keeping the previous") })
        #expect(kept.contains("1"))
        #expect(server.log.contains { $0.contains("article rejected") && $0.contains(first) })
        #expect(try comparisonCount(port) == 1)
    }
}

/// `--jobs`: extra postings are served with the articles'; a bad line is logged, not fatal.
@Suite struct JobsFileTests {
    @Test func serveMergesTheJobsFileAndLogsItsBadLines() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID().uuidString).jsonl")
        let lines = """
            {"title": "Quantum Prompt Wrangler", "company": "Acme", "employment_types": ["full_time"], "level": null, "salary": null}
            {"title":
            """
        try Data(lines.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let server = try RunningServer(["--jobs", file.path])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        _ = try #require(server.waitForLine { $0.contains("\(file.lastPathComponent):2") && $0.contains("not valid JSON") })
        let body = try RawHTTP.get(port: port, "/jobs?q=wrangler").body
        let json = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        #expect(json?["total"] as? Int == 1)
        #expect(body.contains("jobs:\(file.lastPathComponent)"))
    }
}
