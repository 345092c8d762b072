import CareersCore
import HTTPServer
import Synchronization

/// The Careers API: requests in, JSON out. Routing and validation happen here; the data come
/// from a `Snapshot` that serialises each immutable response once, on its first request.
public final class CareersAPI: HTTPResponder {
    private let snapshot: Mutex<Snapshot>
    public let options: APIOptions

    public convenience init(repository: Repository) {
        self.init(repository: repository, options: APIOptions())
    }

    public init(repository: Repository, options: APIOptions) {
        self.options = options
        snapshot = Mutex(Snapshot(repository: repository, options: options))
    }

    public var repository: Repository { current.repository }

    var current: Snapshot { snapshot.withLock { $0 } }

    /// Swaps in a new repository (SIGHUP reload). The new snapshot is built before the lock is
    /// taken; requests in flight finish on the old one.
    public func replaceRepository(_ repository: Repository) {
        let next = Snapshot(repository: repository, options: options)
        snapshot.withLock { $0 = next }
    }

    /// Read-only: no route reads a body, so the core answers without storing one or asking for it
    /// with `100 Continue` (a POST still gets its 405 from `respond`).
    public func acceptsBody(for head: HTTPRequest) -> Bool { false }

    /// The answers the core gives itself (malformed requests, limits, overload) in this API's
    /// problem shape, `invalid_params` and `suggestions` included, like every other error.
    public func problemBody(for report: ProblemReport) -> [UInt8] {
        Problem(status: report.status, detail: report.detail, title: report.title).body(instance: report.instance)
    }

    /// Routing, method and query checks for every route, from its declaration (`Routes.all`);
    /// the path is matched once and the match handed on.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let snapshot = current
        let exchange = Exchange(request: request, options: options, lastModified: snapshot.lastModified)
        guard let match = Router.match(path: request.path) else {
            if request.method == .OPTIONS, request.target == "*" {
                return exchange.allowOnly(status: 204, allow: Routes.allowedAnywhere, route: nil)
            }
            return exchange.problem(.notFound("no resource at \(request.path)"), route: nil)
        }
        let route = match.route
        guard route.serves(request.method) else {
            if request.method == .OPTIONS { return exchange.options(route: route) }
            var response = exchange.problem(
                Problem(status: 405, detail: "\(request.method.rawValue) is not allowed here; allowed: \(route.allow)"), route: route)
            response.headers.add("Allow", route.allow)
            return response
        }
        switch snapshot.routes[match.index] {
        case .query(let handler, let unqueried):
            if QueryReader.isEmpty(request.query), let document = unqueried.representation {
                return exchange.finish(.ok(document), route: route)
            }
            // A query answered from the cache was validated when it was first seen, and reading
            // it again was ~18 % of a cached /jobs?… request: the reader is built on a miss only.
            let query = request.query ?? ""
            if let cached = snapshot.queryCache[route: match.index, query: query] { return exchange.finish(.ok(cached), route: route) }
            let outcome = Self.answer(handler, catalog: snapshot.catalog, query: request.query, route: route)
            guard case .ok(let fresh, let vary) = outcome else { return exchange.finish(outcome, route: route) }
            // An answer that varies on a request field is not cached by target alone, and is
            // served once: it is neither precompressed nor kept for sending from a file.
            let stored = Representation(
                body: fresh.body, contentType: fresh.contentType, precompress: vary == nil, caching: snapshot.caching, next: fresh.next)
            if vary == nil { snapshot.queryCache.insert(stored, route: match.index, query: query) }
            return exchange.finish(.ok(stored, vary: vary), route: route)
        case .resource(let lookup):
            var reader = QueryReader(query: route.ignoresQuery ? nil : request.query, route: route)
            guard reader.errors.isEmpty else { return exchange.problem(.badRequest(reader.errors), route: route) }
            let outcome = lookup(match.id ?? "", request, &reader)
            guard reader.errors.isEmpty else { return exchange.problem(.badRequest(reader.errors), route: route) }
            return exchange.finish(outcome, route: route)
        case .live(let answer):
            if !route.ignoresQuery {
                let reader = QueryReader(query: request.query, route: route)
                guard reader.errors.isEmpty else { return exchange.problem(.badRequest(reader.errors), route: route) }
            }
            switch answer(options) {
            case .body(let status, let body, let contentType):
                return exchange.plain(status: status, body: body, contentType: contentType, route: route)
            case .problem(let problem):
                return exchange.problem(problem, route: route)
            }
        }
    }

    /// A query route's answer computed afresh: the query validated against the route's
    /// declared parameters, then the handler. Validation errors, the declared ones and those the
    /// handler finds, win over whatever it answers.
    static func answer(
        _ handler: (Catalog, inout QueryReader) -> Outcome, catalog: Catalog, query: String?, route: Route
    ) -> Outcome {
        var reader = QueryReader(query: query, route: route)
        guard reader.errors.isEmpty else { return .problem(.badRequest(reader.errors)) }
        let outcome = handler(catalog, &reader)
        return reader.errors.isEmpty ? outcome : .problem(.badRequest(reader.errors))
    }
}
