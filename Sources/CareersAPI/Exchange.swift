import HTTPServer

/// The HTTP concerns shared by every route: conditional requests, content coding, caching
/// headers, CORS and problem documents.
struct Exchange {
    /// Only what the answer depends on, not the whole request and options: every request builds
    /// an Exchange, and copying those two cost a dozen retains and releases per request (`perf`).
    let requestHeaders: HTTPHeaders
    /// The request's path, the `instance` of a problem.
    let path: String
    let corsOrigins: [String]
    let cacheMaxAge: Int
    /// The data's date, for `Last-Modified` and the conditions on it.
    var lastModified: LastModified?

    init(request: HTTPRequest, options: APIOptions, lastModified: LastModified?) {
        requestHeaders = request.headers
        path = request.path
        corsOrigins = options.corsOrigins
        cacheMaxAge = options.cacheMaxAge
        self.lastModified = lastModified
    }

    func problem(_ problem: Problem, route: Route?) -> HTTPResponse {
        var headers = HTTPHeaders([("Content-Type", Problem.contentType), ("Cache-Control", "no-store")])
        addCORS(&headers)
        return HTTPResponse(status: problem.status, headers: headers, body: problem.body(instance: path), route: route?.path)
    }

    /// The fields of an uncacheable JSON answer without CORS, serialised once (/healthz is the
    /// probe load balancers send most).
    private static let noStoreJSON = PreparedFields(HTTPHeaders([("Content-Type", Representation.json), ("Cache-Control", "no-store")]))

    /// Bodies that must never be cached or tagged (health, readiness, metrics).
    func plain(status: Int, body: [UInt8], contentType: String, route: Route) -> HTTPResponse {
        if corsOrigins.isEmpty, contentType == Representation.json {
            return HTTPResponse(status: status, prepared: Self.noStoreJSON, body: body, route: route.path)
        }
        var headers = HTTPHeaders([("Content-Type", contentType), ("Cache-Control", "no-store")])
        addCORS(&headers)
        return HTTPResponse(status: status, headers: headers, body: body, route: route.path)
    }

    func finish(_ outcome: Outcome, route: Route) -> HTTPResponse {
        switch outcome {
        case .problem(let p):
            return problem(p, route: route)
        case .ok(let representation, let varyAlso):
            return represent(representation, varyAlso: varyAlso, route: route)
        }
    }

    private func represent(_ rep: Representation, varyAlso: String?, route: Route) -> HTTPResponse {
        let gzipBody: [UInt8]? =
            Negotiation.prefersGzip(acceptEncoding: requestHeaders.list("Accept-Encoding"))
            ? (rep.precompressed ? rep.gzipBody : Representation.compressed(rep.body)) : nil
        // The common answer, a plain 200 with the fields prepared once: no field is built here.
        if varyAlso == nil, !Self.hasPrecondition(requestHeaders), let prepared = gzipBody == nil ? rep.preparedFields : rep.preparedGzipFields {
            if gzipBody == nil, let shared = rep.sharedBody { return HTTPResponse(status: 200, prepared: prepared, body: shared, route: route.path) }
            return HTTPResponse(status: 200, prepared: prepared, body: gzipBody ?? rep.body, route: route.path)
        }
        let etag = gzipBody == nil ? rep.etag : rep.gzipETag
        var headers = HTTPHeaders()
        headers.add("Cache-Control", CachingFields.cacheControl(maxAge: cacheMaxAge))
        headers.add("Vary", varyAlso.map { "Accept-Encoding, " + $0 } ?? "Accept-Encoding")
        addCORS(&headers)
        // RFC 9110 §13.2.2, in its order: If-Match (strong), else If-Unmodified-Since; then
        // If-None-Match (weak), else If-Modified-Since. Tags compare with the tag of the
        // representation selected for this request only: the other coding's tag names other
        // bytes, and a cache would serve those to a client that cannot decode them. A date that
        // does not parse voids its condition (§13.1.3, §13.1.4).
        func failed(_ detail: String) -> HTTPResponse {
            if let lastModified { headers.add("Last-Modified", lastModified.value) }
            headers.add("ETag", etag)
            var failed = problem(Problem(status: 412, detail: detail), route: route)
            for field in headers where failed.headers[field.name] == nil { failed.headers.add(field.name, field.value) }
            return failed
        }
        if let header = requestHeaders.list("If-Match") {
            if !ETag.matchHits(header, etag) { return failed("If-Match: no listed tag is the current one, \(etag)") }
        } else if let header = requestHeaders["If-Unmodified-Since"], let lastModified, let date = HTTPDate.seconds(header),
            lastModified.seconds > date
        {
            return failed("If-Unmodified-Since: the data changed since, on \(lastModified.value)")
        }
        let notModified: Bool
        if let header = requestHeaders.list("If-None-Match") {
            notModified = ETag.noneMatchHits(header, etag)
        } else if let header = requestHeaders["If-Modified-Since"], let lastModified, let date = HTTPDate.seconds(header) {
            notModified = lastModified.seconds <= date
        } else {
            notModified = false
        }
        // A 304 carries what a 200 would among ETag, Cache-Control and Vary (RFC 9110 §15.4.5),
        // and no other metadata: with the ETag there, Last-Modified guides no cache update.
        if notModified {
            headers.add("ETag", etag)
            return HTTPResponse(status: 304, headers: headers, body: [], route: route.path)
        }
        if let lastModified { headers.add("Last-Modified", lastModified.value) }
        if let next = rep.next { headers.add("Link", Representation.link(next)) }
        headers.add("ETag", etag)
        headers.add("Content-Type", rep.contentType)
        if gzipBody != nil { headers.add("Content-Encoding", "gzip") }
        if gzipBody == nil, let shared = rep.sharedBody { return HTTPResponse(status: 200, headers: headers, body: shared, route: route.path) }
        return HTTPResponse(status: 200, headers: headers, body: gzipBody ?? rep.body, route: route.path)
    }

