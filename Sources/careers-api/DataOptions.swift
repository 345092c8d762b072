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
            "Extra job postings, one JSON object per line, merged with the articles' (repeatable; bad lines are logged and skipped).",
            valueName: "file.jsonl"))
    var jobFiles: [String] = []

    @Option(
        name: .customLong("vocabulary"),
        help: ArgumentHelp(
            "The curated skills/tools/industries vocabulary to match entities with, instead of the embedded Resources/vocabulary.psv (a malformed line stops start-up).",
            valueName: "file.psv"))
    var vocabularyFile: String?

    /// The vocabulary named by `--vocabulary`, else the embedded one; a malformed line is an
    /// error naming file and line.
    func vocabulary() throws(VocabularyError) -> Vocabulary {
        if let vocabularyFile { return try Vocabulary.load(path: vocabularyFile) }
        return try Vocabulary.loadEmbedded()
    }

    func validate() throws {
        do {
            _ = try vocabulary()
        } catch {
            throw ValidationError("vocabulary: \(error.description)")
        }
        for file in jobFiles where isDirectory(atPath: file) != false {
            throw ValidationError("--jobs '\(file)' is not a file")
        }
        for directory in articleDirectories {
            guard isDirectory(atPath: directory) == true else {
                throw ValidationError("--articles '\(directory)' is not a directory")
            }
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

/// The `.txt` files of directories and single files `ingest` is given, in name order, with their
/// paths as names so rejections point at the file.
enum ArticleFiles {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    static func read(directory: String) throws(ReadError) -> [(name: String, bytes: [UInt8])] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            // Not the error's own text: printing a Foundation error links the classic Foundation
            // and ICU (~45 MB) into the static binary.
            throw ReadError(description: "cannot read directory \(directory): not a readable directory")
        }
        let base = URL(fileURLWithPath: directory)
        return try names.filter { $0.hasSuffix(".txt") }.sorted().map { name throws(ReadError) in
            try read(file: base.appendingPathComponent(name).path)
        }
    }

    static func read(file path: String) throws(ReadError) -> (name: String, bytes: [UInt8]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(description: "cannot read file \(path)")
        }
        return (path, [UInt8](data))
    }

    /// Files named directly, and the `.txt` files of directories named (for `ingest`).
    static func read(paths: [String]) throws(ReadError) -> [(name: String, bytes: [UInt8])] {
        var files: [(name: String, bytes: [UInt8])] = []
        for path in paths {
            guard let isDirectory = isDirectory(atPath: path) else {
                throw ReadError(description: "no such file or directory: \(path)")
            }
            files += isDirectory ? try read(directory: path) : [try read(file: path)]
        }
        return files
    }
}

/// nil when nothing is at `path`. Attributes rather than `fileExists(atPath:isDirectory:)`, whose
/// flag is `ObjCBool` in Foundation and `Bool` in FoundationEssentials.
private func isDirectory(atPath path: String) -> Bool? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
    return attributes[.type] as? FileAttributeType == .typeDirectory
}
