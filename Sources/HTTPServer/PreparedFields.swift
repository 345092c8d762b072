/// Header fields checked and serialised once, for a response that is sent again and again (a
/// pre-serialised document's `ETag`, `Content-Type`, caching fields). The core copies the bytes
/// as they are instead of validating and encoding every field of every response. A class, so a
/// response carrying it costs one retain.
public final class PreparedFields: Sendable {
    /// The fields as given.
    public let headers: HTTPHeaders
    /// "Name: value\r\n" lines, without the fields the core owns (Date, Content-Length,
    /// Connection, X-Request-Id, Transfer-Encoding) and without any field that would not be
    /// valid on the wire: the same rules as `HTTPResponse.headers`.
    let bytes: [UInt8]
    /// The fields held `Connection: close`: the connection closes after the response.
    let asksToClose: Bool

    public init(_ headers: HTTPHeaders) {
        var out: [UInt8] = []
        ResponseSerializer.appendFields(headers, into: &out)
        self.headers = headers
        bytes = out
        asksToClose = ResponseSerializer.asksToClose(headers)
    }

    /// The serialised field lines, for tests and diagnostics.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
