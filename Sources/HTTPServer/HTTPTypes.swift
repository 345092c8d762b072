/// Request methods the server knows. Anything else is answered 501 by the core.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, TRACE, CONNECT
}

public enum HTTPVersion: Sendable, Hashable {
    case http1_0, http1_1
}

/// Header fields in arrival order. Lookups are case-insensitive (RFC 9110 §5.1).
public struct HTTPHeaders: Sendable, Hashable, Sequence {
    public private(set) var fields: [(name: String, value: String)]

    public init(_ fields: [(name: String, value: String)] = []) { self.fields = fields }

    public subscript(name: String) -> String? {
        fields.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }

    /// A list-based field as one value: repeated field lines joined with commas, which RFC 9110
    /// §5.3 says must not change its meaning (Accept, Accept-Encoding, If-None-Match…). Nil when absent.
    public func list(_ name: String) -> String? {
        // Nearly always one line or none: only a repeated field pays for an array and a join.
        var found: String?
        var repeated = false
        for field in fields where field.name.caseInsensitiveEquals(name) {
            if found == nil { found = field.value } else { repeated = true; break }
        }
        return repeated ? values(name).joined(separator: ", ") : found
    }

    public mutating func add(_ name: String, _ value: String) { fields.append((name, value)) }

    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append((name, value))
    }

    public mutating func remove(_ name: String) { fields.removeAll { $0.name.caseInsensitiveEquals(name) } }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A) }
    }
}

/// A parsed request as the responder sees it. `path` and `query` are the raw (still
/// percent-encoded) parts of the request-target, split at the first `?`.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    public var target: String
    public var path: String
    public var query: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The peer, e.g. "127.0.0.1:53122" or "[::1]:53122".
    public var remoteAddress: String
    /// Well-formed `X-Request-Id` from the client, or one the server generated.
    public var requestID: String

    public init(
        method: HTTPMethod, target: String, version: HTTPVersion = .http1_1, headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [], remoteAddress: String = "", requestID: String = ""
    ) {
        self.method = method
        self.target = target
        // A byte scan over contiguous storage, not a Character one nor the UTF-8 view's generic
        // `firstIndex` (0.7 % of a request in `perf`): targets are ASCII and this runs for every
        // request.
        var contiguous = target
        if let offset = contiguous.withUTF8({ $0.firstIndex(of: UInt8(ascii: "?")) }) {
            let q = target.utf8.index(target.utf8.startIndex, offsetBy: offset)
            path = String(target[..<q])
            query = String(target[target.utf8.index(after: q)...])
        } else {
            path = target
            query = nil
        }
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.requestID = requestID
    }
}

/// A response. `body` is shared, not copied, between requests (arrays are copy-on-write), so a
/// responder can hand out bytes it serialised once. The core adds `Date`,
/// `Content-Length`, `Connection` and `X-Request-Id`, and drops the body for HEAD.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders {
        didSet { preparedFields = nil }
    }
    public var body: [UInt8] {
        didSet { sharedBody = nil }
    }
    /// `body` as the responder keeps it for many responses, which the core may send from a file;
    /// dropped as soon as `body` is changed, so the two never disagree.
    public private(set) var sharedBody: SharedBody?
    /// Route template for metrics and logs ("/roles/{id}"); nil when no route matched.
    public var route: String?
    /// `headers` serialised ahead of time, shared between responses; dropped as soon as
    /// `headers` is changed, so it never disagrees with them.
    public private(set) var preparedFields: PreparedFields?

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], route: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.route = route
    }

    /// The responder's fields ask to close the connection after this response.
    var asksToClose: Bool { preparedFields?.asksToClose ?? ResponseSerializer.asksToClose(headers) }

    /// A response whose fields were checked and serialised once (`PreparedFields`).
    public init(status: Int, prepared: PreparedFields, body: [UInt8] = [], route: String? = nil) {
        self.status = status
        headers = prepared.headers
        self.body = body
        self.route = route
        preparedFields = prepared
    }

    /// Responses whose body is served many times (`SharedBody`): the core may send it from a file.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: SharedBody, route: String? = nil) {
        self.init(status: status, headers: headers, body: body.bytes, route: route)
        sharedBody = body
    }

    public init(status: Int, prepared: PreparedFields, body: SharedBody, route: String? = nil) {
        self.init(status: status, prepared: prepared, body: body.bytes, route: route)
        sharedBody = body
    }
}

/// What the API layer implements: one request in, one response out. Synchronous on purpose: the
/// data are in memory, so a response never waits on I/O, and a worker queue never hops.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// Asked when a head announcing a body arrives, before `100 Continue` and before any body byte
    /// is read (`request.body` is empty). False says the answer does not depend on the body (a
    /// read-only API refuses it anyway): the core sends no `100 Continue`, reads the body's
    /// framing and skips its bytes without storing them, then calls `respond` with an empty body
    /// (bad framing is answered 400 instead). A large body, or one the client holds back for a
    /// `100 Continue`, is answered at once and the connection closed. A refused upload costs no
    /// memory.
    func acceptsBody(for head: HTTPRequest) -> Bool

    /// The problem+json body of an answer the core gives itself (`ProblemReport`); by default
    /// RFC 9457's members only.
    func problemBody(for report: ProblemReport) -> [UInt8]
}

extension HTTPResponder {
    public func acceptsBody(for head: HTTPRequest) -> Bool { true }

    public func problemBody(for report: ProblemReport) -> [UInt8] { report.minimalBody }
}
