import CareersCore

/// `GET /roles` (searched and filtered, paged) and `GET /roles/{id}` (one merged role profile).
extension Route {
    static let roles: Route = Route(
        "/roles", parameters: [.roleSearch, .skill, .tool, .industry, .roleFacets, .facetLimit, .limit, .offset], link: "roles",
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
            ("RoleList", OpenAPIDocument.envelope("RoleSummary", optional: [("facets", roleFacetsSchema)])),
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
            let roles = catalog.repository.roles
            let docs = DocumentTable(ids: roles.map(\.id)) { i in
                Representation(
                    body: Catalog.serialise(roles[i]) { $0.role($1, jobCount: catalog.repository.jobCount(ofRole: $1.id)) },
                    precompress: true, caching: caching)
            }
            return { id, _, _ in
                if let doc = docs[id] { return .ok(doc) }
                let suggestions = catalog.repository.suggestRoleIDs(for: id)
                let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
                return .problem(.notFound("no role with id '\(id)'\(hint)", suggestions: suggestions))
            }
        })

    private static var roleFacetsSchema: JSONValue {
        typealias D = OpenAPIDocument
        let value = D.array(D.ref("FacetValue"))
        return [
            "type": "object", "additionalProperties": false,
            "properties": .object(pairs: RoleFacet.allCases.map { ($0.rawValue, value) }),
            "description": "Present when `facets` is given: per asked dimension, entities with how many roles have them under the other filters, by count then name.",
        ]
    }

    private static var roleSchema: JSONValue {
        typealias D = OpenAPIDocument
        return D.object([
            ("id", D.string), ("title", D.string), ("aliases", D.strings), ("summary", D.nullableString),
            ("definitions", D.array(D.ref("SourcedText"))), ("responsibilities", D.array(D.ref("ListItem"))),
            ("skills", D.array(D.ref("ListItem"))), ("education", D.array(D.ref("ListItem"))), ("tools", D.array(D.ref("ToolItem"))),
            ("industries", D.array(D.ref("ListItem"))), ("outlook", D.array(D.ref("SourcedText"))), ("tips", D.array(D.ref("ListItem"))),
            ("entities", D.object([
                ("skills", D.array(D.ref("EntityRef"))), ("tools", D.array(D.ref("EntityRef"))), ("industries", D.array(D.ref("EntityRef"))),
            ], description: "The entities the role's sentences (skills), tool lists (tools) and industry lists name, with their sources.")),
            ("comparisons", ["type": "array", "items": D.string, "description": "Ids of the articles comparing this role."]),
            ("related", ["type": "array", "items": D.string, "description": "Ids of the roles it is compared with."]),
            ("jobs", D.ref("RoleJobs")), ("href", D.string),
        ])
    }
}

extension QueryParameter {
    static let roleSearch = QueryParameter("q", .text, "Search titles and aliases; case-, accent- and typo-tolerant (\"ml engneer\").")
}

extension QueryParameter {
    static let roleFacets = QueryParameter(
        "facets",
        .list(schema: [
            "type": "array", "uniqueItems": true, "minItems": 1,
            // The dimensions are the entity types: one named enum, one type in generated clients.
            "items": OpenAPIDocument.ref("EntityType"),
        ]),
        "Add `facets`: for each dimension named (skill, tool, industry; comma-separated or the parameter repeated), the entities of the matching roles with counts, each counted as if its own filter were lifted.",
        repeatable: true)
}

extension Catalog {

    func roles(_ reader: inout QueryReader) -> Outcome {
        let filter = RoleFilter(
            query: reader.string(.roleSearch), skill: reader.string(.skill), tool: reader.string(.tool),
            industry: reader.string(.industry))
        if let problem = unknownEntityFilter(reader) { return .problem(problem) }
        let page = Page(reader)
        let matches = filter == RoleFilter() ? repository.roles : repository.searchRoles(filter)
        let items = page.slice(matches).map { item in roleItems[item.id] ?? Catalog.serialise(item) { $0.roleSummary($1, jobCount: repository.jobCount(ofRole: $1.id)) } }
        let dimensions = reader.choices(.roleFacets, RoleFacet.self)
        guard reader.errors.isEmpty else { return .problem(.badRequest(reader.errors)) }
        guard let dimensions else {
            return .ok(page.representation(path: Route.roles.path, reader: reader, total: matches.count, items: items))
        }
        let facets = repository.roleFacets(filter, dimensions: dimensions.map(\.section), limit: reader.int(.facetLimit))
        let answer = page.representation(path: Route.roles.path, reader: reader, total: matches.count, items: items) { o in
            o.field("facets", object: { o in
                for dimension in dimensions {
                    o.field(dimension.rawValue, array: { a in
                        for value in facets[dimension.section] ?? [] {
                            a.object { o in
                                o.field("value", value.value)
                                o.field("label", value.label)
                                o.field("count", value.count)
                            }
                        }
                    })
                }
            })
        }
        return .ok(answer)
    }
}

/// The dimensions `/roles?facets=` counts, each an entity section of the roles; the names are
/// `EntityType`'s (the OpenAPI document refers to that one enum).
enum RoleFacet: String, CaseIterable, Sendable {
    case skill, tool, industry

    var section: EntitySection {
        switch self {
        case .skill: .skills
        case .tool: .tools
        case .industry: .industries
        }
    }
}
