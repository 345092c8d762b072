import Foundation
import Testing

/// The command line as an operator meets it: exit statuses and one-line messages.
@Suite struct CommandLineTests {
    @Test func invalidOptionValueExitsTwoNamingTheOption() throws {
        let result = try CLIProcess.run(["--port", "abc"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--port"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        ["--port", "65536"], ["--tls-port", "-1"], ["--header-timeout", "0"], ["--idle-timeout", "nan"],
        ["--body-timeout", "-3"], ["--write-timeout", "inf"], ["--drain-timeout", "-1"], ["--max-body", "-1"],
        ["--max-connections", "0"], ["--log-format", "xml"], ["--log-level", "loud"], ["--event-loops", "0"],
    ])
    func outOfRangeValueExitsTwoNamingTheOption(arguments: [String]) throws {
        let result = try CLIProcess.run(["serve"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(arguments[0]))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// Usage errors beyond value ranges: each exits 2 with one line saying what is wrong.
    @Test(arguments: [
        (["--no-such-option"], [:], "--no-such-option"),
        ([], ["PORT": "eighty"], "PORT 'eighty'"),
        (["--tls-cert", "/etc/hostname"], [:], "--tls-cert needs --tls-key"),
        (["--tls-port", "8443"], [:], "--tls-port needs --tls-cert"),
        (["--articles", "/no/such/dir"], [:], "--articles '/no/such/dir'"),
        (["--jobs", "/no/such/postings.jsonl"], [:], "--jobs '/no/such/postings.jsonl'"),
        (["--cors-origin", "example.com/path"], [:], "--cors-origin"),
    ] as [([String], [String: String], String)])
    func usageErrorExitsTwoWithOneLine(arguments: [String], environment: [String: String], message: String) throws {
        let result = try CLIProcess.run(arguments, environment: environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func malformedVocabularyLineStopsStartUpNamingFileAndLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vocabulary-\(UUID().uuidString).psv")
        try Data("@source X: a source\ntool | language | Python | | | X | A language\ntool | language | Go\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try CLIProcess.run(["serve", "--vocabulary", url.path, "--port", "0"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(url.path):3: expected 7 fields"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func serveHelpExplainsEveryOptionWithItsDefault() throws {
        let result = try CLIProcess.run(["serve", "--help"])
        #expect(result.status == 0)
        let options = [
            "--host", "--port", "--articles", "--include-embedded", "--jobs", "--tls-cert", "--tls-key", "--tls-port",
            "--log-format", "--log-level", "--cors-origin", "--header-timeout", "--idle-timeout", "--body-timeout",
            "--write-timeout", "--drain-timeout", "--max-body", "--max-connections", "--access-log",
        ]
        for option in options {
            #expect(result.stdout.contains(option), "help lacks \(option)")
        }
        for shown in ["default: 127.0.0.1", "default: 8080", "default: 10.0", "default: 60.0", "default: 1048576",
                      "default: 10000", "default: text", "default: info", "env HOST", "env PORT"] {
            #expect(result.stdout.contains(shown), "help lacks \(shown)")
        }
    }

    @Test func rootHelpListsTheThreeCommands() throws {
        let result = try CLIProcess.run(["--help"])
        #expect(result.status == 0)
        for command in ["serve", "ingest", "healthcheck"] {
            #expect(result.stdout.contains(command))
        }
    }
}
