import CareersCore
import HTTPServer

/// Maps requests to repository queries and JSON. (Stub: the API issue fills it in.)
public final class CareersAPI: HTTPResponder {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        if request.path == "/healthz" {
            return HTTPResponse(
                status: 200, headers: HTTPHeaders([("Content-Type", "application/json; charset=utf-8")]),
                body: Array(#"{"status":"ok"}"#.utf8), route: "/healthz")
        }
        return HTTPResponse(status: 404, route: nil)
    }
}
