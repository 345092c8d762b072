/// Limits, timeouts and listeners of one server. Defaults are the `serve` defaults.
public struct ServerConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    /// 0 picks an ephemeral port (tests); the bound port is `HTTPServer.port`.
    public var port: Int = 8080
    public var maxConnections: Int = 10_000
    public var maxBodyBytes: Int = 1 << 20
    /// Request-body bytes all connections together may buffer; a body that would exceed it is
    /// answered 503 and its connection closed, so memory stays bounded at any connection count.
    public var maxBufferedBodyBytes: Int = 64 << 20
    public var maxTargetBytes: Int = 8 * 1024
    public var maxHeaderBytes: Int = 16 * 1024
    public var maxHeaderFields: Int = 100
    public var headerTimeout: Double = 10
    public var idleTimeout: Double = 60
    /// A deadline for the whole body, counted from the end of the head (not reset by each byte).
    public var bodyTimeout: Double = 30
    /// Pending output must drain, or advance by 64 KiB, within this many seconds: a client
    /// reading a byte at a time cannot hold its responses forever.
    public var writeTimeout: Double = 30
    /// Shutdown waits at most this long for requests in flight; then every connection is closed.
    public var drainTimeout: Double = 10
    /// While draining, a keep-alive connection idle this long is closed; one that was busy more
    /// recently may have a request on its way, which is answered (with `Connection: close`).
    public var drainIdleGrace: Double = 1
    /// The kernel send buffer of each connection (SO_SNDBUF; Linux reserves twice this for its
    /// bookkeeping). Caps what a client that stops reading pins in the kernel: without a cap,
    /// autotuning grows it to several MB per socket. 0 leaves the kernel's autotuning in charge.
    public var sendBufferBytes: Int = 256 * 1024
    /// Event loops (threads serving connections); nil: one per usable core (`UsableCPUs`).
    public var eventLoops: Int?
    /// HTTPS listener; nil for none.
    public var tls: TLSConfiguration?

    public init() {}
}

/// Certificate and key of the HTTPS listener.
public struct TLSConfiguration: Sendable {
    public var certificatePath: String
    public var privateKeyPath: String
    /// Port of the HTTPS listener; nil serves TLS on `ServerConfiguration.port` instead of plain HTTP.
    public var port: Int?
    public var handshakeTimeout: Double = 10

    public init(certificatePath: String, privateKeyPath: String, port: Int? = nil) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
        self.port = port
    }
}
