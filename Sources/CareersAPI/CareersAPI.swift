import CareersCore
import HTTPServer
import Synchronization

/// The Careers API: requests in, JSON out. Routing and validation happen here; the data come
/// from a `Snapshot` that holds every immutable response pre-serialised.
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

    /// Swaps in a new repository (SIGHUP reload). The new snapshot, every pre-serialised
    /// response included, is built before the lock is taken; requests in flight finish on the
    /// old one.
    public func replaceRepository(_ repository: Repository) {
        let next = Snapshot(repository: repository, options: options)
        snapshot.withLock { $0 = next }
    }

    /// Read-only: no route reads a body, so the core answers without storing one or asking for it
    /// with `100 Continue` (a POST still gets its 405 from `respond`).
    public func acceptsBody(for head: HTTPRequest) -> Bool { false }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let snapshot = current
        let exchange = Exchange(request: request, options: options, lastModified: snapshot.lastModified)
        guard let match = Router.match(path: request.path) else {
            if request.method == .OPTIONS, request.target == "*" {
                return exchange.allowOnly(status: 204, route: nil)
            }
            return exchange.problem(.notFound("no resource at \(request.path)"), route: nil)
        }
        switch request.method {
        case .GET, .HEAD: break
        case .OPTIONS: return exchange.options(route: match.route)
        default:
            var response = exchange.problem(
                Problem(status: 405, detail: "\(request.method.rawValue) is not allowed here; allowed: \(Route.allowedMethods)"),
                route: match.route)
            response.headers.add("Allow", Route.allowedMethods)
            return response
        }
        // Built on demand: a query answered from the cache was validated when it was first seen,
        // and reading it again was ~18 % of a cached /jobs?… request.
        func reader() -> QueryReader {
            QueryReader(query: request.query, allowed: match.route.parameters, repeatable: match.route.repeatableParameters)
        }
        switch match.route {
        case .readyz:
            if let problem = exchange.invalid(reader()) { return problem }
            guard options.isReady() else {
                return exchange.problem(Problem(status: 503, detail: "draining: not accepting new work"), route: .readyz)
            }
            return exchange.plain(status: 200, body: Array(#"{"status":"ready"}"#.utf8), contentType: Representation.json, route: .readyz)
        case .healthz:
            if let problem = exchange.invalid(reader()) { return problem }
            return exchange.plain(status: 200, body: snapshot.fixed[.healthz]?.body ?? [], contentType: Representation.json, route: .healthz)
        case .metrics:
            if let problem = exchange.invalid(reader()) { return problem }
            let text = options.metricsText?() ?? ""
            return exchange.plain(status: 200, body: Array(text.utf8), contentType: "text/plain; version=0.0.4; charset=utf-8", route: .metrics)
        case .role, .comparison, .job:
            if let problem = exchange.invalid(reader()) { return problem }
            return exchange.finish(snapshot.document(match, request: request), route: match.route)
        default:
            if request.query == nil || request.query == "", let fixed = snapshot.fixed[match.route] {
                return exchange.finish(.ok(fixed), route: match.route)
            }
            let key = match.route.rawValue + "?" + (request.query ?? "")
            if let cached = snapshot.queryCache[key] { return exchange.finish(.ok(cached), route: match.route) }
            var reader = reader()
            let outcome = snapshot.catalog.respond(match.route, reader: &reader)
            guard case .ok(let fresh, let vary) = outcome else { return exchange.finish(outcome, route: match.route) }
            let stored = Representation(
                body: fresh.body, contentType: fresh.contentType, precompress: true, caching: snapshot.caching)
            snapshot.queryCache.insert(stored, for: key)
            return exchange.finish(.ok(stored, vary: vary), route: match.route)
        }
    }
}

extension Snapshot {
    /// The single-resource routes, all served from pre-serialised documents.
    func document(_ match: RouteMatch, request: HTTPRequest) -> Outcome {
        let id = match.id ?? ""
        switch match.route {
        case .role:
            if let doc = roleDocs[id] { return .ok(doc) }
            let suggestions = repository.suggestRoleIDs(for: id)
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
            return .problem(.notFound("no role with id '\(id)'\(hint)", suggestions: suggestions))
        case .comparison:
            if let doc = comparisonDocs[id] { return .ok(doc) }
            return .problem(.notFound("no comparison with id '\(id)'"))
        case .job:
            guard let doc = jobDocs[id] else { return .problem(.notFound("no job with id '\(id)'")) }
            if MediaType.prefersLinkedData(request.headers.list("Accept")), let linked = jobLinkedData[id] {
                return .ok(linked, vary: "Accept")
            }
            return .ok(doc, vary: "Accept")
        default:
            return .problem(.notFound("no resource at \(request.path)"))
        }
    }
}
