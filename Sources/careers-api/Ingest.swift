import ArgumentParser
import CareersCore
import Foundation

/// Shows what the parser makes of article files, as JSON on stdout; rejections go to stderr as
/// `file:line: reason` and make the exit status 1.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what the parser extracts from article files, as JSON.",
        discussion: "Exits 1 when a file is rejected, naming it (file:line: reason) on stderr.")

    @Argument(help: ArgumentHelp("Article files, or directories whose .txt files are read.", valueName: "path"))
    var paths: [String]

    struct Output: Encodable {
        var articles: [Article]
        var rejected: [ArticleRejection]
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("ingest needs at least one file or directory") }
    }

    func run() throws {
        let files: [(name: String, bytes: [UInt8])]
        do {
            files = try ArticleFiles.read(paths: paths)
        } catch {
            FileHandle.standardError.write(Data("careers-api: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        var output = Output(articles: [], rejected: [])
        for file in files {
            do {
                output.articles.append(try ArticleParser.parse(bytes: file.bytes, fileName: ArticleFiles.fileName(file.name)))
            } catch {
                var rejection = error
                rejection.file = file.name
                output.rejected.append(rejection)
            }
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(output) + Data("\n".utf8))
        for rejection in output.rejected {
            let place = rejection.line.map { "\(rejection.file):\($0)" } ?? rejection.file
            FileHandle.standardError.write(Data("careers-api: \(place): \(rejection.reason)\n".utf8))
        }
        if !output.rejected.isEmpty { throw ExitCode.failure }
    }
}
