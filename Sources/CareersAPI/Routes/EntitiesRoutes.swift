import CareersCore

/// `GET /tools`, `/skills`, `/industries` (entities, searched and filtered, paged) and
/// `/tools/{id}`, `/skills/{id}`, `/industries/{id}` (one entity with the roles and jobs that
/// name it). One declaration per type, from the same two builders.
extension Route {
    static let tools = entityList(.tool)
    static let tool = entityResource(.tool)
    static let skills = entityList(.skill)
    static let skill = entityResource(.skill)
    static let industries = entityList(.industry)
    static let industry = entityResource(.industry)

    private static func entityList(_ type: EntityType) -> Route {
        let path = EntityType.path(type)
        let plural = String(path.dropFirst())
        return Route(
            path, parameters: [.entitySearch, .entityCategory, .role, .limit, .offset], link: plural,
            operation: Operation(
                id: "list" + plural.capitalized, summary: type.listSummary, tags: ["entities"], responses: [
                    ("200", OpenAPIDocument.ok("EntityList", "A page of entities, by id.")), OpenAPIDocument.notModified,
                    OpenAPIDocument.badRequest,
                ]),
            // One named enum for the entity type, used by the summary and the document alike, so
            // that generated clients make one type of it.
            schemas: type == .tool
                ? [
                    ("EntityType", OpenAPIDocument.enumeration(EntityType.allCases.map(\.rawValue))),
                    ("EntitySummary", entitySummarySchema), ("EntityList", OpenAPIDocument.envelope("EntitySummary")),
                ]
                : [],
            serving: .query { catalog, reader in catalog.entities(type, &reader) })
    }

    private static func entityResource(_ type: EntityType) -> Route {
        let path = EntityType.path(type)
        return Route(
            path + "/{id}", id: PathID(what: type.rawValue) { $0.knowledge.list(type).first?.id },
            link: type.rawValue,
            operation: Operation(
                id: "get" + type.rawValue.capitalized, summary: "One \(type.rawValue) with the roles and jobs that name it",
                tags: ["entities"], responses: [
                    ("200", OpenAPIDocument.ok("Entity", "The entity.")), OpenAPIDocument.notModified, OpenAPIDocument.badRequest,
                    OpenAPIDocument.notFound,
                ]),
            schemas: type == .tool ? [("Entity", entitySchema)] : [],
            serving: .resource { catalog, caching in
                let repository = catalog.repository
                let knowledge = repository.knowledge
                let entities = knowledge.list(type)
                let docs = DocumentTable(ids: entities.map(\.id)) { i in
                    Representation(
                        body: Catalog.serialise(entities[i]) {
                            $0.entity($1, as: type, knowledge: knowledge) { repository.job(id: $0)?.posting.title }
                        },
                        precompress: true, caching: caching)
                }
                return { id, _, _ in
                    if let doc = docs[id] { return .ok(doc) }
                    let suggestions = knowledge.resolve(type, id).map { [$0.id] } ?? knowledge.suggest(type, id)
                    let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
                    return .problem(.notFound("no \(type.rawValue) with id '\(id)'\(hint)", suggestions: suggestions))
                }
            })
    }

    private static var entitySummarySchema: JSONValue {
        typealias D = OpenAPIDocument
        return D.object(entityFieldSchemas + [
            ("role_count", D.integer), ("job_count", D.integer), ("href", D.string),
        ], description: "A skill, tool or industry: how many roles and jobs name it.")
    }

    private static var entitySchema: JSONValue {
        typealias D = OpenAPIDocument
        return D.object(entityFieldSchemas + [
            ("description", D.nullableString),
            ("vocabulary_sources", ["type": "array", "items": D.string, "description": "Sources of the curated vocabulary that list it (codes declared in Resources/vocabulary.psv); empty for names only the articles give."]),
            ("roles", D.array(D.object([
                ("id", D.string), ("title", D.string),
                ("articles", ["type": "integer", "description": "How many articles say the role has it."]),
                ("sources", D.strings), ("sections", D.array(D.enumeration(EntitySection.allCases.map(\.rawValue)))),
                ("href", D.string),
            ]))),
            ("jobs", D.array(D.object([("id", D.string), ("title", D.nullableString), ("href", D.string)]))),
            ("href", D.string),
        ], description: "A skill, tool or industry with the roles that name it and the jobs whose titles do.")
    }

