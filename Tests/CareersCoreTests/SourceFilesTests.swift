import CareersCore
import Foundation
import Glibc
import Testing

/// Which files are data, and how a path that cannot be read is named.
@Suite struct SourceFilesTests {
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("source-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func articleFilesEndInTxtInAnyCaseAndAreNotHidden() {
        for name in ["a.txt", "B.TXT", "c.Txt", "x-vs-y.txt"] { #expect(SourceFiles.isArticleName(name), "\(name)") }
        for name in [".txt", ".hidden.txt", "._a.txt", "notes.md", "a.txt.bak", "txt"] {
            #expect(!SourceFiles.isArticleName(name), "\(name)")
        }
    }

    @Test func aDirectoryListsItsArticleFilesSortedByName() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["b.txt", "A.TXT", ".hidden.txt", "notes.md", "c.Txt"] {
            try Data("x".utf8).write(to: directory.appendingPathComponent(name))
        }
        let paths = try SourceFiles.articlePaths(inDirectory: directory.path)
        #expect(paths.map { URL(fileURLWithPath: $0).lastPathComponent } == ["A.TXT", "b.txt", "c.Txt"])
        #expect(paths.allSatisfy { $0.hasPrefix(directory.path + "/") })
    }

    /// Each case names the path and the cause in words, at once (a FIFO without a writer too).
    @Test func unreadablePathsNameTheirCause() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("jobs.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let loop = directory.appendingPathComponent("loop").path
        #expect(symlink(loop, loop) == 0)
        let plain = directory.appendingPathComponent("plain.txt")
        try Data("x".utf8).write(to: plain)
        let cases: [(String, String)] = [
            (directory.appendingPathComponent("missing.jsonl").path, "no such file or directory"),
            (fifo, "is a FIFO (named pipe), not a regular file"),
            (loop, "too many levels of symbolic links (a symlink loop?)"),
            (directory.path, "is a directory, not a regular file"),
            (plain.path + "/x", "a component of the path is not a directory"),
        ]
        for (path, cause) in cases {
            #expect(throws: SourceFiles.ReadError(path: path, cause: cause)) { try SourceFiles.readAll(path) }
            #expect(throws: SourceFiles.ReadError(path: path, cause: cause)) { try JobLines.read(path: path) }
        }
        #expect(throws: SourceFiles.ReadError(path: plain.path, cause: "not a directory")) {
            try SourceFiles.articlePaths(inDirectory: plain.path)
        }
        #expect(throws: SourceFiles.ReadError(path: loop, cause: "too many levels of symbolic links (a symlink loop?)")) {
            try SourceFiles.articlePaths(inDirectory: loop)
        }
    }

    @Test func aJobsFileIsReadLineByLineWithItsPathInEachRejection() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("extra.jsonl")
        let long = #"{"title": ""# + String(repeating: "z", count: 10 * 1024 * 1024) + #""}"#
        try Data((#"{"title": "First"}"# + "\n" + long + "\n" + #"{"title": "Third"}"# + "\n").utf8).write(to: file)
        let result = try JobLines.read(path: file.path)
        #expect(result.postings.map(\.title) == ["First", "Third"])
        #expect(result.rejected.map(\.description) == ["\(file.path):2: line is \(long.utf8.count) bytes long (at most 65536)"])
    }
}
