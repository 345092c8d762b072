import OrderedCollections

/// Every route the API serves, in the order `/` links them and `/openapi.json` lists them (and
/// the router tries them).
///
/// HOW TO ADD AN ENDPOINT
/// 1. Create `Routes/<Name>Route.swift` (or add to the file of its resource) declaring
///    `extension Route { static let <name>: Route = Route("/things/{id}", parameters: [...],
///    link: "<name in GET />", operation: Operation(id:summary:tags:responses:), schemas: [...],
///    serving: ...) }` with its handler beside it. `Routes/SalariesRoute.swift` is a small
///    complete query route, `Routes/RolesRoutes.swift` has a `{id}` resource.
/// 2. Pick the serving kind: `.query` for a document computed from the data and the query
///    (serialised once for no query, cached per query), `.resource` for one item per `{id}`
///    (a `DocumentTable`: each document made on its first request), `.live` for answers that
///    must never be cached (health, metrics).
/// 3. Declare each query parameter once, as a `static let` on `QueryParameter` (name, type with
///    limits, description): the reader rejects unknown names, bad values and repeats with a 400
///    naming them before the handler runs, and the handler reads typed values through the same
///    constant (`reader.int(.limit)`, `reader.string(.skill)`). Parameters several routes share
///    are `shared: true` (one `components/parameters` entry); reuse `.limit`/`.offset` and `Page`
///    for lists.
/// 4. Add the route to `all` below (one line). Routing, 405 + `Allow`, HEAD, OPTIONS, its link in
///    `/` and its OpenAPI path, parameters and schemas follow; `RouteTableTests` checks every route
///    for reachability, 400 on unknown parameters, 405, and its OpenAPI parameters.
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
        .tools,
        .tool,
        .skills,
        .skill,
        .industries,
        .industry,
        .suggest,
    ]
}

extension Routes {
    /// `Allow` of `OPTIONS *`: every method some route serves.
    static let allowedAnywhere = OrderedSet(all.flatMap { $0.allow.split(separator: ", ").map(String.init) })
        .joined(separator: ", ")
}
