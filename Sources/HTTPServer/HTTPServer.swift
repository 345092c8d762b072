import Logging

public struct ServerError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The server: listeners, connections, parser, timeouts, graceful shutdown.
/// (Stub: the HTTP-core issue fills it in.)
public final class HTTPServer: Sendable {
    public let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let logger: Logger

    public init(configuration: ServerConfiguration, responder: any HTTPResponder, logger: Logger = Logger(label: "http")) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }

    /// Binds and starts accepting. Throws (naming the address) when the port is in use.
    public func start() throws(ServerError) {
        throw ServerError("not implemented")
    }

    /// The bound plain-HTTP port (after `start`).
    public var port: Int { configuration.port }

    /// False once shutdown has begun (for `/readyz`).
    public var isReady: Bool { true }

    /// Stops accepting, finishes requests in flight, closes idle connections; returns when all
    /// connections are closed or `drainTimeout` has passed.
    public func shutdown() {}
}
