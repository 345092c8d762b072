import CareersCore

/// `GET /comparisons` (the source articles, paged) and `GET /comparisons/{id}` (one article as
/// structured data).
extension Route {
    static let comparisons: Route = Route(
        "/comparisons", parameters: [.limit, .offset], link: "comparisons",
        operation: Operation(id: "listComparisons", summary: "The source articles", tags: ["comparisons"], responses: [
            ("200", OpenAPIDocument.ok("ComparisonList", "A page of articles.", paged: true)), OpenAPIDocument.notModified, OpenAPIDocument.badRequest,
        ]),
        schemas: [
            ("ComparisonSummary", OpenAPIDocument.object([
                ("id", OpenAPIDocument.string), ("title", OpenAPIDocument.string),
                ("roles", OpenAPIDocument.array(OpenAPIDocument.ref("RoleReference"))),
                ("published", ["type": ["string", "null"], "format": "date"]), ("reading_minutes", OpenAPIDocument.nullableInteger),
                ("href", OpenAPIDocument.string),
            ])),
            ("ComparisonList", OpenAPIDocument.envelope("ComparisonSummary")),
        ],
        serving: .query { catalog, reader in
            let page = Page(reader)
            return .ok(page.representation(
                path: Route.comparisons.path, reader: reader, total: catalog.comparisonItems.count,
                items: page.slice(catalog.comparisonItems)))
        })

    static let comparison: Route = Route(
        "/comparisons/{id}", id: PathID(what: "comparison") { $0.articles.first?.id }, link: "comparison",
        operation: Operation(id: "getComparison", summary: "One article as structured data", tags: ["comparisons"], responses: [
            ("200", OpenAPIDocument.ok("Comparison", "The article.")), OpenAPIDocument.notModified, OpenAPIDocument.badRequest,
            OpenAPIDocument.notFound,
        ]),
        schemas: [("Comparison", comparisonSchema)],
        serving: .resource { catalog, caching in
            let repository = catalog.repository
            let articles = repository.articles
            let docs = DocumentTable(ids: articles.map(\.id)) { i in
                let article = articles[i]
                var w = JSONWriter(capacity: 16384)
                let jobs = repository.jobs.filter { $0.sources.contains(article.id) }
                w.comparison(article, roleIDs: catalog.articleRoleIDs[article.id] ?? [], jobs: jobs, knowledge: repository.knowledge)
                return Representation(body: w.bytes, precompress: true, caching: caching)
            }
            return { id, _, _ in docs[id].map { .ok($0) } ?? .problem(.notFound("no comparison with id '\(id)'")) }
        })

    private static var comparisonSchema: JSONValue {
        typealias D = OpenAPIDocument
        return D.object([
            ("id", D.string), ("title", D.string), ("subtitle", D.nullableString), ("file_name", D.string),
            ("published", ["type": ["string", "null"], "format": "date"]), ("reading_minutes", D.nullableInteger),
            ("roles", D.array(D.ref("RoleReference"))), ("intro", D.nullableString),
            ("sections", D.array(D.object([
                ("kind", D.enumeration(SectionKind.allCases.map(\.rawValue))), ("heading", D.string), ("text", D.nullableString),
                ("shared", D.array(D.ref("ListItem"))), ("tools", D.array(D.ref("WrittenTool"))),
                ("roles", D.array(D.object([
                    ("role", D.string), ("role_id", D.nullableString), ("text", D.nullableString),
                    ("items", D.array(D.ref("ListItem"))), ("tools", D.array(D.ref("WrittenTool"))),
                ]))),
            ]))),
            ("outlook", D.nullableString), ("conclusion", D.nullableString), ("jobs", D.array(D.ref("Job"))),
        ], description: "One source article as structured data, sections in document order.")
    }
}
