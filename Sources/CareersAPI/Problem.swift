/// An RFC 9457 problem document. Every optional member is present (null when absent), like
/// every other body of this API.
struct Problem: Sendable {
    var status: Int
    var detail: String
    /// Nil: the usual title of `status`.
    var title: String? = nil
    var invalidParams: [InvalidParam]? = nil
    var suggestions: [String]? = nil

    static let contentType = "application/problem+json"

    static func badRequest(_ params: [InvalidParam]) -> Problem {
        let detail = params.map { "\($0.name): \($0.reason)" }.joined(separator: "; ")
        return Problem(status: 400, detail: detail, invalidParams: params)
    }

    static func notFound(_ detail: String, suggestions: [String]? = nil) -> Problem {
        Problem(status: 404, detail: detail, suggestions: suggestions)
    }

    static func title(for status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 412: "Precondition Failed"
        case 503: "Service Unavailable"
        default: "Error"
        }
    }

    /// `instance` is the request path, null when the request line was unusable.
    func body(instance: String?) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.object { o in
            o.field("type", "about:blank")
            o.field("title", title ?? Problem.title(for: status))
            o.field("status", status)
            o.field("detail", detail)
            o.field("instance", instance)
            o.key("invalid_params")
            if let invalidParams {
                o.array(invalidParams) { w, p in
                    w.object { o in
                        o.field("name", p.name)
                        o.field("reason", p.reason)
                    }
                }
            } else {
                o.null()
            }
            o.key("suggestions")
            if let suggestions { o.array(suggestions) { $0.string($1) } } else { o.null() }
        }
        return w.bytes
    }
}