    private static var entityFieldSchemas: [(String, JSONValue)] {
        typealias D = OpenAPIDocument
        return [
            ("id", ["type": "string", "description": "Stable slug of the canonical name."]), ("name", D.string),
            ("aliases", D.strings), ("type", D.ref("EntityType")),
            ("kind", ["type": ["string", "null"], "description": "The vocabulary's kind (language, concept, soft-skill, …)."]),
            ("category", ["type": ["string", "null"], "description": "Tools: the vocabulary's category, else the articles' most used."]),
        ]
    }
}

extension EntityType {
    fileprivate var listSummary: String {
        switch self {
        case .skill: "Skills named in the roles' skill, responsibility, education and tool sentences"
        case .tool: "Tools named on the roles' tool lines"
        case .industry: "Industries the roles work in"
        }
    }
}

extension QueryParameter {
    static let entitySearch = QueryParameter(
        "q", .text, "Only entities whose name or an alias contains this text (case, accents, plurals and punctuation folded).")
    static let entityCategory = QueryParameter(
        "category", .text, "Only entities of this category (tools) or kind (skills, industries), e.g. language, ml-framework, soft-skill.")
    /// `skill`, `tool`, `industry` of `/roles`: an entity id, name or alias.
    static let skill = QueryParameter(
        "skill", .text, "Only roles whose sentences name this skill: an entity id, name or alias (see /skills). A value naming no entity is a 400 with suggestions.")
    static let tool = QueryParameter(
        "tool", .text, "Only roles listing this tool: an entity id, name or alias (see /tools). A value naming no entity is a 400 with suggestions.")
    static let industry = QueryParameter(
        "industry", .text, "Only roles working in this industry: an entity id, name or alias (see /industries). A value naming no entity is a 400 with suggestions.")
}

extension Catalog {
    func entities(_ type: EntityType, _ reader: inout QueryReader) -> Outcome {
        let knowledge = repository.knowledge
        var role: Role?
        if let roleText = reader.string(.role) {
            guard let resolved = repository.resolveRole(roleText) else {
                return .problem(Catalog.unknown(.role, "no role matches '\(roleText)'", suggestions: repository.suggestRoleIDs(for: roleText)))
            }
            role = resolved
        }
        let matches = knowledge.search(
            type, query: reader.string(.entitySearch), category: reader.string(.entityCategory), role: role)
        let page = Page(reader)
        let items = page.slice(matches).map { entity in
            Catalog.serialise(entity) { $0.entitySummary($1, as: type, knowledge: knowledge) }
        }
        return .ok(page.representation(path: EntityType.path(type), reader: reader, total: matches.count, items: items))
    }

    /// A 400 naming the parameter whose value names nothing, with the closest known values.
    static func unknown(_ parameter: QueryParameter, _ reason: String, suggestions: [String]) -> Problem {
        var problem = Problem.badRequest([InvalidParam(name: parameter.name, reason: reason)])
        problem.suggestions = suggestions
        if !suggestions.isEmpty { problem.detail += "; did you mean \(suggestions.joined(separator: ", "))?" }
        return problem
    }

    /// The entity filters of `/roles`: each value must name an entity of its type.
    func unknownEntityFilter(_ reader: QueryReader) -> Problem? {
        for (parameter, type) in [(QueryParameter.skill, EntityType.skill), (.tool, .tool), (.industry, .industry)] {
            guard let value = reader.string(parameter), repository.knowledge.resolve(type, value) == nil else { continue }
            return Catalog.unknown(
                parameter, "no \(type.rawValue) matches '\(value)'", suggestions: repository.knowledge.suggest(type, value))
        }
        return nil
    }
}
