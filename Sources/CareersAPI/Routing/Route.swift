import CareersCore
import HTTPServer

/// One endpoint of the API, declared once. Everything about it follows from this value: the
/// router matches `path`; `QueryReader` validates the query against `parameters` (an unknown name
/// is a 400 naming it); methods not declared get 405 with `Allow`, HEAD follows GET, OPTIONS
/// answers from `allow`; `/` links it; `/openapi.json` describes it from `operation`,
/// `parameters` and `schemas`. A class, so a match hands on one reference, not a copy.
final class Route: Sendable {
    /// The path template, e.g. `/roles/{id}`: also the `route` label metrics and logs group by.
    let path: String
    let methods: [HTTPMethod]
    let parameters: [QueryParameter]
    /// Answers whatever the query says (probes of load balancers add cache-busters).
    let ignoresQuery: Bool
    /// What `{id}` names, for the OpenAPI path parameter.
    let id: PathID?
    /// The name of its link in `GET /`, and the link when it is not the path itself.
    let link: (name: String, href: String)?
    let operation: Operation
    /// Schemas its responses refer to, added to `components/schemas`.
    let schemas: [(String, JSONValue)]
    let serving: Serving

    /// The `Allow` value: the declared methods, HEAD wherever GET is, and OPTIONS.
    let allow: String
    let accepted: [String: QueryParameter]
    let unknownParameterReason: String

    init(
        _ path: String, methods: [HTTPMethod] = [.GET], parameters: [QueryParameter] = [], ignoresQuery: Bool = false,
        id: PathID? = nil, link: String?, linkHref: String? = nil, operation: Operation,
        schemas: [(String, JSONValue)] = [], serving: Serving
    ) {
        self.path = path
        self.methods = methods
        self.parameters = parameters
        self.ignoresQuery = ignoresQuery
        self.id = id
        self.link = link.map { ($0, linkHref ?? path) }
        self.operation = operation
        self.schemas = schemas
        self.serving = serving
        var allowed = methods
        if methods.contains(.GET) && !methods.contains(.HEAD) { allowed.insert(.HEAD, at: (allowed.firstIndex(of: .GET) ?? 0) + 1) }
        if !allowed.contains(.OPTIONS) { allowed.append(.OPTIONS) }
        allow = allowed.map(\.rawValue).joined(separator: ", ")
        accepted = Dictionary(parameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        unknownParameterReason = parameters.isEmpty
            ? "unknown parameter; this route takes no parameters"
            : "unknown parameter; accepted: \(accepted.keys.sorted().joined(separator: ", "))"
    }

    /// GET, HEAD where GET is declared, and the declared methods are served; OPTIONS is answered
    /// for every route; anything else gets 405.
    func serves(_ method: HTTPMethod) -> Bool {
        methods.contains(method) || (method == .HEAD && methods.contains(.GET))
    }

    /// The `{id}` of a path: what it names and an example from the data being served.
    struct PathID: Sendable {
        var what: String
        var example: @Sendable (Repository) -> String?
    }

    /// The OpenAPI operation, less what the route declares elsewhere (parameters).
    struct Operation: Sendable {
        var id: String
        var summary: String
        var tags: [String]
        var responses: [(String, JSONValue)]
    }

    /// How a route answers. Each kind keeps the fast path it needs: documents serialised once,
    /// the per-query cache, or nothing cached at all.
    enum Serving: Sendable {
        /// Computed on every request and never cached, tagged or compressed (health, readiness,
        /// metrics): the answer depends on the moment, not on the data.
        case live(@Sendable (APIOptions) -> LiveAnswer)
        /// A document from the data and the query: the answer to no query is serialised on its
        /// first request and kept (`UnqueriedAnswer`), answers to queries are cached by target
        /// (`QueryCache`).
        case query(@Sendable (Catalog, inout QueryReader) -> Outcome)
        /// One resource per `{id}`: given the data (and the fields cacheable answers carry), builds
        /// once per data load what lookups need (a `DocumentTable`, each document made on its
        /// first request) and returns the lookup. It may read the query too: its errors win over
        /// whatever it answers.
        case resource(@Sendable (Catalog, CachingFields?) -> Lookup)
    }

    typealias Lookup = @Sendable (_ id: String, _ request: HTTPRequest, _ query: inout QueryReader) -> Outcome

    enum LiveAnswer: Sendable {
        case body(status: Int, [UInt8], contentType: String)
        case problem(Problem)
    }
}
