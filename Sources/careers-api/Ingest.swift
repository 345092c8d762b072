import ArgumentParser
import CareersCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Shows what the parser makes of article files, as JSON on stdout; rejections go to stderr as
/// `file:line: reason` and make the exit status 1. With `--report`, prints each article's reading
/// report instead (`file:line: kind: message`, or JSON with `--json`).
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what the parser extracts from article files, as JSON, or what it could not read (--report).",
        discussion: "Exits 1 when a file is rejected, naming it (file:line: reason) on stderr. Reading issues do not change the exit status.")

    @Argument(help: ArgumentHelp("Article files, or directories whose .txt files (any case, not hidden) are read.", valueName: "path"))
    var paths: [String]

    @Flag(help: "Print each article's reading report (lines not understood, unknown sections, empty per-role lists, roles without definition, unresolved references, suspicious values) instead of the articles.")
    var report = false

    @Flag(help: "With --report: the report as JSON.")
    var json = false

    struct Output: Encodable {
        var articles: [Article]
        var rejected: [ArticleRejection]
    }

    struct ReportOutput: Encodable {
        struct FileReport: Encodable {
            var file: String
            var issues: [ReadingIssue]
        }
        var reports: [FileReport]
        var rejected: [ArticleRejection]
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("ingest needs at least one file or directory") }
        if json && !report { throw ValidationError("--json goes with --report (ingest prints JSON already)") }
    }

    func run() throws {
        // The same file set `serve --articles` reads (SourceFiles), named by path.
        let files: [(name: String, bytes: [UInt8])]
        do throws(SourceFiles.ReadError) {
            files = try SourceFiles.articlePaths(paths).map { path throws(SourceFiles.ReadError) in (path, try SourceFiles.readAll(path)) }
        } catch {
            Console.error("cannot read \(error.path): \(error.cause)")
            throw ExitCode.failure
        }
        var output = Output(articles: [], rejected: [])
        for file in files {
            do {
                output.articles.append(try ArticleParser.parse(bytes: file.bytes, fileName: file.name))
            } catch {
                output.rejected.append(error)
            }
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if report {
            let reports = output.articles.map { ReportOutput.FileReport(file: $0.readingReport.first?.file ?? $0.fileName, issues: $0.readingReport) }
            if json {
                Console.output(Array(try encoder.encode(ReportOutput(reports: reports, rejected: output.rejected))) + [UInt8(ascii: "\n")])
            } else {
                var text = ""
                for issue in reports.flatMap(\.issues) { text += issue.description + "\n" }
                let withIssues = reports.filter { !$0.issues.isEmpty }.count
                text += "\(reports.count) article(s) read, \(withIssues) with issues, \(reports.reduce(0) { $0 + $1.issues.count }) issue(s); \(output.rejected.count) file(s) rejected\n"
                Console.output(Array(text.utf8))
            }
        } else {
            Console.output(Array(try encoder.encode(output)) + [UInt8(ascii: "\n")])
        }
        for rejection in output.rejected {
            let place = rejection.line.map { "\(rejection.file):\($0)" } ?? rejection.file
            Console.error("\(place): \(rejection.reason)")
        }
        if !output.rejected.isEmpty { throw ExitCode.failure }
    }
}
