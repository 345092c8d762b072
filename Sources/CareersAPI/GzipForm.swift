import HTTPServer

/// A document's gzip body and the prepared fields of its `200`, made on the first request that
/// asks for gzip and then kept: each document is still compressed once, but start-up no longer
/// compresses every entity, role, job and comparison document before `/healthz` can answer
/// (that was ~9 ms of a ~48 ms start on the seeds, most documents never asked for in gzip).
/// Once made, a request reads it with one atomic load (`MadeOnce`); concurrent first requests
/// wait for the one result instead of compressing twice.
final class GzipForm: Sendable {
    final class Made: Sendable {
        /// Nil when gzip does not pay (`Representation.compressed`).
        let body: [UInt8]?
        let fields: PreparedFields?

        init(body: [UInt8]?, fields: PreparedFields?) {
            self.body = body
            self.fields = fields
        }
    }

    private let source: [UInt8]
    private let etag: String
    private let contentType: String
    private let next: String?
    private let caching: CachingFields?
    private let made = MadeOnce<Made>()

    init(of body: [UInt8], etag: String, contentType: String, next: String?, caching: CachingFields?) {
        source = body
        self.etag = etag
        self.contentType = contentType
        self.next = next
        self.caching = caching
    }

    var value: Made {
        made.value {
            let body = Representation.compressed(source)
            let fields = body == nil ? nil : caching.map {
                PreparedFields(Representation.okFields($0, etag: ETag.gzipVariant(of: etag), contentType: contentType, next: next, gzip: true))
            }
            return Made(body: body, fields: fields)
        }
    }
}
