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

    @Option(
        name: .customLong("vocabulary"),
        help: ArgumentHelp(
            "The curated skills/tools/industries vocabulary to match entities with, instead of the embedded Resources/vocabulary.psv (a malformed line stops start-up).",
            valueName: "file.psv"))
    var vocabularyFile: String?

    /// The vocabulary named by `--vocabulary`, else the embedded one; a malformed line is an
    /// error naming file and line. The file is read again on each call (a reload sees its edits).
    func vocabulary() throws(VocabularyError) -> Vocabulary {
        if let vocabularyFile { return try Vocabulary.load(path: vocabularyFile) }
        return try Self.embeddedVocabulary.get()
    }

    /// The embedded vocabulary cannot change while the process runs: parsed once, not once for
    /// `validate` and again for the load (~3 ms of start-up each).
    private static let embeddedVocabulary = Result { () throws(VocabularyError) in try Vocabulary.loadEmbedded() }

    /// Names the path and the cause ("--jobs 'x.jsonl': is a FIFO (named pipe), not a regular
    /// file"); a FIFO is refused without waiting for a writer. A malformed vocabulary line stops
    /// start-up naming file and line.
    func validate() throws {
        do {
            _ = try vocabulary()
        } catch {
            throw ValidationError("vocabulary: \(error.description)")
        }
        do throws(SourceFiles.ReadError) {
            for file in jobFiles { try SourceFiles.checkFile(file) }
            for directory in articleDirectories { try SourceFiles.checkDirectory(directory) }
        } catch {
            let option = jobFiles.contains(error.path) ? "--jobs" : "--articles"
            throw ValidationError("\(option) '\(error.path)': \(error.cause)")
        }
    }

    /// Reads and parses every source. Unreadable directories and files that do not parse are in
    /// the repository's report; the rest loads. A vocabulary that no longer parses (edited after
    /// start-up) is an error: a reload then keeps the data it has.
    func loadRepository() throws(VocabularyError) -> Repository {
        Repository.load(
            directories: articleDirectories.map { URL(fileURLWithPath: $0) },
            includeEmbedded: articleDirectories.isEmpty || includeEmbedded,
            jobFiles: jobFiles.map { URL(fileURLWithPath: $0) }, vocabulary: try vocabulary())
    }
}
