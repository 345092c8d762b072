/// What the command line can tune. Every member has a default, so `CareersAPI(repository:)`
/// serves a complete API on its own.
public struct APIOptions: Sendable {
    /// Origins allowed by CORS (`--cors-origin`); `*` allows any. Empty: no CORS headers at all.
    public var corsOrigins: [String]
    /// `Cache-Control: public, max-age=…` of successful data responses, in seconds.
    public var cacheMaxAge: Int
    /// The version `GET /` reports.
    public var version: String
    /// Prometheus text for `GET /metrics`, provided by whoever counts requests.
    public var metricsText: (@Sendable () -> String)?
    /// Readiness for `GET /readyz`: false while draining on shutdown.
    public var isReady: @Sendable () -> Bool

    public init(
        corsOrigins: [String] = [], cacheMaxAge: Int = 300, version: String = "1.0.0",
        metricsText: (@Sendable () -> String)? = nil, isReady: @escaping @Sendable () -> Bool = { true }
    ) {
        self.corsOrigins = corsOrigins
        self.cacheMaxAge = cacheMaxAge
        self.version = version
        self.metricsText = metricsText
        self.isReady = isReady
    }
}
