/// A request the core answers itself, before or instead of the responder: a malformed or
/// oversized request, a timeout, overload, plain HTTP on the TLS port. Only what RFC 9457 itself
/// defines: the application that owns an error vocabulary (extension members) renders the body
/// from this through `HTTPResponder.problemBody(for:)`, so its own problems and the core's look
/// alike.
public struct ProblemReport: Sendable {
    public var status: Int
    /// The status's reason phrase.
    public var title: String
    public var detail: String
    /// The request path; nil when the request line was unusable.
    public var instance: String?

    public init(status: Int, detail: String, instance: String?) {
        self.status = status
        title = ResponseSerializer.reasonPhrase(status).description
        self.detail = detail
        self.instance = instance
    }

    /// The document with RFC 9457's members only, for responders that add none.
    public var minimalBody: [UInt8] {
        var out = Array(#"{"type":"about:blank","title":"#.utf8)
        JSONString.append(title, to: &out)
        out += Array(#","status":"#.utf8)
        out += Array(String(status).utf8)
        out += Array(#","detail":"#.utf8)
        JSONString.append(detail, to: &out)
        out += Array(#","instance":"#.utf8)
        if let instance { JSONString.append(instance, to: &out) } else { out += Array("null".utf8) }
        out.append(UInt8(ascii: "}"))
        return out
    }
}
