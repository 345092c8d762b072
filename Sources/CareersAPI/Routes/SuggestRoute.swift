import CareersCore

/// `GET /suggest`: type-ahead for a search box over roles, skills, tools and companies.
extension Route {
    static let suggest: Route = Route(
        "/suggest", parameters: [.suggestQuery, .suggestTypes, .suggestLimit], link: "suggest", linkHref: "/suggest?q={text}",
        operation: Operation(
            id: "suggest", summary: "Names for a search box: prefix- and typo-tolerant, ranked", tags: ["search"],
            responses: [
                ("200", OpenAPIDocument.ok("SuggestionList", "Best first.")), OpenAPIDocument.notModified, OpenAPIDocument.badRequest,
            ]),
        schemas: [
            ("SuggestionType", OpenAPIDocument.enumeration(SuggestionType.allCases.map(\.rawValue))), ("Suggestion", suggestionSchema),
            ("SuggestionList", OpenAPIDocument.object([("items", OpenAPIDocument.array(OpenAPIDocument.ref("Suggestion")))]))],
        serving: .query { catalog, reader in catalog.suggest(&reader) })

    private static var suggestionSchema: JSONValue {
        typealias D = OpenAPIDocument
        return D.object([
            ("type", D.ref("SuggestionType")),
            ("id", D.string),
            ("text", ["type": "string", "description": "The display name (a role's title even when an alias matched)."]),
            ("href", ["type": "string", "description": "The resource: /roles/{id}, /skills/{id}, /tools/{id}, or for a company its jobs."]),
        ], description: """
            Ranked: names starting with the query, then names with every query word starting one of their words, then \\
            names within a few typos (one per word of 3-5 letters, two from 6); popularity (jobs, and comparing articles \\
            for roles; naming roles and jobs for skills and tools) breaks ties.
            """)
    }
}

extension QueryParameter {
    static let suggestQuery = QueryParameter(
        "q",
        .custom(
            schema: ["type": "string", "pattern": "\\S", "maxLength": 200],
            reason: "must hold some text (at most 200 characters)",
            accepts: { !$0.trimmingWhitespace.isEmpty && $0.count <= 200 }),
        "The text typed so far; case-, accent- and typo-tolerant.", required: true,
        example: { _ in "data" })
    static let suggestTypes = QueryParameter(
        "types",
        .list(schema: [
            "type": "array", "uniqueItems": true, "minItems": 1,
            "items": OpenAPIDocument.ref("SuggestionType"),
        ]),
        "What to suggest, comma-separated (or the parameter repeated). Default: all.", repeatable: true)
    static let suggestLimit = QueryParameter("limit", .integer(1...50, default: 10), "Suggestions, 1 to 50.")
}

extension Catalog {
    func suggest(_ reader: inout QueryReader) -> Outcome {
        let types = reader.choices(.suggestTypes, SuggestionType.self)
        guard let query = reader.string(.suggestQuery) else {
            reader.fail(QueryParameter.suggestQuery.name, "required: the text typed so far")
            return .problem(.badRequest(reader.errors))
        }
        guard reader.errors.isEmpty else { return .problem(.badRequest(reader.errors)) }
        let index = suggestions.value { repository.makeSuggestIndex() }
        let found = index.suggest(query, types: Set(types ?? SuggestionType.allCases), limit: reader.int(.suggestLimit))
        var w = JSONWriter(capacity: 128 + found.count * 128)
        w.object { o in
            o.field("items", array: { a in
                for item in found {
                    a.object { o in
                        o.field("type", item.type.rawValue)
                        o.field("id", item.id)
                        o.field("text", item.text)
                        o.field("href", Catalog.href(item))
                    }
                }
            })
        }
        return .ok(Representation(body: w.bytes))
    }

    static func href(_ suggestion: Suggestion) -> String {
        switch suggestion.type {
        case .role: "/roles/" + suggestion.id
        case .skill: "/skills/" + suggestion.id
        case .tool: "/tools/" + suggestion.id
        case .company: "/jobs?company=" + PercentDecoding.encodeQueryComponent(suggestion.text)
        }
    }
}
