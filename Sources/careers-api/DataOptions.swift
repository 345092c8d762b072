import ArgumentParser
import CareersCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where the articles come from. Loading is shared by start-up and SIGHUP reloads.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("articles"),
        help: ArgumentHelp(
            "Serve the .txt articles of this directory instead of the embedded ones (repeatable; default: the embedded articles).",
            valueName: "dir"))
    var articleDirectories: [String] = []

    @Flag(help: "Serve the embedded articles as well as those of --articles.")
    var includeEmbedded = false

    @Option(
        name: .customLong("jobs"),
        help: ArgumentHelp(
            "Extra job postings, one JSON object per line (at most 64 KiB), merged with the articles' (repeatable; bad lines are logged as file:line: reason and skipped).",
            valueName: "file.jsonl"))
    var jobFiles: [String] = []

    @Flag(help: ArgumentHelp(
        "Start even when no article and no job loads; /readyz then answers 503 until a SIGHUP reload brings data (default: such a start exits 1)."))
    var allowEmpty = false

    /// Names the path and the cause ("--jobs 'x.jsonl': is a FIFO (named pipe), not a regular
    /// file"); a FIFO is refused without waiting for a writer.
    func validate() throws {
        do throws(SourceFiles.ReadError) {
            for file in jobFiles { try SourceFiles.checkFile(file) }
            for directory in articleDirectories { try SourceFiles.checkDirectory(directory) }
        } catch {
            let option = jobFiles.contains(error.path) ? "--jobs" : "--articles"
            throw ValidationError("\(option) '\(error.path)': \(error.cause)")
        }
    }

    /// Reads and parses every source. Unreadable directories and files that do not parse are in
    /// the repository's report; the rest loads.
    func loadRepository() -> Repository {
        Repository.load(
            directories: articleDirectories.map { URL(fileURLWithPath: $0) },
            includeEmbedded: articleDirectories.isEmpty || includeEmbedded,
            jobFiles: jobFiles.map { URL(fileURLWithPath: $0) })
    }
}
