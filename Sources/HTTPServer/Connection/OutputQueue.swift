#if canImport(Glibc)
import Glibc
#endif

/// Bytes waiting for the socket: what the connection serialised itself (`bytes`: heads, small
/// bodies, TLS records) with large response bodies spliced in between, sent straight from the
/// responder's shared storage by one `sendmsg` instead of being copied first (the copy of a
/// 38 KB /compare body was ~10 % of that request in `perf`), or from a `BodyFile` by sendfile(2).
/// A pipelined batch is still one system call up to the next file; that call says `MSG_MORE`, so
/// the head before the file and the file's first bytes leave in the same segment.
struct OutputQueue {
    /// Smaller bodies are copied: an extra iovec costs more than copying a few KB.
    static let sharedBodyMinimum = 4096
    /// Pieces handed to one `sendmsg` (Linux allows 1,024).
    static let maxPieces = 64

    private enum Spliced {
        case bytes([UInt8])
        case file(BodyFile)
    }

    var bytes: [UInt8] = []
    /// Each body goes on the wire after `bytes[..<offset]` (and after the bodies before it).
    private var shared: [(offset: Int, body: Spliced)] = []
    private var sharedCount = 0
    /// Bytes of the whole stream (`bytes` and bodies interleaved) already written.
    private(set) var sent = 0

    var pending: Int { bytes.count + sharedCount - sent }

    /// Appends a response body, shared rather than copied when that pays; `file` holds the same
    /// bytes and is sent instead of them.
    mutating func appendBody(_ body: [UInt8], file: BodyFile? = nil) {
        if let file {
            shared.append((bytes.count, .file(file)))
            sharedCount += file.count
        } else if body.count >= Self.sharedBodyMinimum {
            shared.append((bytes.count, .bytes(body)))
            sharedCount += body.count
        } else {
            bytes.append(contentsOf: body)
        }
    }

    /// One system call for what is pending: `sendmsg` of everything up to the next file, or
    /// sendfile(2) of that file when nothing is before it. The count written, or -1 with `errno`.
    func send(to fd: Int32) -> Int {
        guard pending > 0 else { return 0 }
        return bytes.withUnsafeBytes { head in
            withUnsafeTemporaryAllocation(of: iovec.self, capacity: Self.maxPieces) { pieces in
                var gather = Gather(pieces: pieces, skip: sent)
                return collect(from: 0, headFrom: 0, head: head, into: &gather, fd: fd)
            }
        }
    }

    /// The iovecs of one `sendmsg`, handed down `collect` as an `inout` argument: variables
    /// captured by a recursive local function are boxed, and each access to them was checked for
    /// exclusivity at run time (0.7 % of a cached /jobs in `perf`).
    private struct Gather {
        let pieces: UnsafeMutableBufferPointer<iovec>
        /// Bytes at the front already written by an earlier call, skipped.
        var skip: Int
        var count = 0

        init(pieces: UnsafeMutableBufferPointer<iovec>, skip: Int) {
            self.pieces = pieces
            self.skip = skip
        }

        var isFull: Bool { count >= pieces.count - 1 }

        mutating func add(_ base: UnsafeRawPointer?, _ length: Int) {
            guard length > 0, count < pieces.count, let base else { return }
            if skip >= length {
                skip -= length
                return
            }
            pieces[count] = iovec(iov_base: UnsafeMutableRawPointer(mutating: base + skip), iov_len: length - skip)
            skip = 0
            count += 1
        }

        func send(to fd: Int32, more: Bool) -> Int {
            var message = msghdr()
            message.msg_iov = pieces.baseAddress
            message.msg_iovlen = count
            return sendmsg(fd, &message, Int32(MSG_NOSIGNAL) | (more ? Int32(MSG_MORE) : 0))
        }
    }

    /// Recursive, so that every body's storage stays pinned while the call uses it.
    private func collect(
        from index: Int, headFrom position: Int, head: UnsafeRawBufferPointer, into gather: inout Gather, fd: Int32
    ) -> Int {
        guard index < shared.count, !gather.isFull else {
            if index == shared.count { gather.add(head.baseAddress.map { $0 + position }, head.count - position) }
            return gather.send(to: fd, more: false)
        }
        let offset = shared[index].offset
        gather.add(head.baseAddress.map { $0 + position }, offset - position)
        switch shared[index].body {
        case .bytes(let body):
            return body.withUnsafeBytes { body in
                gather.add(body.baseAddress, body.count)
                return collect(from: index + 1, headFrom: offset, head: head, into: &gather, fd: fd)
            }
        case .file(let file):
            if gather.skip >= file.count {
                gather.skip -= file.count
                return collect(from: index + 1, headFrom: offset, head: head, into: &gather, fd: fd)
            }
            return gather.count > 0 ? gather.send(to: fd, more: true) : file.send(to: fd, from: gather.skip)
        }
    }

    mutating func advance(by count: Int) { sent += count }

    /// Drops what was sent from the front of `bytes` while the rest waits (only when no body is
    /// spliced in, whose offsets would move); keeps the buffer from growing with sent output.
    mutating func compact() {
        guard shared.isEmpty, sent >= 64 * 1024 else { return }
        bytes.removeSubrange(0..<sent)
        sent = 0
    }

    /// Everything was written: start again from an empty buffer (keeping a modest capacity).
    mutating func reset() {
        bytes.removeAll(keepingCapacity: bytes.capacity <= 256 * 1024)
        shared.removeAll(keepingCapacity: true)
        sharedCount = 0
        sent = 0
    }
}