    /// Whether the request has any `If-*` field (If-Match, If-None-Match, If-Modified-Since,
    /// If-Unmodified-Since, If-Range): one pass over the names instead of a lookup per field.
    private static func hasPrecondition(_ headers: HTTPHeaders) -> Bool {
        headers.fields.contains { field in
            var bytes = field.name.utf8.makeIterator()
            return bytes.next().map { $0 | 0x20 } == UInt8(ascii: "i") && bytes.next().map { $0 | 0x20 } == UInt8(ascii: "f")
                && bytes.next() == UInt8(ascii: "-")
        }
    }

    func allowOnly(status: Int, allow: String, route: Route?) -> HTTPResponse {
        var headers = HTTPHeaders([("Allow", allow)])
        addCORS(&headers)
        return HTTPResponse(status: status, headers: headers, body: [], route: route?.path)
    }

    /// `OPTIONS`: a CORS preflight when it is one from an allowed origin, else just `Allow`.
    func options(route: Route) -> HTTPResponse {
        guard let origin = requestHeaders["Origin"], requestHeaders["Access-Control-Request-Method"] != nil,
            let allowOrigin = allowedOrigin(origin)
        else { return allowOnly(status: 204, allow: route.allow, route: route) }
        var headers = HTTPHeaders([("Allow", route.allow)])
        headers.add("Access-Control-Allow-Origin", allowOrigin)
        headers.add("Access-Control-Allow-Methods", route.allow)
        if let requested = requestHeaders.list("Access-Control-Request-Headers"), !requested.isEmpty {
            headers.add("Access-Control-Allow-Headers", requested)
        }
        headers.add("Access-Control-Max-Age", "86400")
        headers.add("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
        return HTTPResponse(status: 204, headers: headers, body: [], route: route.path)
    }

    private func allowedOrigin(_ origin: String) -> String? {
        if corsOrigins.contains("*") { return "*" }
        return corsOrigins.contains(origin) ? origin : nil
    }

    private func addCORS(_ headers: inout HTTPHeaders) {
        guard !corsOrigins.isEmpty else { return }
        let wildcard = corsOrigins.contains("*")
        if !wildcard {
            if let vary = headers["Vary"] { headers.set("Vary", vary + ", Origin") } else { headers.add("Vary", "Origin") }
        }
        guard let origin = requestHeaders["Origin"], let allow = allowedOrigin(origin) else { return }
        headers.add("Access-Control-Allow-Origin", allow)
        headers.add("Access-Control-Expose-Headers", "ETag, X-Request-Id, Content-Encoding, Link")
    }
}
