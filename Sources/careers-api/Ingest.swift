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
        commandName: "ingest",
        abstract: "Print what the parser extracts from article files, as JSON, or what it could not read (--report).",
        discussion: "Exits 1 when a file is rejected, naming it (file:line: reason) on stderr. Reading issues do not change the exit status.")

    @Argument(help: ArgumentHelp("Article files, or directories whose .txt files (any case, not hidden) are read.", valueName: "path"))
    var paths: [String]

    @Flag(help: "Print each article's reading report (lines not understood, unknown sections, empty per-role lists, roles without definition, unresolved references, suspicious values) instead of the articles.")
    var report = false

    @Flag(help: "With --report: the report as JSON.")
    var json = false

    @Flag(help: "With --report: also list notices, values read as written that the loader already sets aside (an implausible salary, kept and left out of statistics). The JSON report always has them.")
    var notices = false

    struct Output: Encodable {
        var articles: [Article]
        var rejected: [ArticleRejection]
    }

    struct ReportOutput: Encodable {
        struct FileReport: Encodable {
            var file: String
            /// Warnings: what is served from the article may be wrong or missing.
            var issues: [ReadingIssue]
            var notices: [ReadingIssue]
        }
        var reports: [FileReport]
        var rejected: [ArticleRejection]
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("ingest needs at least one file or directory") }
        if json && !report { throw ValidationError("--json goes with --report (ingest prints JSON already)") }
        if notices && !report { throw ValidationError("--notices goes with --report") }
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
            let reports = output.articles.map { article in
                ReportOutput.FileReport(
                    file: article.readingReport.first?.file ?? article.fileName, issues: article.readingWarnings,
                    notices: article.readingReport.filter { $0.severity == .notice })
            }
            if json {
                Console.output(Array(try encoder.encode(ReportOutput(reports: reports, rejected: output.rejected))) + [UInt8(ascii: "\n")])
            } else {
                Console.output(Array(Self.text(reports, rejected: output.rejected.count, notices: notices).utf8))
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

    /// One diagnostic per line ("file:line: kind: message", notices as "file:line: notice: kind:
    /// message" when asked for), in file then line order, then a summary that also counts the
    /// notices left out, so a clean run still says they exist.
    static func text(_ reports: [ReportOutput.FileReport], rejected: Int, notices showNotices: Bool) -> String {
        var text = ""
        for report in reports {
            let listed = showNotices ? (report.issues + report.notices).sorted { ($0.line ?? 0) < ($1.line ?? 0) } : report.issues
            for issue in listed {
                text += issue.severity == .notice ? "\(issue.file)\(issue.line.map { ":\($0)" } ?? ""): notice: \(issue.kind.rawValue): \(issue.message)\n" : issue.description + "\n"
            }
        }
        let withIssues = reports.filter { !$0.issues.isEmpty }.count
        let noticeCount = reports.reduce(0) { $0 + $1.notices.count }
        let noticeSummary = noticeCount == 0 ? "" : showNotices ? ", \(noticeCount) notice(s)" : ", \(noticeCount) notice(s) not listed (--notices lists them)"
        text += "\(reports.count) article(s) read, \(withIssues) with issues, \(reports.reduce(0) { $0 + $1.issues.count }) issue(s)\(noticeSummary); \(rejected) file(s) rejected\n"
        return text
    }
}
