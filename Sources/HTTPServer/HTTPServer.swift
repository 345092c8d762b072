import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

public struct ServerError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The server: listeners, event loops (one per core), connections, graceful shutdown.
///
/// `start()` binds and returns; requests are answered on the event loops' own queues.
/// `shutdown()` blocks until the drain is over, so call it from a signal handler's queue or a
/// test, never from inside a responder.
public final class HTTPServer: Sendable {
    public let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let logger: Logger
    /// Request, latency, connection and parse-error figures (render with `prometheusText()`).
    public let metrics: ServerMetrics

    private struct State {
        enum Phase { case new, running, stopped }
        var phase = Phase.new
        var loops: [EventLoop] = []
        var listenerFDs: [Int32] = []
        var port: Int?
        var tlsPort: Int?
        var tlsContext: TLSContext?
        var context: ServerContext?
        var onRequestCompleted: (@Sendable (AccessRecord) -> Void)?
    }

    private let state = Mutex(State())
    private let ready = Atomic<Bool>(false)
    private let loopCount: Int

    public init(
        configuration: ServerConfiguration, responder: any HTTPResponder, logger: Logger = Logger(label: "http"),
        onRequestCompleted: (@Sendable (AccessRecord) -> Void)? = nil
    ) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        loopCount = configuration.eventLoops.map { max(1, $0) } ?? UsableCPUs.count()
        metrics = ServerMetrics(shardCount: loopCount)
        state.withLock { $0.onRequestCompleted = onRequestCompleted }
    }

    /// Called after every response (access log). Set it before `start()`; when nil, nothing is built.
    public var onRequestCompleted: (@Sendable (AccessRecord) -> Void)? {
        get { state.withLock { $0.onRequestCompleted } }
        set { state.withLock { $0.onRequestCompleted = newValue } }
    }

    /// Binds every listener and starts serving. Throws (naming the address or the TLS file at
    /// fault) before anything listens.
    public func start() throws(ServerError) {
        // A peer that resets a connection must not kill the process on the next write.
        signal(SIGPIPE, SIG_IGN)
        try state.withLock { (s: inout State) throws(ServerError) in
            guard s.phase == .new else { throw ServerError("the server was already started") }
            var tlsContext: TLSContext?
            if let tls = configuration.tls { tlsContext = try TLSContext(configuration: tls) }
            let context = ServerContext(
                configuration: configuration, responder: responder, metrics: metrics,
                onRequestCompleted: s.onRequestCompleted, logger: logger)
            var bound: [(fd: Int32, port: Int, transport: (any TransportFactory)?)] = []
            do throws(ServerError) {
                if tlsContext == nil || configuration.tls?.port != nil {
                    let plain = try Socket.listen(host: configuration.host, port: configuration.port)
                    bound.append((plain.fd, plain.port, nil))
                }
                if let tlsContext, let tls = configuration.tls {
                    let secure = try Socket.listen(host: configuration.host, port: tls.port ?? configuration.port)
                    bound.append((secure.fd, secure.port, tlsContext))
                }
                let prefix = RequestIDPrefix.random()
                var loops: [EventLoop] = []
                for i in 0..<loopCount { loops.append(try EventLoop(index: i, context: context, requestIDPrefix: prefix)) }
                for loop in loops {
                    for listener in bound { loop.addListener(listener.fd, transport: listener.transport) }
                }
                s.loops = loops
            } catch {
                for listener in bound { close(listener.fd) }
                throw error
            }
            s.listenerFDs = bound.map(\.fd)
            s.port = bound.first { $0.transport == nil }?.port
            s.tlsPort = bound.first { $0.transport != nil }?.port
            s.tlsContext = tlsContext
            s.context = context
            s.phase = .running
            for loop in s.loops { loop.start() }
            for listener in bound {
                logger.info("listening", metadata: [
                    "address": "\(configuration.host)", "port": "\(listener.port)",
                    "scheme": "\(listener.transport == nil ? "http" : "https")", "loops": "\(loopCount)",
                ])
            }
        }
        ready.store(true, ordering: .releasing)
    }

    /// The bound plain-HTTP port (after `start`); with TLS on the main port only, that port.
    public var port: Int { state.withLock { $0.port ?? $0.tlsPort ?? configuration.port } }

    /// The bound HTTPS port, nil without TLS.
    public var tlsPort: Int? { state.withLock { $0.tlsPort } }

    /// True while serving; false before `start` and once shutdown has begun (for `/readyz`).
    public var isReady: Bool { ready.load(ordering: .acquiring) }

    /// Re-reads the TLS certificate and key (SIGHUP); on error the old ones stay in use.
    public func reloadTLS() throws(ServerError) {
        guard let context = state.withLock({ $0.tlsContext }) else { throw ServerError("TLS is not configured") }
        try context.reload()
    }

    /// Stops accepting, flips readiness, answers the requests in flight (with `Connection: close`),
    /// closes idle connections, and returns when every connection is closed or `drainTimeout`
    /// has passed (then the rest are closed).
    public func shutdown() {
        let taken = state.withLock { s -> (loops: [EventLoop], listeners: [Int32], context: ServerContext?)? in
            guard s.phase == .running else { return nil }
            s.phase = .stopped
            return (s.loops, s.listenerFDs, s.context)
        }
        guard let taken, let context = taken.context else { return }
        ready.store(false, ordering: .releasing)
        context.draining.store(true, ordering: .relaxed)
        let deadline = DispatchTime.now() + configuration.drainTimeout
        let stopped = DispatchGroup()
        for loop in taken.loops {
            stopped.enter()
            loop.execute {
                loop.removeListeners()
                loop.beginDrain()
                stopped.leave()
            }
        }
        _ = stopped.wait(timeout: deadline)
        // No loop polls the listeners any more: closing them cannot race an accept.
        for fd in taken.listeners { close(fd) }
        while metrics.openConnectionCount > 0 && DispatchTime.now() < deadline {
            _ = context.drainSignal.wait(timeout: min(deadline, .now() + .milliseconds(50)))
        }
        for loop in taken.loops {
            loop.execute {
                loop.closeAll()
                loop.stop()
            }
        }
        for loop in taken.loops { loop.waitUntilFinished(timeout: .now() + 2) }
        logger.info("stopped")
    }
}
