import HTTPServer

/// One serialised body with its strong tag and, when compression pays, its gzip form.
/// Immutable responses build these once, on their first request (`DocumentTable`), and hand out
/// the same bytes until the next reload; their gzip form is made once too, on the first request
/// that asks for it (`GzipForm`).
/// A class, not a struct: a request passes it through several layers, and each copy of a struct
/// of eight references cost eight retains and releases (12 % of a /roles request in `perf`).
final class Representation: Sendable {
    static let json = "application/json; charset=utf-8"
    /// Below this size gzip saves less than its own header overhead and CPU.
    static let compressionThreshold = 256

    let contentType: String
    let body: [UInt8]
    /// `body` for documents served many times (those precompressed), which the core may send
    /// from a file (`SharedBody`).
    let sharedBody: SharedBody?
    let etag: String
    /// The gzip form kept for `precompress` documents; nil for bodies compressed per request.
    private let gzipForm: GzipForm?
    /// Nil when gzip does not pay, or when this body is not kept compressed (`precompressed`).
    var gzipBody: [UInt8]? { gzipForm?.value.body }
    /// Whether the gzip form is kept (nil `gzipBody` then means gzip does not pay).
    var precompressed: Bool { gzipForm != nil }
    /// A list page's next page, sent as `Link: <…>; rel="next"` beside the body's `next`.
    let next: String?

    /// The header fields of a plain `200` of this body and of its gzip form, serialised once
    /// (nil where a request's answer needs fields of its own, e.g. with CORS).
    let preparedFields: PreparedFields?
    var preparedGzipFields: PreparedFields? { gzipForm?.value.fields }

    var gzipETag: String { ETag.gzipVariant(of: etag) }

    /// `precompress` is for documents served many times (start-up documents, cached answers):
    /// their gzip form is made once, on the first request that asks, and kept; per-request
    /// bodies compress on each request that asks.
    /// With `caching`, the fields of a `200` are prepared too (documents served many times).
    init(
        body: [UInt8], contentType: String = Representation.json, precompress: Bool = false, caching: CachingFields? = nil,
        next: String? = nil
    ) {
        let etag = ETag.of(body)
        self.next = next
        self.contentType = contentType
        self.body = body
        sharedBody = precompress ? SharedBody(body) : nil
        self.etag = etag
        gzipForm = precompress ? GzipForm(of: body, etag: etag, contentType: contentType, next: next, caching: caching) : nil
        preparedFields = caching.map { PreparedFields(Self.okFields($0, etag: etag, contentType: contentType, next: next, gzip: false)) }
    }

    /// The fields `Exchange` sends with a `200` of this representation, in the same order.
    static func okFields(_ caching: CachingFields, etag: String, contentType: String, next: String?, gzip: Bool) -> HTTPHeaders {
        var headers = caching.fields
        if let next { headers.add("Link", link(next)) }
        headers.add("ETag", etag)
        headers.add("Content-Type", contentType)
        if gzip { headers.add("Content-Encoding", "gzip") }
        return headers
    }

    /// The `Link` field value for a next page (a relative reference, resolved against the request).
    static func link(_ next: String) -> String { "<" + next + ">; rel=\"next\"" }

    static func compressed(_ body: [UInt8]) -> [UInt8]? {
        guard body.count >= compressionThreshold, let gz = Gzip.compress(body), gz.count < body.count else { return nil }
        return gz
    }
}

/// The fields every cacheable `200` starts with (`Cache-Control`, `Vary`, `Last-Modified`):
/// fixed per snapshot, so they can be part of prepared fields. Nil (nothing prepared) with CORS,
/// whose fields depend on each request's `Origin`.
struct CachingFields: Sendable {
    let fields: HTTPHeaders

    init?(options: APIOptions, lastModified: LastModified?) {
        guard options.corsOrigins.isEmpty else { return nil }
        fields = HTTPHeaders(
            [("Cache-Control", Self.cacheControl(maxAge: options.cacheMaxAge)), ("Vary", "Accept-Encoding")]
                + (lastModified.map { [("Last-Modified", $0.value)] } ?? []))
    }

    static func cacheControl(maxAge: Int) -> String { "public, max-age=\(maxAge)" }
}
