import Synchronization

/// The server's counters, rendered as Prometheus text. Request counts and latencies are kept in
/// one shard per event loop, each behind its own (uncontended) lock, so recording a request never
/// makes two loops wait for each other; connection figures are atomics.
public final class ServerMetrics: Sendable {
    /// Upper bounds of the latency histogram, in seconds.
    public static let latencyBuckets: [Double] = [
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    struct Shard {
        /// Counts by key, except for the latest run of requests with one key, kept in `run`:
        /// on a busy server most requests repeat the previous one's key, and comparing two keys
        /// whose strings share storage is cheaper than hashing one (hashing was ~1 % of a
        /// cached request in `perf`).
        private var counted: [RequestKey: Int] = [:]
        private var run: (key: RequestKey, count: Int)?

        var requests: [RequestKey: Int] {
            guard let run else { return counted }
            var all = counted
            all[run.key, default: 0] += run.count
            return all
        }

        mutating func count(_ key: RequestKey) {
            if let current = run {
                if current.key == key {
                    run = (key: current.key, count: current.count + 1)
                    return
                }
                counted[current.key, default: 0] += current.count
            }
            run = (key: key, count: 1)
        }

        var buckets = [Int](repeating: 0, count: ServerMetrics.latencyBuckets.count)
        var latencyCount = 0
        var latencySum = 0.0
        var parseErrors: [String: Int] = [:]
    }

    final class ShardBox: Sendable {
        let state = Mutex(Shard())
    }

    private let shards: [ShardBox]
    private let openConnections = Atomic<Int>(0)
    private let acceptedConnections = Atomic<Int>(0)
    private let rejectedConnections = Atomic<Int>(0)
    private let tlsHandshakeFailures = Atomic<Int>(0)

    public convenience init() { self.init(shardCount: 1) }

    init(shardCount: Int) {
        shards = (0..<max(1, shardCount)).map { _ in ShardBox() }
    }

    /// Counts one answered request (any shard; the server uses one per event loop).
    public func recordRequest(route: String?, method: String, status: Int, seconds: Double) {
        record(shard: 0, route: route, method: method, status: status, seconds: seconds)
    }

    func record(shard: Int, route: String?, method: String, status: Int, seconds: Double) {
        let key = RequestKey(route: route ?? "unmatched", method: method, status: status)
        let bucket = Self.latencyBuckets.firstIndex { seconds <= $0 }
        shards[shard % shards.count].state.withLock { s in
            s.count(key)
            if let bucket { s.buckets[bucket] += 1 }
            s.latencyCount += 1
            s.latencySum += seconds
        }
    }

    /// Counts a request refused by the parser; `reason` is a short snake_case label.
    public func recordParseError(reason: String) {
        shards[0].state.withLock { $0.parseErrors[reason, default: 0] += 1 }
    }

    /// Counts a TLS handshake that failed (bad ClientHello, no shared cipher, timeout…).
    public func recordTLSHandshakeFailure() { tlsHandshakeFailures.add(1, ordering: .relaxed) }

    func connectionOpened() {
        openConnections.add(1, ordering: .relaxed)
        acceptedConnections.add(1, ordering: .relaxed)
    }

    func connectionClosed() { openConnections.subtract(1, ordering: .relaxed) }

    func connectionRejected() { rejectedConnections.add(1, ordering: .relaxed) }

    public var openConnectionCount: Int { openConnections.load(ordering: .relaxed) }
    public var acceptedConnectionCount: Int { acceptedConnections.load(ordering: .relaxed) }
    public var rejectedConnectionCount: Int { rejectedConnections.load(ordering: .relaxed) }
    public var tlsHandshakeFailureCount: Int { tlsHandshakeFailures.load(ordering: .relaxed) }

    /// Total requests counted, all routes and statuses.
    public var requestCount: Int {
        shards.reduce(0) { total, shard in total + shard.state.withLock { $0.latencyCount } }
    }

    /// Prometheus text exposition format 0.0.4.
    public func prometheusText() -> String {
        var merged = Shard()
        var requests: [RequestKey: Int] = [:]
        for shard in shards {
            shard.state.withLock { s in
                requests.merge(s.requests, uniquingKeysWith: +)
                for i in s.buckets.indices { merged.buckets[i] += s.buckets[i] }
                merged.latencyCount += s.latencyCount
                merged.latencySum += s.latencySum
                merged.parseErrors.merge(s.parseErrors, uniquingKeysWith: +)
            }
        }
        var out = ""
        out += "# HELP http_requests_total HTTP requests answered, by route template, method and status.\n"
        out += "# TYPE http_requests_total counter\n"
        let keys = requests.keys.sorted { ($0.route, $0.method, $0.status) < ($1.route, $1.method, $1.status) }
        for key in keys {
            out += "http_requests_total{route=\"\(Self.escape(key.route))\",method=\"\(Self.escape(key.method))\",status=\"\(key.status)\"} \(requests[key] ?? 0)\n"
        }
        out += "# HELP http_request_duration_seconds Time from a complete request head to its serialised response.\n"
        out += "# TYPE http_request_duration_seconds histogram\n"
        var cumulative = 0
        for (i, bound) in Self.latencyBuckets.enumerated() {
            cumulative += merged.buckets[i]
            out += "http_request_duration_seconds_bucket{le=\"\(Self.format(bound))\"} \(cumulative)\n"
        }
        out += "http_request_duration_seconds_bucket{le=\"+Inf\"} \(merged.latencyCount)\n"
        out += "http_request_duration_seconds_sum \(Self.format(merged.latencySum))\n"
        out += "http_request_duration_seconds_count \(merged.latencyCount)\n"
        out += "# HELP http_open_connections Client connections currently open.\n"
        out += "# TYPE http_open_connections gauge\n"
        out += "http_open_connections \(openConnectionCount)\n"
        out += "# HELP http_connections_accepted_total Client connections accepted.\n"
        out += "# TYPE http_connections_accepted_total counter\n"
        out += "http_connections_accepted_total \(acceptedConnectionCount)\n"
        out += "# HELP http_connections_rejected_total Client connections refused with 503 (over --max-connections or out of file descriptors).\n"
        out += "# TYPE http_connections_rejected_total counter\n"
        out += "http_connections_rejected_total \(rejectedConnectionCount)\n"
        out += "# HELP http_parse_errors_total Requests refused by the HTTP parser, by reason.\n"
        out += "# TYPE http_parse_errors_total counter\n"
        for reason in merged.parseErrors.keys.sorted() {
            out += "http_parse_errors_total{reason=\"\(Self.escape(reason))\"} \(merged.parseErrors[reason] ?? 0)\n"
        }
        out += "# HELP tls_handshake_failures_total TLS handshakes that failed or timed out.\n"
        out += "# TYPE tls_handshake_failures_total counter\n"
        out += "tls_handshake_failures_total \(tlsHandshakeFailureCount)\n"
        return out
    }

    private static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
