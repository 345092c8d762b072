import Dispatch
import Glibc
import Synchronization

/// A bounded, buffered writer for one file descriptor.
///
/// Access lines are produced on the request path: a write(2) per line would cost a system call per
/// request and stall a worker whenever stdout is a slow pipe. Lines are appended to a buffer and
/// written by one serial queue shortly after (or at once when the buffer grows large). When the
/// reader falls so far behind that the buffer is full, lines are dropped and counted rather than
/// letting memory grow or requests wait.
final class BufferedOutput: Sendable {
    private struct State {
        var buffer: [UInt8] = []
        /// The buffer the flusher wrote last, kept for its capacity.
        var spare: [UInt8] = []
        var flushScheduled = false
        var droppedLines = 0
    }

    private let fd: Int32
    private let capacity: Int
    private let flushThreshold: Int
    private let flushDelay: DispatchTimeInterval
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "careers-api.log-output")

    init(fd: Int32, capacity: Int = 4 << 20, flushThreshold: Int = 64 << 10, flushDelay: DispatchTimeInterval = .milliseconds(50)) {
        self.fd = fd
        self.capacity = capacity
        self.flushThreshold = flushThreshold
        self.flushDelay = flushDelay
    }

    /// Appends one line, built in place by `build`. `urgent` lines (start-up, errors) are written
    /// right away instead of after the flush delay.
    func append(urgent: Bool = false, _ build: (inout [UInt8]) -> Void) {
        let schedule: DispatchTimeInterval? = state.withLock { state in
            guard state.buffer.count < capacity else {
                state.droppedLines += 1
                return nil
            }
            build(&state.buffer)
            let due = urgent || state.buffer.count >= flushThreshold
            if state.flushScheduled && !due { return nil }
            state.flushScheduled = true
            return due ? .never : flushDelay
        }
        switch schedule {
        case nil: break
        case .never?: queue.async { self.flushNow() }
        case let delay?: queue.asyncAfter(deadline: .now() + delay) { self.flushNow() }
        }
    }

    /// Bytes waiting to be written (for tests and metrics).
    var bufferedByteCount: Int { state.withLock { $0.buffer.count } }

    /// Writes everything appended so far before returning (at exit).
    func flush() {
        queue.sync { flushNow() }
    }

    private func flushNow() {
        var (out, dropped) = state.withLock { state in
            let out = state.buffer
            state.buffer = state.spare
            state.spare = []
            state.flushScheduled = false
            defer { state.droppedLines = 0 }
            return (out, state.droppedLines)
        }
        Self.writeAll(fd: fd, out)
        if dropped > 0 {
            Self.writeAll(fd: STDERR_FILENO, Array("careers-api: \(dropped) log lines dropped: output not keeping up\n".utf8))
        }
        out.removeAll(keepingCapacity: true)
        state.withLock { $0.spare = out }
    }

    /// Writes all bytes; gives up silently when the descriptor is gone (a closed pipe must not
    /// take the server down with it).
    static func writeAll(fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else if n < 0 && errno == EAGAIN {
                    var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&pfd, 1, 1000)
                } else {
                    return
                }
            }
        }
    }
}
