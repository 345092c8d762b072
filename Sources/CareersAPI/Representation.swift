/// One serialised body with its strong tag and, when compression pays, its gzip form.
/// Immutable responses build these once at start-up and hand out the same bytes forever.
struct Representation: Sendable {
    static let json = "application/json; charset=utf-8"
    /// Below this size gzip saves less than its own header overhead and CPU.
    static let compressionThreshold = 256

    let contentType: String
    let body: [UInt8]
    let etag: String
    let gzipBody: [UInt8]?
    /// Whether `gzipBody` was tried already (nil then means gzip does not pay).
    let precompressed: Bool

    var gzipETag: String { ETag.gzipVariant(of: etag) }

    /// `precompress` is for start-up documents; per-request bodies compress only when asked.
    init(body: [UInt8], contentType: String = Representation.json, precompress: Bool = false) {
        self.contentType = contentType
        self.body = body
        etag = ETag.of(body)
        gzipBody = precompress ? Self.compressed(body) : nil
        precompressed = precompress
    }

    static func compressed(_ body: [UInt8]) -> [UInt8]? {
        guard body.count >= compressionThreshold, let gz = Gzip.compress(body), gz.count < body.count else { return nil }
        return gz
    }
}
