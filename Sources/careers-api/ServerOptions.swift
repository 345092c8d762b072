import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPServer

/// Listener, TLS, limits and timeouts of `serve`. Defaults come from `ServerConfiguration` so
/// the help text and the server cannot disagree.
struct ServerOptions: ParsableArguments {
    private static let defaults = ServerConfiguration()

    @Option(help: "Address to listen on: an IPv4 or IPv6 address or a host name (env HOST; default: 127.0.0.1).")
    var host: String?

    @Option(help: "Port of the plain-HTTP listener, 0 for any free port (env PORT; default: 8080).")
    var port: Int?

    @Option(help: ArgumentHelp("PEM certificate (chain) for HTTPS; needs --tls-key (default: none, plain HTTP).", valueName: "pem"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("PEM private key of --tls-cert.", valueName: "pem"))
    var tlsKey: String?

    @Option(help: ArgumentHelp("Serve HTTPS on this port beside plain HTTP on --port (default: none: with --tls-cert, --port serves HTTPS only).", valueName: "port"))
    var tlsPort: Int?

    @Option(help: ArgumentHelp("Seconds a client has to send a request's headers (answered 408 after).", valueName: "seconds"))
    var headerTimeout: Double = defaults.headerTimeout

    @Option(help: ArgumentHelp("Seconds an idle keep-alive connection is kept open.", valueName: "seconds"))
    var idleTimeout: Double = defaults.idleTimeout

    @Option(help: ArgumentHelp("Seconds a client has to send a request's body.", valueName: "seconds"))
    var bodyTimeout: Double = defaults.bodyTimeout

    @Option(help: ArgumentHelp("Seconds a client may leave its full output buffer unread before it is cut off.", valueName: "seconds"))
    var writeTimeout: Double = defaults.writeTimeout

    @Option(help: ArgumentHelp("Seconds SIGTERM/SIGINT wait for requests in flight before exiting.", valueName: "seconds"))
    var drainTimeout: Double = defaults.drainTimeout

    @Option(help: ArgumentHelp("Largest request body accepted, in bytes (413 above).", valueName: "bytes"))
    var maxBody: Int = defaults.maxBodyBytes

    @Option(help: ArgumentHelp("Open connections accepted at once; more are answered 503 and closed.", valueName: "count"))
    var maxConnections: Int = defaults.maxConnections

    @Option(help: ArgumentHelp("Kernel send buffer per connection in bytes (SO_SNDBUF): caps what a client that stops reading pins in the kernel; 0 leaves it to the kernel's autotuning.", valueName: "bytes"))
    var sendBuffer: Int = defaults.sendBufferBytes

    @Option(help: ArgumentHelp("Event loops (threads serving connections) (default: one per usable core: the affinity mask and the cgroup CPU quota count).", valueName: "count"))
    var eventLoops: Int?

    func validate() throws {
        _ = try resolvedHost()
        _ = try resolvedPort()
        try Self.check("--tls-port", tlsPort, in: 0...65535)
        switch (tlsCert, tlsKey) {
        case (nil, nil):
            if tlsPort != nil { throw ValidationError("--tls-port needs --tls-cert and --tls-key") }
        case (.some, nil): throw ValidationError("--tls-cert needs --tls-key")
        case (nil, .some): throw ValidationError("--tls-key needs --tls-cert")
        case (.some(let cert), .some(let key)):
            try Self.checkReadable("--tls-cert", cert)
            try Self.checkReadable("--tls-key", key)
        }
        try Self.check("--header-timeout", headerTimeout, in: 0.001...86_400)
        try Self.check("--idle-timeout", idleTimeout, in: 0.001...86_400)
        try Self.check("--body-timeout", bodyTimeout, in: 0.001...86_400)
        try Self.check("--write-timeout", writeTimeout, in: 0.001...86_400)
        try Self.check("--drain-timeout", drainTimeout, in: 0...3_600)
        try Self.check("--max-body", maxBody, in: 0...(1 << 30))
        try Self.check("--max-connections", maxConnections, in: 1...1_000_000)
        try Self.check("--event-loops", eventLoops, in: 1...256)
        try Self.check("--send-buffer", sendBuffer, in: 0...(64 << 20))
    }

    /// `--host`, else `HOST`, else the loopback address (flags win over the environment).
    func resolvedHost(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let value = host ?? environment["HOST"] ?? "127.0.0.1"
        guard !value.isEmpty, !value.contains(where: \.isWhitespace) else {
            throw ValidationError(host == nil ? "HOST '\(value)' is not an address" : "--host '\(value)' is not an address")
        }
        return value
    }

    func resolvedPort(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int {
        if let port {
            try Self.check("--port", port, in: 0...65535)
            return port
        }
        guard let text = environment["PORT"], !text.isEmpty else { return 8080 }
        guard let value = Int(text), (0...65535).contains(value) else {
            throw ValidationError("PORT '\(text)' must be an integer from 0 to 65535")
        }
        return value
    }

    func configuration() throws -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.host = try resolvedHost()
        configuration.port = try resolvedPort()
        configuration.headerTimeout = headerTimeout
        configuration.idleTimeout = idleTimeout
        configuration.bodyTimeout = bodyTimeout
        configuration.writeTimeout = writeTimeout
        configuration.drainTimeout = drainTimeout
        configuration.maxBodyBytes = maxBody
        configuration.maxConnections = maxConnections
        configuration.eventLoops = eventLoops
        configuration.sendBufferBytes = sendBuffer
        if let tlsCert, let tlsKey {
            configuration.tls = TLSConfiguration(certificatePath: tlsCert, privateKeyPath: tlsKey, port: tlsPort)
        }
        return configuration
    }

    static func check<T: Comparable>(_ name: String, _ value: T?, in range: ClosedRange<T>) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError("\(name) \(value) is out of range: \(range.lowerBound) to \(range.upperBound)")
    }

    static func checkReadable(_ name: String, _ path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ValidationError("\(name) '\(path)' is not a readable file")
        }
    }
}
