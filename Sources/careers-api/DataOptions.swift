import ArgumentParser
import CareersCore
import Foundation

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

    @Option(help: ArgumentHelp("Job postings as JSON lines (not supported yet: jobs come from the articles).", valueName: "file.jsonl"))
    var jobs: String?

    func validate() throws {
        if jobs != nil {
            throw ValidationError("--jobs is not supported by this build: job postings are read from the articles")
        }
        for directory in articleDirectories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--articles '\(directory)' is not a directory")
            }
        }
    }

    /// Reads and parses every source; throws only when a directory cannot be read at all (a reload
    /// then keeps the repository it has). Files that do not parse are in the repository's report.
    func loadRepository() throws -> Repository {
        var files: [(name: String, bytes: [UInt8])] = []
        if articleDirectories.isEmpty || includeEmbedded {
            files += EmbeddedArticles.all()
        }
        for directory in articleDirectories {
            // Bare file names: article ids derive from them, and must not depend on where a
            // replica has the directory mounted.
            files += try ArticleFiles.read(directory: directory).map { (ArticleFiles.fileName($0.name), $0.bytes) }
        }
        return Repository.build(files: files)
    }
}

/// The `.txt` files of a directory (or a single file), in name order, with their paths as names so
/// rejections point at the file.
enum ArticleFiles {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    static func read(directory: String) throws(ReadError) -> [(name: String, bytes: [UInt8])] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ReadError(description: "cannot read directory \(directory): \(error)")
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

    static func fileName(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }

    /// Files named directly, and the `.txt` files of directories named (for `ingest`).
    static func read(paths: [String]) throws(ReadError) -> [(name: String, bytes: [UInt8])] {
        var files: [(name: String, bytes: [UInt8])] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ReadError(description: "no such file or directory: \(path)")
            }
            files += isDirectory.boolValue ? try read(directory: path) : [try read(file: path)]
        }
        return files
    }
}
