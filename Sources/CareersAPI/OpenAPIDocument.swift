import CareersCore
import OrderedCollections

/// The OpenAPI 3.1 document of the whole API, written in Swift so it is checked by the
/// compiler, built from the route declarations (`Routes.all`) the server routes and validates
/// with, and serialised once. Only what several routes share is written here.
enum OpenAPIDocument {
    static func bytes(version: String, repository: Repository) -> [UInt8] {
        var w = JSONWriter(capacity: 32768)
        w.value(document(version: version, repository: repository))
        return w.bytes
    }

    static func document(version: String, repository: Repository) -> JSONValue {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "Careers API",
                "version": .string(version),
                "summary": "AI/ML career roles, their side-by-side comparisons, featured jobs and salary statistics.",
                "description": """
                    Read-only JSON over HTTP/1.1. Field names are snake_case and absent optional values are null, \
                    never omitted. Every 4xx/5xx body is application/problem+json (RFC 9457). Successful data \
                    responses carry a strong ETag computed from the bytes (If-None-Match gives 304), \
                    Cache-Control: public, max-age, and are gzip-compressed when Accept-Encoding allows it. \
                    HEAD works wherever GET does; OPTIONS answers CORS preflights for configured origins; other \
                    methods get 405 with Allow. Unknown query parameters, bad values and repeated single-valued \
                    parameters are rejected with 400 naming them in invalid_params.
                    """,
            ],
            "servers": [["url": "/"]],
            "paths": paths(repository),
            "components": [
                "schemas": schemas, "parameters": parameters(repository), "responses": responses, "headers": headers,
            ],
        ]
    }

    // MARK: building blocks

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/" + name)] }
    static let string: JSONValue = ["type": "string"]
    static let nullableString: JSONValue = ["type": ["string", "null"]]
    static let integer: JSONValue = ["type": "integer"]
    static let nullableInteger: JSONValue = ["type": ["integer", "null"]]
    static let number: JSONValue = ["type": "number"]
    static let nullableNumber: JSONValue = ["type": ["number", "null"]]
    static let boolean: JSONValue = ["type": "boolean"]
    static let strings: JSONValue = array(string)
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func nullable(_ schema: JSONValue) -> JSONValue { ["anyOf": [schema, ["type": "null"]]] }
    static func enumeration(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map { .string($0) })] }

    /// A closed object whose members are all required: the API never omits a field.
    static func object(_ properties: [(String, JSONValue)], description: String? = nil) -> JSONValue {
        var schema: JSONValue = [
            "type": "object",
            "required": .array(properties.map { .string($0.0) }),
            "properties": .object(pairs: properties),
            "additionalProperties": false,
        ]
        if let description { schema = schema.merging(["description": .string(description)]) }
        return schema
    }

    static let inheritedFrom: JSONValue = [
        "type": ["string", "null"],
        "description": "The id of the role the item is inherited from where an article gives it by reference (\"All tools used by Machine Learning Engineers.\").",
    ]
    static let inheritedIn: JSONValue = [
        "type": "array", "items": ["type": "string"],
        "description": "The articles (among sources) that give the item by reference; the others list it directly.",
    ]

    /// `extra`: a route's own members after `next`, always present (see `Page.representation`);
    /// `optional` members are described but not required (present only when asked for).
    static func envelope(_ item: String, extra: [(String, JSONValue)] = [], optional: [(String, JSONValue)] = []) -> JSONValue {
        let page = object([
            ("items", array(ref(item))),
            ("total", ["type": "integer", "minimum": 0]),
            ("limit", ["type": "integer", "minimum": 1, "maximum": 100]),
            ("offset", ["type": "integer", "minimum": 0]),
            ("next", ["type": ["string", "null"], "description": "The next page with the same query, or null on the last page."]),
        ] + extra, description: "A page of a list. Order is stable.")
        guard !optional.isEmpty, case .object(var members) = page else { return page }
        if case .object(var properties) = members["properties"] {
            for (name, schema) in optional { properties[name] = schema }
            members["properties"] = .object(properties)
        }
        return .object(members)
    }

    // MARK: schemas

    /// The schemas several routes share, then each route's own.
    static var schemas: JSONValue {
        var all: [(String, JSONValue)] = [
            ("Problem", object([
                ("type", string), ("title", string), ("status", ["type": "integer", "minimum": 400, "maximum": 599]),
                ("detail", string), ("instance", nullableString),
                ("invalid_params", nullable(array(object([("name", string), ("reason", string)])))),
                ("suggestions", nullable(strings)),
            ], description: "RFC 9457 problem details; invalid_params names each rejected query parameter.")),
            ("Status", object([("status", string)])),
            ("ListItem", object([
                ("label", nullableString), ("text", string), ("sources", strings), ("inherited_from", inheritedFrom),
                ("inherited_in", inheritedIn),
                ("variants", ["type": "array", "items": object([("label", nullableString), ("text", string), ("source", string)]),
                    "description": "Other articles' wordings of the same advice (same label, or content words overlapping by Jaccard ≥ 0.75)."]),
                ("entities", ["type": "array", "items": string, "description": "Ids of the entities the text names (skills and tools; industries in industry lists)."]),
            ], description: "One item (one piece of advice across articles) with the ids of the articles it came from.")),
            ("ToolItem", object([
                ("id", ["type": ["string", "null"], "description": "The tool entity's id (see /tools)."]), ("name", string),
                ("category", nullableString), ("sources", strings), ("inherited_from", inheritedFrom),
                ("inherited_in", inheritedIn),
            ], description: "A tool of a role, named by its entity.")),
            ("WrittenTool", object([
                ("id", nullableString), ("name", ["type": "string", "description": "The entity's name."]),
                ("text", ["type": "string", "description": "The name as the article writes it."]),
                ("category", nullableString), ("sources", strings),
            ], description: "A tool as an article lists it, beside the entity it names.")),
            ("EntityRef", object([("id", string), ("name", string), ("sources", strings), ("href", string)])),
            ("EntityLink", object([("id", string), ("name", string), ("href", string)])),
            ("SourcedText", object([("text", string), ("source", string)])),
            ("RoleReference", object([("id", nullableString), ("title", string)])),
            // Enums used in several places are one named schema each, so that generated clients
            // make one type of each (a nullable one is `anyOf` of the reference and null).
            ("JobLevel", enumeration(JobLevel.allCases.map(\.rawValue))),
            ("EmploymentType", enumeration(EmploymentType.allCases.map(\.rawValue))),
            ("Workplace", enumeration(Workplace.allCases.map(\.rawValue)).merging([
                "description": "Read from the location: remote, hybrid (\"Hybrid - Berlin\") or onsite.",
            ])),
        ]
        for route in Routes.all { all += route.schemas }
        return .object(pairs: all)
    }

    // MARK: parameters

    static func parameterRef(_ name: String) -> JSONValue { ["$ref": .string("#/components/parameters/" + name)] }

    /// Parameters declared `shared`, described once here and referenced by each route.
    static func parameters(_ repository: Repository) -> JSONValue {
        var shared: OrderedDictionary<String, JSONValue> = [:]
        for route in Routes.all {
            for parameter in route.parameters where parameter.shared && shared[parameter.name] == nil {
                shared[parameter.name] = parameter.openAPI(repository)
            }
        }
        return .object(shared)
    }

    static func pathParameter(_ id: Route.PathID, repository: Repository) -> JSONValue {
        let parameter: JSONValue = [
            "name": "id", "in": "path", "required": true, "description": .string("The \(id.what)'s id."),
            "schema": ["type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*$"],
        ]
        return id.example(repository).map { parameter.merging(["example": .string($0)]) } ?? parameter
    }

    // MARK: responses

    static let headers: JSONValue = [
        "ETag": ["description": "Strong tag of the bytes sent (differs between identity and gzip).", "schema": string, "required": true],
        "Cache-Control": ["description": "public, max-age=…", "schema": string, "required": true],
        "Last-Modified": [
            "description": """
                The newest published date among the articles served (midnight GMT): the same on every replica loading the \
                same files. Absent when no article is dated.
                """,
            "schema": string,
        ],
        "Link": ["description": "<next page>; rel=\"next\" (RFC 8288), the body's next; absent on the last page.", "schema": string],
        "Retry-After": ["description": "Seconds to wait before retrying.", "schema": integer],
    ]

    static func headerRef(_ name: String) -> JSONValue { ["$ref": .string("#/components/headers/" + name)] }

    /// The headers of a data `200`; a page of a list also has `Link`.
    static func okHeaders(paged: Bool) -> JSONValue {
        .object(pairs: 
            [("ETag", headerRef("ETag")), ("Cache-Control", headerRef("Cache-Control")), ("Last-Modified", headerRef("Last-Modified"))]
                + (paged ? [("Link", headerRef("Link"))] : []))
    }

    static func problemResponse(_ description: String, headers: [(String, JSONValue)] = []) -> JSONValue {
        var response: JSONValue = [
            "description": .string(description), "content": ["application/problem+json": ["schema": ref("Problem")]],
        ]
        if !headers.isEmpty { response = response.merging(["headers": .object(pairs: headers)]) }
        return response
    }

    /// Statuses any request can get from the HTTP core before or instead of its route, with the
    /// component that describes each.
    static let transportStatuses: [(status: String, name: String)] = [
        ("408", "RequestTimeout"), ("413", "ContentTooLarge"), ("414", "URITooLong"), ("431", "HeadersTooLarge"),
        ("503", "Unavailable"),
    ]

    static let responses: JSONValue = [
        "NotModified": [
            "description": "The representation the client holds is current: If-None-Match lists its tag, or (without If-None-Match) If-Modified-Since is not older than Last-Modified.",
            "headers": ["ETag": headerRef("ETag"), "Cache-Control": headerRef("Cache-Control")],
        ],
        "PreconditionFailed": problemResponse(
            "If-Match lists no current tag, or (without If-Match) the data changed after If-Unmodified-Since."),
        "RequestTimeout": problemResponse("The request was not received in time."),
        "ContentTooLarge": problemResponse("The request carried a body larger than the server reads."),
        "URITooLong": problemResponse("The request-target is longer than the server reads."),
        "HeadersTooLarge": problemResponse("The header section is too large or has too many fields."),
        "Unavailable": problemResponse(
            "The server is at its connection limit or draining; retry.", headers: [("Retry-After", headerRef("Retry-After"))]),
        "BadRequest": [
            "description": "A query parameter is unknown, repeated, malformed or out of range.",
            "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]],
        ],
        "NotFound": [
            "description": "No such resource; for roles, the closest ids are suggested.",
            "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]],
        ],
    ]

    static func ok(_ schema: String, _ description: String, mediaType: String = "application/json", paged: Bool = false) -> JSONValue {
        [
            "description": .string(description),
            "headers": okHeaders(paged: paged),
            "content": [.init(stringLiteral: mediaType): ["schema": ref(schema)]] as JSONValue,
        ]
    }

    static let badRequest: (String, JSONValue) = ("400", ["$ref": "#/components/responses/BadRequest"])
    static let notFound: (String, JSONValue) = ("404", ["$ref": "#/components/responses/NotFound"])
    static let notModified: (String, JSONValue) = ("304", ["$ref": "#/components/responses/NotModified"])

    static func text(_ type: String, _ description: String) -> JSONValue {
        ["description": .string(description), "content": [.init(stringLiteral: type): ["schema": string]] as JSONValue]
    }

    static func problem(_ description: String) -> JSONValue {
        ["description": .string(description), "content": ["application/problem+json": ["schema": ref("Problem")]]]
    }

    static func status(_ description: String) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": ref("Status")]]]
    }

    // MARK: paths

    /// A route's declared responses plus those every route of its kind can send: conditional
    /// ones (304, 412) for data answers, 400 where a query is read, and the HTTP core's.
    static func responses(of route: Route) -> [(String, JSONValue)] {
        var all = route.operation.responses
        func add(_ status: String, _ component: String) {
            if !all.contains(where: { $0.0 == status }) { all.append((status, ["$ref": .string("#/components/responses/" + component)])) }
        }
        if case .live = route.serving {} else {
            add("304", "NotModified")
            add("412", "PreconditionFailed")
        }
        if !route.ignoresQuery { add("400", "BadRequest") }
        for (status, component) in transportStatuses { add(status, component) }
        return all.sorted { $0.0 < $1.0 }
    }

    /// One path per route, its operation under each method it declares.
    static func paths(_ repository: Repository) -> JSONValue {
        .object(pairs: Routes.all.map { route in
            var parameters: [JSONValue] = []
            if let id = route.id { parameters.append(pathParameter(id, repository: repository)) }
            for parameter in route.parameters where parameter.documented {
                parameters.append(parameter.shared ? parameterRef(parameter.name) : parameter.openAPI(repository))
            }
            let operation: JSONValue = [
                "operationId": .string(route.operation.id), "summary": .string(route.operation.summary),
                "tags": .array(route.operation.tags.map { .string($0) }),
                "parameters": .array(parameters), "responses": .object(pairs: responses(of: route)),
            ]
            return (route.path, .object(pairs: route.methods.map { ($0.rawValue.lowercased(), operation) }))
        })
    }
}
