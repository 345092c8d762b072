import Dispatch
import Synchronization
import CEpoll
#if canImport(Glibc)
import Glibc
#endif

/// One epoll instance driven by a long-running block on its own Dispatch queue. It owns its
/// connections outright: every read, parse, response and write of a connection happens here, so
/// the hot path has no locks and no queue hops, and one `epoll_wait` serves many sockets.
/// Listeners are registered in every loop with EPOLLEXCLUSIVE, so each loop accepts its own
/// connections. Other threads talk to a loop only through `execute`.
final class EventLoop: @unchecked Sendable {
    let index: Int
    let context: ServerContext
    private let epfd: Int32
    private let wakeFD: Int32
    private let tasks = Mutex<[@Sendable () -> Void]>([])
    private let finished = DispatchSemaphore(value: 0)

    private var connections: [Int32: Connection] = [:]
    private var listeners: [Int32: (any TransportFactory)?] = [:]
    /// Listeners taken out of epoll after running out of descriptors, and when to put them back.
    private var pausedListeners: [Int32: UInt64] = [:]
    private var running = true
    private var nextSweep: UInt64 = 0
    @exclusivity(unchecked) private var requestCounter: UInt64 = 0
    private let requestIDPrefix: RequestIDPrefix

    // Used by every request, on this loop's thread only and never across a call that could reach
    // them again: exempt from run-time exclusivity checks, like `Connection.machine`.
    /// Monotonic time of the latest wake-up; precise enough for timeouts.
    @exclusivity(unchecked) private(set) var now: UInt64 = monotonicNanos()
    private(set) var draining = false
    @exclusivity(unchecked) var date = DateCache()
    /// Scratch space for reads that do not go to a connection's buffer (TLS records, discarded input).
    var scratch = [UInt8](repeating: 0, count: 32 * 1024)
    /// Read buffers of connections between requests, for the next connection that reads.
    @exclusivity(unchecked) var readBuffers = ReadBufferPool()

    init(index: Int, context: ServerContext, requestIDPrefix: RequestIDPrefix) throws(ServerError) {
        self.index = index
        self.context = context
        self.requestIDPrefix = requestIDPrefix
        epfd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epfd >= 0 else { throw ServerError("epoll_create1: \(Socket.errnoText())") }
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard wakeFD >= 0 else {
            close(epfd)
            throw ServerError("eventfd: \(Socket.errnoText())")
        }
        _ = control(EPOLL_CTL_ADD, wakeFD, EPOLLIN.rawValue)
    }

    // MARK: Cross-thread interface

    func start() {
        DispatchQueue(label: "http.loop.\(index)", qos: .userInitiated).async { self.run() }
    }

