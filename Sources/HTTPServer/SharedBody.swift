#if canImport(Glibc)
import Glibc
#endif
import CEpoll
import Synchronization

/// A response body the responder serves many times (a document serialised once). A plain TCP
/// connection sends it with sendfile(2) from an unnamed file (`BodyFile`): the kernel then hands
/// the file's pages to the socket instead of copying the bytes into socket buffers, which is what
/// a 59 KB document spent a quarter of its time on (`perf`: `_copy_from_iter`). With wrk on one
/// core and 64 connections, /roles/{id} (59 KB) went from 19.8–21.5 µs of CPU per response (nginx
/// 18.0–18.4 µs) to 12.7–17.0 µs (nginx 13.8–18.1 µs in the same runs). TLS connections encrypt
/// from `bytes`, as do small bodies and bodies past the process-wide budget.
public final class SharedBody: Sendable {
    public let bytes: [UInt8]
    private let file = MadeOnce<FileSlot>()

    /// What making the file gave: nil when it could not be made (not tried again).
    private final class FileSlot: Sendable {
        let file: BodyFile?
        init(_ file: BodyFile?) { self.file = file }
    }

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether the file was made (tests).
    var hasFile: Bool { file.ifMade?.file != nil }

    /// The file with `bytes`, made on the first plain send (so only documents that are actually
    /// requested cost the memory), or nil when sending from `bytes` is the better choice or the
    /// file cannot be made.
    func fileForSending() -> BodyFile? {
        guard bytes.count >= BodyFile.minimumSize else { return nil }
        return file.value { FileSlot(BodyFile(bytes)) }.file
    }
}

/// An unnamed, read-only file holding one body: the bytes sendfile(2) reads are the bytes the
/// response announced, by construction. Preferably an `O_TMPFILE` in the temporary directory:
/// on a disk file system its page cache uses large folios, so the kernel hands a 59 KB body to
/// the socket as one or a few folios instead of 15 pages (about 1.5 µs less per response than
/// a memory file in the same loopback test), and the pages are reclaimable cache. It is opened
/// with `O_EXCL` (it can never be linked into the file system) and kept only through a read-only
/// descriptor. Where the directory refuses (read-only root, no `O_TMPFILE`), a sealed
/// `memfd_create` file, sealed against writes, shrinking and growing. Closed when the last
/// response using it is sent and its `SharedBody` is gone (a reload frees the old snapshot's
/// files).
final class BodyFile: Sendable {
    /// Below this size the extra system call and page references cost about what the copy saves.
    static let minimumSize = 16 * 1024
    /// At most this many files and bytes at once, process-wide. A file costs a descriptor, which
    /// connections need more: an eighth of the descriptor limit at most. Its pages are page cache
    /// or shared memory, outside the process's RSS but charged to its cgroup.
    static let maxFiles: Int = {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        return Int(min(4096, limit.rlim_cur / 8))
    }()
    static let maxBytes = 64 << 20

    private struct Usage {
        var files = 0
        var bytes = 0
    }

    private static let usage = Mutex(Usage())

    let fd: Int32
    let count: Int

    init?(_ bytes: [UInt8], directory: String = BodyFile.temporaryDirectory) {
        guard Self.reserve(bytes.count) else { return nil }
        guard let fd = Self.unnamedFile(bytes, in: directory) ?? Self.sealedMemoryFile(bytes) else {
            Self.release(bytes.count)
            return nil
        }
        self.fd = fd
        count = bytes.count
    }

    static var temporaryDirectory: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// `bytes` in an unlinkable temporary file of `directory`, reopened read-only.
    private static func unnamedFile(_ bytes: [UInt8], in directory: String) -> Int32? {
        let writable = open(directory, cepoll_O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, mode_t(0o600))
        guard writable >= 0 else { return nil }
        defer { close(writable) }
        guard writeAll(bytes, to: writable) else { return nil }
        let readOnly = open("/proc/self/fd/\(writable)", O_RDONLY | O_CLOEXEC)
        return readOnly >= 0 ? readOnly : nil
    }

    private static func sealedMemoryFile(_ bytes: [UInt8]) -> Int32? {
        let fd = cepoll_memfd_create("careers-api-body", UInt32(CEPOLL_MFD_CLOEXEC | CEPOLL_MFD_ALLOW_SEALING))
        guard fd >= 0 else { return nil }
        let seals = CEPOLL_F_SEAL_SHRINK | CEPOLL_F_SEAL_GROW | CEPOLL_F_SEAL_WRITE | CEPOLL_F_SEAL_SEAL
        guard writeAll(bytes, to: fd), fcntl(fd, Int32(CEPOLL_F_ADD_SEALS), Int32(seals)) == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    deinit {
        close(fd)
        Self.release(count)
    }

    /// One sendfile(2) of the file from `offset` to its end: the count written, or -1 with `errno`.
    func send(to socket: Int32, from offset: Int) -> Int {
        var position = off_t(offset)
        return sendfile(socket, fd, &position, count - offset)
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress.map { $0 + done }, raw.count - done)
                if n > 0 {
                    done += n
                } else if n < 0, errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }

    private static func reserve(_ bytes: Int) -> Bool {
        usage.withLock { usage in
            guard usage.files < maxFiles, usage.bytes + bytes <= maxBytes else { return false }
            usage.files += 1
            usage.bytes += bytes
            return true
        }
    }

    private static func release(_ bytes: Int) {
        usage.withLock { usage in
            usage.files -= 1
            usage.bytes -= bytes
        }
    }
}
