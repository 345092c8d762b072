import CareersCore

/// `GET /roles` (searched and filtered, paged) and `GET /roles/{id}` (one merged role profile).
extension Route {
    static let roles: Route = Route(
        "/roles", parameters: [.roleSearch, .skill, .tool, .industry, .limit, .offset], link: "roles",
        operation: Operation(id: "listRoles", summary: "Roles, optionally searched and filtered", tags: ["roles"], responses: [
            ("200", OpenAPIDocument.ok("RoleList", "A page of roles.", paged: true)), OpenAPIDocument.notModified, OpenAPIDocument.badRequest,
        ]),
        schemas: [
            ("RoleSummary", OpenAPIDocument.object([
                ("id", OpenAPIDocument.string), ("title", OpenAPIDocument.string), ("aliases", OpenAPIDocument.strings),
                ("summary", OpenAPIDocument.nullableString), ("comparisons", OpenAPIDocument.strings),
                ("related", OpenAPIDocument.strings), ("jobs", OpenAPIDocument.ref("RoleJobs")), ("href", OpenAPIDocument.string),
            ])),
            ("RoleJobs", OpenAPIDocument.object([
                ("count", ["type": "integer", "minimum": 0]),
                ("href", ["type": "string", "description": "/jobs?role=<id>: title matches, then similar titles, then jobs featured with the role."]),
            ], description: "The jobs related to a role (by title, similar title, or featured in an article about it).")),
            ("RoleList", OpenAPIDocument.envelope("RoleSummary")),
        ],
        serving: .query { catalog, reader in catalog.roles(&reader) })

    static let role: Route = Route(
        "/roles/{id}", id: PathID(what: "role") { repository in
            let roles = repository.roles.map(\.id)
            return roles.first { $0 == "machine-learning-engineer" } ?? roles.first
        },
        link: "role",
        operation: Operation(id: "getRole", summary: "One role with every section and provenance per item", tags: ["roles"], responses: [
            ("200", OpenAPIDocument.ok("Role", "The role.")), OpenAPIDocument.notModified, OpenAPIDocument.badRequest,
            OpenAPIDocument.notFound,
        ]),
        schemas: [("Role", roleSchema)],
        serving: .resource { catalog, caching in
            let docs = Dictionary(catalog.repository.roles.map { role in
                (role.id, Representation(
                    body: Catalog.serialise(role) { $0.role($1, jobCount: catalog.repository.jobCount(ofRole: $1.id)) },
                    precompress: true, caching: caching))
            }, uniquingKeysWith: { a, _ in a })
            return { id, _, _ in
                if let doc = docs[id] { return .ok(doc) }
                let suggestions = catalog.repository.suggestRoleIDs(for: id)
                let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
                return .problem(.notFound("no role with id '\(id)'\(hint)", suggestions: suggestions))
            }
        })

    private static var roleSchema: JSONValue {
        typealias D = OpenAPIDocument
        return D.object([
            ("id", D.string), ("title", D.string), ("aliases", D.strings), ("summary", D.nullableString),
            ("definitions", D.array(D.ref("SourcedText"))), ("responsibilities", D.array(D.ref("ListItem"))),
            ("skills", D.array(D.ref("ListItem"))), ("education", D.array(D.ref("ListItem"))), ("tools", D.array(D.ref("ToolItem"))),
            ("industries", D.array(D.ref("ListItem"))), ("outlook", D.array(D.ref("SourcedText"))), ("tips", D.array(D.ref("ListItem"))),
            ("comparisons", ["type": "array", "items": D.string, "description": "Ids of the articles comparing this role."]),
            ("related", ["type": "array", "items": D.string, "description": "Ids of the roles it is compared with."]),
            ("jobs", D.ref("RoleJobs")), ("href", D.string),
        ])
    }
}

extension QueryParameter {
    static let roleSearch = QueryParameter("q", .text, "Search titles and aliases; case-, accent- and typo-tolerant (\"ml engneer\").")
    static let skill = QueryParameter("skill", .text, "Only roles with a skill containing this text.")
    static let tool = QueryParameter("tool", .text, "Only roles using this tool (normalised name).")
    static let industry = QueryParameter("industry", .text, "Only roles working in this industry.")
}

extension Catalog {
    func roles(_ reader: inout QueryReader) -> Outcome {
        let filter = RoleFilter(
            query: reader.string(.roleSearch), skill: reader.string(.skill), tool: reader.string(.tool),
            industry: reader.string(.industry))
        let page = Page(reader)
        let matches = filter == RoleFilter() ? repository.roles : repository.searchRoles(filter)
        let items = page.slice(matches).map { item in
            roleItems[item.id] ?? Catalog.serialise(item) { $0.roleSummary($1, jobCount: repository.jobCount(ofRole: $1.id)) }
        }
        return .ok(page.representation(path: Route.roles.path, reader: reader, total: matches.count, items: items))
    }
}