    /// Runs `task` on the loop (and wakes it up).
    func execute(_ task: @escaping @Sendable () -> Void) {
        tasks.withLock { $0.append(task) }
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    /// Blocks until the loop has exited (bounded).
    func waitUntilFinished(timeout: DispatchTime) { _ = finished.wait(timeout: timeout) }

    // MARK: Loop

    private func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 512)
        let tickMillis = Int32(max(1, context.tick / 1_000_000))
        while running {
            let n = events.withUnsafeMutableBufferPointer { epoll_wait(epfd, $0.baseAddress, Int32($0.count), tickMillis) }
            now = monotonicNanos()
            if n < 0 && errno != EINTR {
                context.logger.error("epoll_wait failed: \(Socket.errnoText())")
                break
            }
            for i in 0..<max(0, Int(n)) {
                let fd = events[i].data.fd
                let flags = events[i].events
                if let connection = connections[fd] {
                    connection.handle(events: flags)
                } else if fd == wakeFD {
                    var value: UInt64 = 0
                    _ = read(wakeFD, &value, 8)
                    runTasks()
                } else if let transport = listeners[fd] {
                    accept(listener: fd, transport: transport)
                }
            }
            if now >= nextSweep {
                sweep()
                nextSweep = now + context.tick
            }
        }
        for connection in Array(connections.values) { connection.abort() }
        for fd in Array(listeners.keys) { _ = control(EPOLL_CTL_DEL, fd, 0) }
        close(wakeFD)
        close(epfd)
        finished.signal()
    }

    private func runTasks() {
        let pending = tasks.withLock { list in
            let taken = list
            list.removeAll()
            return taken
        }
        for task in pending { task() }
    }

    private func sweep() {
        context.restoreReserve()
        for connection in connections.values { connection.checkTimeouts(now: now) }
        context.trimAllocatorAfterManyCloses(now: now)
        for (fd, until) in pausedListeners where now >= until {
            pausedListeners[fd] = nil
            if listeners[fd] != nil { _ = control(EPOLL_CTL_ADD, fd, EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue) }
        }
    }

    // MARK: Listeners and accepting (loop thread)

    func addListener(_ fd: Int32, transport: (any TransportFactory)?) {
        listeners[fd] = transport
        _ = control(EPOLL_CTL_ADD, fd, EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue)
    }

    func removeListeners() {
        for fd in listeners.keys where pausedListeners[fd] == nil { _ = control(EPOLL_CTL_DEL, fd, 0) }
        listeners.removeAll()
        pausedListeners.removeAll()
    }

    private func accept(listener: Int32, transport: (any TransportFactory)?) {
        // Bounded batch: a flood of connections cannot starve the connections this loop serves.
        for _ in 0..<64 {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let (fd, error) = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                    context.accept { cepoll_accept4(listener, address, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)) }
                }
            }
            if fd < 0 {
                switch error {
                case EAGAIN, EWOULDBLOCK:
                    return
                case EINTR, ECONNABORTED, EPROTO:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    if context.shedOneConnection(listener: listener, answer: reject) { continue }
                    pause(listener: listener)
                    return
                default:
                    context.logger.warning("accept failed: \(Socket.errnoText())")
                    pause(listener: listener)
                    return
                }
            }
            if context.metrics.openConnectionCount >= context.configuration.maxConnections {
                reject(fd)
                continue
            }
            adopt(fd, remote: Socket.describe(storage).text, transport: transport)
        }
    }

    /// The listener stays readable while the backlog is not empty: without a pause, running out of
    /// descriptors would spin this loop.
    private func pause(listener: Int32) {
        guard pausedListeners[listener] == nil else { return }
        _ = control(EPOLL_CTL_DEL, listener, 0)
        pausedListeners[listener] = now + 100_000_000
    }

    /// Answers 503 on a connection the server cannot take and closes it.
    private func reject(_ fd: Int32) {
        context.metrics.connectionRejected()
        date.refresh()
        var response: [UInt8] = []
        ResponseSerializer.appendProblem(
            status: 503, detail: "the server is at its connection limit; retry shortly", instance: nil,
            requestID: nextRequestID(), date: date, into: &response, render: context.responder.problemBody(for:))
        // Whatever the client already sent is read first: closing with unread input would reset
        // the connection and could destroy the 503 before the client reads it.
        _ = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        _ = response.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
        shutdown(fd, Int32(SHUT_WR))
        close(fd)
    }

    private func adopt(_ fd: Int32, remote: String, transport: (any TransportFactory)?) {
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        if var size = context.sendBufferBytes {
            setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var session: (any TransportSession)?
        if let transport {
            do {
                session = try transport.makeSession()
            } catch {
                context.logger.error("cannot start a TLS session: \(error)")
                close(fd)
                return
            }
        }
        guard control(EPOLL_CTL_ADD, fd, EPOLLIN.rawValue) else {
            close(fd)
            return
        }
        let connection = Connection(fd: fd, loop: self, remoteAddress: remote, transport: session)
        connections[fd] = connection
        context.metrics.connectionOpened()
    }

    // MARK: Connections (loop thread)

    @discardableResult
    func control(_ op: Int32, _ fd: Int32, _ events: UInt32) -> Bool {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        return epoll_ctl(epfd, op, fd, &event) == 0
    }

    /// The only place a connection's descriptor is closed: after it left epoll and the table, on
    /// the loop that owns it, so no event can reach a reused descriptor number.
    func remove(_ connection: Connection) {
        _ = control(EPOLL_CTL_DEL, connection.fd, 0)
        connections[connection.fd] = nil
        close(connection.fd)
        context.connectionClosed()
    }

    /// Shutdown: answers what is in flight with `Connection: close`, closes idle connections.
    func beginDrain() {
        draining = true
        for connection in Array(connections.values) { connection.drain() }
    }

    func closeAll() {
        for connection in Array(connections.values) { connection.abort() }
    }

    func stop() { running = false }

    /// A request id unique within the process: the random prefix, the loop, a counter. Its length
    /// is fixed by the types (`RequestIDPrefix.count` + 2 + 7 = 15 bytes), so the String is stored
    /// inline and costs no allocation, and no caller can make the writes outgrow the buffer.
    func nextRequestID() -> String {
        requestCounter &+= 1
        var value = requestCounter
        return String(unsafeUninitializedCapacity: Self.requestIDLength) { buffer in
            var i = 0
            for k in 0..<RequestIDPrefix.count {
                buffer[i] = requestIDPrefix.bytes[k]
                i += 1
            }
            buffer[i] = Self.base32[index % 32]
            buffer[i + 1] = UInt8(ascii: "-")
            i += 2
            for k in (0..<Self.requestIDCounterDigits).reversed() {
                buffer[i + k] = Self.base32[Int(value & 31)]
                value >>= 5
            }
            return i + Self.requestIDCounterDigits
        }
    }

    /// Base-32 digits of the counter (35 bits; it wraps after 34 billion requests per loop).
    static var requestIDCounterDigits: Int { 7 }
    static var requestIDLength: Int { RequestIDPrefix.count + 2 + requestIDCounterDigits }

    static let base32: [UInt8] = Array("0123456789abcdefghijklmnopqrstuv".utf8)
}

/// The random part of every request id of one server: exactly `count` base-32 characters, fixed
/// by its type.
struct RequestIDPrefix: Sendable {
    typealias Storage = InlineArray<6, UInt8>
    static var count: Int { Storage.count }
    let bytes: Storage

    static func random() -> RequestIDPrefix {
        var generator = SystemRandomNumberGenerator()
        return RequestIDPrefix(bytes: Storage { _ in EventLoop.base32[Int(generator.next() % 32)] })
    }
}
