/// Every route the API serves, in the order `/` links them and `/openapi.json` lists them.
///
/// HOW TO ADD AN ENDPOINT
/// 1. Create `Routes/<Name>Route.swift` (or add to the file of its resource) with
///    `extension Route { static let <name> = Route("/path/{id}", parameters: [...], link: "...",
///    operation: Operation(id:summary:tags:responses:), schemas: [...], serving: ...) }` and its
///    handler next to it. `Routes/SalariesRoute.swift` is a small complete example (a query
///    route), `Routes/RolesRoutes.swift` has a `{id}` resource.
/// 2. Pick the serving kind: `.query` for a document computed from the data and the query
///    (pre-serialised for no query, cached per query), `.resource` for one item per `{id}`
///    (documents built once per data load), `.live` for answers that must never be cached.
/// 3. Declare each query parameter once as a `QueryParameter` (type, limits, description):
///    the reader rejects anything else with a 400 naming it, and the handler reads typed values
///    through the same constant (`reader.int(.limit)`). Parameters several routes share are
///    `shared: true` (one `components/parameters` entry).
/// 4. Add the route to `all` below. Routing, 405 + Allow, HEAD, OPTIONS, the link in `/` and the
///    OpenAPI path follow; `RouteTableTests` checks that every route is reachable and documented.
enum Routes {
    static let all: [Route] = [
        .root,
        .healthz,
        .readyz,
        .metrics,
        .openapi,
        .roles,
        .role,
        .compare,
        .comparisons,
        .comparison,
        .jobs,
        .job,
        .salaries,
        .suggest,
    ]
}

extension Routes {
    /// `Allow` of `OPTIONS *`: every method some route serves.
    static let allowedAnywhere: String = {
        var methods: [String] = []
        for route in all {
            for method in route.allow.split(separator: ", ").map(String.init) where !methods.contains(method) {
                methods.append(method)
            }
        }
        return methods.joined(separator: ", ")
    }()
}
