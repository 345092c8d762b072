#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files the data comes from (`--articles` directories, `--jobs` files, `ingest`'s paths),
/// found and opened by one set of rules, so `serve` and `ingest` read the same files and every
/// failure names the path and its cause in words.
///
/// System calls rather than FileManager: its errors are `CocoaError` values whose text is a type
/// dump, and opening a FIFO through it blocks until a writer appears. Here a file is opened
/// non-blocking and must be a regular file, so a FIFO, a socket or a device is refused at once.
public enum SourceFiles {
    /// A path that cannot be read, and why ("no such file or directory", "is a FIFO, not a regular file").
    public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var cause: String

        public init(path: String, cause: String) {
            self.path = path
            self.cause = cause
        }

        public var description: String { "\(path): \(cause)" }
    }

    /// An article file of a directory: a name ending in `.txt` in any case (`A.TXT` too), not
    /// hidden (a leading dot: editor backups, macOS `._` metadata).
    public static func isArticleName(_ name: String) -> Bool {
        guard !name.hasPrefix("."), name.utf8.count > 4 else { return false }
        return name.utf8.suffix(4).map { $0 | 0x20 } == Array(".txt".utf8)
    }

    /// The article files of `directory`, sorted by name, as paths.
    public static func articlePaths(inDirectory directory: String) throws(ReadError) -> [String] {
        guard let stream = opendir(directory) else { throw ReadError(path: directory, errno: errno, expecting: .directory) }
        defer { closedir(stream) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw ReadError(path: directory, errno: errno, expecting: .directory) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if isArticleName(name) { names.append(name) }
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return names.sorted().map { base + $0 }
    }

    /// Files named directly, and the article files of directories named, in the order given.
    public static func articlePaths(_ paths: [String]) throws(ReadError) -> [String] {
        var result: [String] = []
        for path in paths {
            switch try kind(of: path) {
            case .directory: result += try articlePaths(inDirectory: path)
            case .file: result.append(path)
            }
        }
        return result
    }

    public enum Kind: Sendable { case file, directory }

    /// What `path` is once symbolic links are followed; throws when it is neither a regular file
    /// nor a directory, or cannot be looked at.
    public static func kind(of path: String) throws(ReadError) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ReadError(path: path, errno: errno, expecting: nil) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: throw ReadError(path: path, cause: "is \(describe(mode: info.st_mode)), not a regular file or a directory")
        }
    }

    /// Throws unless `path` is a directory that can be listed.
    public static func checkDirectory(_ path: String) throws(ReadError) {
        guard let stream = opendir(path) else { throw ReadError(path: path, errno: errno, expecting: .directory) }
        closedir(stream)
    }

    /// Throws unless `path` is a regular file that can be opened for reading.
    public static func checkFile(_ path: String) throws(ReadError) {
        close(try openRegularFile(path))
    }

    /// A descriptor open for reading on the regular file at `path` (the caller closes it). Opened
    /// non-blocking, so a FIFO without a writer does not hang the open; then refused by type.
    public static func openRegularFile(_ path: String) throws(ReadError) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(path: path, errno: errno, expecting: .file) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw ReadError(path: path, errno: code, expecting: .file)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw ReadError(path: path, cause: "is \(describe(mode: info.st_mode)), not a regular file")
        }
        return descriptor
    }

    /// Reads `descriptor` to its end in chunks of up to `chunkSize` bytes, handing each to `body`.
    public static func forEachChunk(
        of descriptor: Int32, path: String, chunkSize: Int = 1 << 16, _ body: (ArraySlice<UInt8>) -> Void
    ) throws(ReadError) {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, errno: errno, expecting: .file)
            }
            if count == 0 { return }
            body(buffer[..<count])
        }
    }

    /// When the file at `path` was last modified, in seconds since the epoch (nil if it cannot be
    /// examined).
    public static func modificationTime(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mtim.tv_sec)
    }

    /// The whole content of the regular file at `path`.
    public static func readAll(_ path: String) throws(ReadError) -> [UInt8] {
        let descriptor = try openRegularFile(path)
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        try forEachChunk(of: descriptor, path: path) { bytes += $0 }
        return bytes
    }

    private static func describe(mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }
}

extension SourceFiles.ReadError {
    /// The cause in words for the errors a path can give; never the C library's capitalised
    /// sentence alone, and a symlink loop called one.
    init(path: String, errno code: Int32, expecting: SourceFiles.Kind?) {
        let cause: String
        switch code {
        case ENOENT: cause = "no such file or directory"
        case EACCES, EPERM: cause = "permission denied"
        case ELOOP: cause = "too many levels of symbolic links (a symlink loop?)"
        case ENOTDIR: cause = expecting == .directory ? "not a directory" : "a component of the path is not a directory"
        case EISDIR: cause = "is a directory, not a regular file"
        case ENAMETOOLONG: cause = "file name too long"
        case EMFILE, ENFILE: cause = "too many open files"
        case EIO: cause = "input/output error"
        case ENXIO, ENODEV: cause = "no such device"
        default: cause = "cannot be read: \(String(cString: strerror(code))) (errno \(code))"
        }
        self.init(path: path, cause: cause)
    }
}
