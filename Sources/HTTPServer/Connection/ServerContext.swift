import Dispatch
import Logging
import Synchronization
import CEpoll
#if canImport(Glibc)
import Glibc
#endif

/// What every event loop of one server shares: configuration, responder, metrics, the access hook
/// and the shutdown state. Immutable but for atomics and the reserve descriptor.
final class ServerContext: Sendable, BodyBudget {
    let configuration: ServerConfiguration
    let limits: ParserLimits
    let responder: any HTTPResponder
    let metrics: ServerMetrics
    let onRequestCompleted: (@Sendable (AccessRecord) -> Void)?
    let logger: Logger

    /// The connection state machine's timeouts and thresholds (nanoseconds, bytes).
    let connection: ConnectionStateMachine.Configuration
    /// SO_SNDBUF of each accepted socket; nil: the kernel's autotuning.
    let sendBufferBytes: Int32?
    /// How often each loop looks for expired deadlines: a fraction of the shortest timeout.
    let tick: UInt64

    let draining = Atomic<Bool>(false)
    let drainSignal = DispatchSemaphore(value: 0)
    /// A descriptor kept open for the moment the process runs out: closing it lets the listener
    /// accept one connection to answer 503 instead of leaving it in the backlog forever.
    let reserveFD = Mutex<Int32>(-1)

    /// Request-body bytes buffered by all connections (`maxBufferedBodyBytes` caps it).
    private let bufferedBodyBytes = Atomic<Int>(0)

    init(
        configuration: ServerConfiguration, responder: any HTTPResponder, metrics: ServerMetrics,
        onRequestCompleted: (@Sendable (AccessRecord) -> Void)?, logger: Logger
    ) {
        self.configuration = configuration
        limits = ParserLimits(
            maxTargetBytes: configuration.maxTargetBytes, maxHeaderBytes: configuration.maxHeaderBytes,
            maxHeaderFields: configuration.maxHeaderFields, maxBodyBytes: configuration.maxBodyBytes)
        self.responder = responder
        self.metrics = metrics
        self.onRequestCompleted = onRequestCompleted
        self.logger = logger
        func nanos(_ seconds: Double) -> UInt64 { UInt64(max(0.001, seconds) * 1e9) }
        var connection = ConnectionStateMachine.Configuration()
        connection.limits = limits
        connection.headerTimeout = nanos(configuration.headerTimeout)
        connection.idleTimeout = nanos(configuration.idleTimeout)
        connection.bodyTimeout = nanos(configuration.bodyTimeout)
        connection.writeTimeout = nanos(configuration.writeTimeout)
        connection.handshakeTimeout = nanos(configuration.tls?.handshakeTimeout ?? configuration.headerTimeout)
        connection.drainIdleGrace = nanos(configuration.drainIdleGrace)
        self.connection = connection
        sendBufferBytes = configuration.sendBufferBytes > 0 ? Int32(clamping: configuration.sendBufferBytes) : nil
        let shortest = min(
            connection.headerTimeout, connection.idleTimeout, connection.bodyTimeout, connection.writeTimeout,
            connection.handshakeTimeout, connection.drainIdleGrace)
        tick = min(250_000_000, max(5_000_000, shortest / 8))
        reserveFD.withLock { $0 = open("/dev/null", O_RDONLY | O_CLOEXEC) }
    }

    deinit {
        reserveFD.withLock { if $0 >= 0 { close($0) } }
    }

    /// Counts `count` more buffered body bytes; false (and nothing counted) over the budget.
    func reserveBodyBytes(_ count: Int) -> Bool {
        let total = bufferedBodyBytes.wrappingAdd(count, ordering: .relaxed).newValue
        guard total > configuration.maxBufferedBodyBytes else { return true }
        bufferedBodyBytes.wrappingSubtract(count, ordering: .relaxed)
        return false
    }

    func releaseBodyBytes(_ count: Int) {
        if count > 0 { bufferedBodyBytes.wrappingSubtract(count, ordering: .relaxed) }
    }

    func connectionClosed() {
        metrics.connectionClosed()
        closedSinceTrim.add(1, ordering: .relaxed)
        if draining.load(ordering: .relaxed) { drainSignal.signal() }
    }

    /// Connections closed since the allocator was last trimmed, and when that was.
    private let closedSinceTrim = Atomic<Int>(0)
    private let lastTrim = Atomic<UInt64>(0)

    /// After many connections closed (a flood cut off, stalled TLS handshakes timed out), hands
    /// what they freed back to the system: glibc keeps freed memory in its per-thread arenas, so
    /// the RSS would otherwise stay at the peak. At most once a second (from the loops' sweeps).
    func trimAllocatorAfterManyCloses(now: UInt64) {
        guard closedSinceTrim.load(ordering: .relaxed) >= 256 else { return }
        let last = lastTrim.load(ordering: .relaxed)
        guard now &- last >= 1_000_000_000,
              lastTrim.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged else { return }
        closedSinceTrim.store(0, ordering: .relaxed)
        _ = cepoll_malloc_trim(0)
    }

    /// Runs one `accept4` (returning its result and errno) under the reserve's lock. Loops accept
    /// concurrently; without the lock, another loop's accept could take the slot the reserve
    /// frees for a 503 while shedding, the reserve could not be reopened, and from then on
    /// connections waiting at the descriptor limit hung instead of being answered 503.
    func accept(_ call: () -> Int32) -> (fd: Int32, error: Int32) {
        reserveFD.withLock { _ in
            let fd = call()
            return (fd, fd < 0 ? errno : 0)
        }
    }

    /// Takes the reserve descriptor back when it was lost (opening it failed at the limit): called
    /// on every sweep, so shedding resumes once any descriptor is free again.
    func restoreReserve() {
        reserveFD.withLock { reserve in
            if reserve < 0 { reserve = open("/dev/null", O_RDONLY | O_CLOEXEC) }
        }
    }

    /// Out of descriptors: frees the reserve, accepts one pending connection, answers it 503 and
    /// closes it, then takes the reserve back. False when nothing could be shed.
    func shedOneConnection(listener: Int32, answer: (Int32) -> Void) -> Bool {
        reserveFD.withLock { reserve in
            guard reserve >= 0 else { return false }
            close(reserve)
            let fd = cepoll_accept4(listener, nil, nil, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
            if fd >= 0 { answer(fd) }
            reserve = open("/dev/null", O_RDONLY | O_CLOEXEC)
            return fd >= 0
        }
    }
}

@inline(__always) func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}
