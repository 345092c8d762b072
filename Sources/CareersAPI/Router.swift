/// The routes of the API. The raw value is the path template, which is also the `route` label
/// metrics and logs group by.
enum Route: String, CaseIterable, Sendable {
    case root = "/"
    case healthz = "/healthz"
    case readyz = "/readyz"
    case metrics = "/metrics"
    case openapi = "/openapi.json"
    case roles = "/roles"
    case role = "/roles/{id}"
    case compare = "/compare"
    case comparisons = "/comparisons"
    case comparison = "/comparisons/{id}"
    case jobs = "/jobs"
    case job = "/jobs/{id}"
    case salaries = "/salaries"

    /// Every route reads; nothing here writes.
    static let allowedMethods = "GET, HEAD, OPTIONS"

    fileprivate var segments: [Substring] { rawValue.split(separator: "/") }
}

struct RouteMatch: Sendable {
    var route: Route
    /// The decoded `{id}` segment, when the template has one.
    var id: String?
}

enum Router {
    private static let table: [(segments: [Substring], route: Route)] = Route.allCases.map { ($0.segments, $0) }

    /// Matches a raw (percent-encoded) path. An `{id}` that does not decode is passed on raw, so
    /// the lookup fails with a 404 naming exactly what the client sent.
    static func match(path: String) -> RouteMatch? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard path.first == "/" else { return nil }
        let segments = parts.count == 1 && parts.first == "" ? [] : Array(parts)
        for entry in table where entry.segments.count == segments.count {
            var id: String?
            var matched = true
            for (template, actual) in zip(entry.segments, segments) {
                if template == "{id}" {
                    guard !actual.isEmpty else {
                        matched = false
                        break
                    }
                    id = PercentDecoding.decode(actual.utf8, plusIsSpace: false) ?? String(actual)
                } else if template != actual {
                    matched = false
                    break
                }
            }
            if matched { return RouteMatch(route: entry.route, id: id) }
        }
        return nil
    }
}
