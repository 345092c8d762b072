/// The routes about the service itself: its index, liveness, readiness, metrics and contract.
extension Route {
    static let root: Route = Route(
        "/", link: "self",
        operation: Operation(id: "getIndex", summary: "Name, version, links to every endpoint and counts", tags: ["meta"], responses: [
            ("200", OpenAPIDocument.ok("Index", "The API index.")), OpenAPIDocument.notModified, OpenAPIDocument.badRequest,
        ]),
        schemas: [
            ("Index", OpenAPIDocument.object([
                ("name", OpenAPIDocument.string), ("version", OpenAPIDocument.string),
                ("links", ["type": "object", "additionalProperties": OpenAPIDocument.string]),
                ("counts", OpenAPIDocument.object([
                    ("roles", OpenAPIDocument.integer), ("comparisons", OpenAPIDocument.integer), ("jobs", OpenAPIDocument.integer),
                ])),
            ]))
        ],
        serving: .query { catalog, _ in .ok(Representation(body: catalog.rootDocument())) })

    /// Ignores the query: load balancers' probes add cache-busters and must still see 200.
    static let healthz: Route = Route(
        "/healthz", ignoresQuery: true, link: "health",
        operation: Operation(id: "getHealth", summary: "Liveness", tags: ["meta"], responses: [
            ("200", OpenAPIDocument.status("Alive: {\"status\":\"ok\"}")),
        ]),
        serving: .live { _ in .body(status: 200, Route.alive, contentType: Representation.json) })

    static let readyz: Route = Route(
        "/readyz", ignoresQuery: true, link: "readiness",
        operation: Operation(id: "getReadiness", summary: "Readiness: 200 once data is loaded, 503 while draining", tags: ["meta"], responses: [
            ("200", OpenAPIDocument.status("Ready.")), ("503", OpenAPIDocument.problem("Draining on shutdown.")),
        ]),
        serving: .live { options in
            guard options.isReady() else { return .problem(Problem(status: 503, detail: "draining: not accepting new work")) }
            return .body(status: 200, Route.ready, contentType: Representation.json)
        })

    static let metrics: Route = Route(
        "/metrics", link: "metrics",
        operation: Operation(id: "getMetrics", summary: "Prometheus text exposition", tags: ["meta"], responses: [
            ("200", OpenAPIDocument.text("text/plain", "Metrics (text format 0.0.4).")), OpenAPIDocument.badRequest,
        ]),
        serving: .live { options in
            .body(status: 200, Array((options.metricsText?() ?? "").utf8), contentType: "text/plain; version=0.0.4; charset=utf-8")
        })

    static let openapi: Route = Route(
        "/openapi.json", link: "openapi",
        operation: Operation(id: "getOpenAPI", summary: "This document", tags: ["meta"], responses: [
            ("200", ["description": "OpenAPI 3.1", "content": ["application/json": ["schema": ["type": "object"]]]]),
            OpenAPIDocument.notModified, OpenAPIDocument.badRequest,
        ]),
        serving: .query { catalog, _ in
            .ok(Representation(body: OpenAPIDocument.bytes(version: catalog.version, repository: catalog.repository)))
        })

    private static let alive = Array(#"{"status":"ok"}"#.utf8)
    private static let ready = Array(#"{"status":"ready"}"#.utf8)
}

extension Catalog {
    /// `GET /`: every route's link, in the route table's order.
    func rootDocument() -> [UInt8] {
        var w = JSONWriter(capacity: 1024)
        w.object { o in
            o.field("name", "careers-api")
            o.field("version", version)
            o.field("links", object: { o in
                for route in Routes.all {
                    if let link = route.link { o.field(link.name, link.href) }
                }
            })
            o.field("counts", object: { o in
                o.field("roles", repository.roles.count)
                o.field("comparisons", repository.articles.count)
                o.field("jobs", repository.jobs.count)
            })
        }
        return w.bytes
    }
}
