import ArgumentParser
import CareersCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Shows what the parser makes of article files, as JSON on stdout; rejections go to stderr as
/// `file:line: reason` and make the exit status 1.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what the parser extracts from article files, as JSON.",
        discussion: "Exits 1 when a file is rejected, naming it (file:line: reason) on stderr.")

    @Argument(help: ArgumentHelp("Article files, or directories whose .txt files (any case, not hidden) are read.", valueName: "path"))
    var paths: [String]

    struct Output: Encodable {
        var articles: [Article]
        var rejected: [ArticleRejection]
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("ingest needs at least one file or directory") }
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
        Console.output(Array(try encoder.encode(output)) + [UInt8(ascii: "\n")])
        for rejection in output.rejected {
            let place = rejection.line.map { "\(rejection.file):\($0)" } ?? rejection.file
            Console.error("\(place): \(rejection.reason)")
        }
        if !output.rejected.isEmpty { throw ExitCode.failure }
    }
}
