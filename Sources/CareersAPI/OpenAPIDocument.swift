import CareersCore

/// The OpenAPI 3.1 document of the whole API, written in Swift so it is checked by the
/// compiler, built from the same enums the handlers validate against, and serialised once.
enum OpenAPIDocument {
    /// Ids of the data being served, given as parameter examples so clients (and schemathesis)
    /// can try requests that reach real resources.
    struct Examples {
        var role: String?
        var comparedRoles: [String]
        var comparison: String?
        var job: String?

        init(_ repository: Repository) {
            let roles = repository.roles.map(\.id)
            role = roles.first { $0 == "machine-learning-engineer" } ?? roles.first
            comparedRoles = Array(roles.prefix(2))
            comparison = repository.articles.first?.id
            job = repository.jobs.first?.id
        }
    }

    static func bytes(version: String, repository: Repository) -> [UInt8] {
        var w = JSONWriter(capacity: 32768)
        w.value(document(version: version, examples: Examples(repository)))
        return w.bytes
    }

    static func document(version: String, examples: Examples) -> JSONValue {
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
            "paths": paths(examples),
            "components": ["schemas": schemas, "parameters": parameters, "responses": responses, "headers": headers],
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
            "properties": .object(properties),
            "additionalProperties": false,
        ]
        if let description { schema = schema.merging(["description": .string(description)]) }
        return schema
    }

    static func envelope(_ item: String) -> JSONValue {
        object([
            ("items", array(ref(item))),
            ("total", ["type": "integer", "minimum": 0]),
            ("limit", ["type": "integer", "minimum": 1, "maximum": 100]),
            ("offset", ["type": "integer", "minimum": 0]),
            ("next", ["type": ["string", "null"], "description": "The next page with the same query, or null on the last page."]),
        ], description: "A page of a list. Order is stable.")
    }

    // MARK: schemas

    static var schemas: JSONValue {
        let employment = EmploymentType.allCases.map(\.rawValue)
        let levels = JobLevel.allCases.map(\.rawValue)
        let sections = ["definitions", "responsibilities", "skills", "education", "tools", "industries", "outlook", "tips"]
        return [
            "Problem": object([
                ("type", string), ("title", string), ("status", ["type": "integer", "minimum": 400, "maximum": 599]),
                ("detail", string), ("instance", nullableString),
                ("invalid_params", nullable(array(object([("name", string), ("reason", string)])))),
                ("suggestions", nullable(strings)),
            ], description: "RFC 9457 problem details; invalid_params names each rejected query parameter."),
            "Status": object([("status", string)]),
            "Index": object([
                ("name", string), ("version", string),
                ("links", ["type": "object", "additionalProperties": string]),
                ("counts", object([("roles", integer), ("comparisons", integer), ("jobs", integer)])),
            ]),
            "ListItem": object([("label", nullableString), ("text", string), ("sources", strings)],
                description: "One item with the ids of the articles it came from."),
            "ToolItem": object([("name", string), ("category", nullableString), ("sources", strings)]),
            "SourcedText": object([("text", string), ("source", string)]),
            "RoleSummary": object([
                ("id", string), ("title", string), ("aliases", strings), ("summary", nullableString),
                ("comparisons", strings), ("related", strings), ("href", string),
            ]),
            "Role": object([
                ("id", string), ("title", string), ("aliases", strings), ("summary", nullableString),
                ("definitions", array(ref("SourcedText"))), ("responsibilities", array(ref("ListItem"))),
                ("skills", array(ref("ListItem"))), ("education", array(ref("ListItem"))), ("tools", array(ref("ToolItem"))),
                ("industries", array(ref("ListItem"))), ("outlook", array(ref("SourcedText"))), ("tips", array(ref("ListItem"))),
                ("comparisons", ["type": "array", "items": string, "description": "Ids of the articles comparing this role."]),
                ("related", ["type": "array", "items": string, "description": "Ids of the roles it is compared with."]),
                ("href", string),
            ]),
            "RoleList": envelope("RoleSummary"),
            "RoleReference": object([("id", nullableString), ("title", string)]),
            "ComparisonSummary": object([
                ("id", string), ("title", string), ("roles", array(ref("RoleReference"))),
                ("published", ["type": ["string", "null"], "format": "date"]), ("reading_minutes", nullableInteger),
                ("href", string),
            ]),
            "ComparisonList": envelope("ComparisonSummary"),
            "Comparison": object([
                ("id", string), ("title", string), ("subtitle", nullableString), ("file_name", string),
                ("published", ["type": ["string", "null"], "format": "date"]), ("reading_minutes", nullableInteger),
                ("roles", array(ref("RoleReference"))), ("intro", nullableString),
                ("sections", array(object([
                    ("kind", enumeration(SectionKind.allCases.map(\.rawValue))), ("heading", string), ("text", nullableString),
                    ("shared", array(ref("ListItem"))),
                    ("roles", array(object([
                        ("role", string), ("role_id", nullableString), ("text", nullableString),
                        ("items", array(ref("ListItem"))), ("tools", array(ref("ToolItem"))),
                    ]))),
                ]))),
                ("outlook", nullableString), ("conclusion", nullableString), ("jobs", array(ref("Job"))),
            ], description: "One source article as structured data, sections in document order."),
            "Overlap": object([
                ("shared", ["type": "array", "items": string, "description": "What every compared role has (normalised names)."]),
                ("only", array(object([("id", string), ("items", strings)]))),
            ]),
            "Compare": object([
                ("roles", array(object([("id", string), ("title", string), ("summary", nullableString), ("href", string)]))),
                ("sections", array(object([
                    ("section", enumeration(sections)),
                    ("roles", array(object([
                        ("id", string),
                        ("items", array(["anyOf": [ref("ListItem"), ref("ToolItem"), ref("SourcedText")]])),
                    ]))),
                ]))),
                ("overlap", object([("skills", ref("Overlap")), ("tools", ref("Overlap")), ("industries", ref("Overlap"))])),
                ("pairs", array(object([
                    ("roles", ["type": "array", "items": string, "minItems": 2, "maxItems": 2]),
                    ("comparisons", ["type": "array", "items": string, "description": "Articles comparing this pair (may be empty)."]),
                ]))),
                ("sources", array(ref("ComparisonSummary"))),
            ], description: "The roles side by side, section by section, with what they share and what only each has."),
            "Salary": object([
                ("currency", string), ("min", number), ("max", nullableNumber),
                ("period", enumeration(["hour", "day", "week", "month", "year"])),
                ("annual_min", number), ("annual_max", nullableNumber),
                ("plausible", ["type": "boolean", "description": "False for figures no real posting has; kept, but left out of statistics and salary filters."]),
            ], description: "Amounts as posted plus annualised figures (2,080 hours, 260 days, 52 weeks, 12 months a year). An open-ended salary (\"USD 200K+\") has max and annual_max null."),
            "Job": object([
                ("id", string), ("title", string), ("company", nullableString), ("location", nullableString),
                ("remote", boolean), ("employment_types", array(enumeration(employment))),
                ("level", ["type": ["string", "null"], "enum": .array(levels.map { .string($0) } + [.null])]),
                ("level_label", nullableString), ("salary", nullable(ref("Salary"))), ("sources", strings),
            ]),
            "JobList": envelope("Job"),
            "JobPostingLD": [
                "type": "object",
                "description": "A schema.org JobPosting (JSON-LD), served for Accept: application/ld+json.",
                "required": ["@context", "@type", "title", "description", "hiringOrganization", "identifier"],
                "properties": [
                    "@context": ["const": "https://schema.org"], "@type": ["const": "JobPosting"],
                    "title": string, "description": string,
                    "hiringOrganization": ["type": "object", "required": ["@type", "name"]],
                    "jobLocationType": ["const": "TELECOMMUTE"],
                    "employmentType": strings,
                    "baseSalary": ["type": "object", "required": ["@type", "currency", "value"]],
                ],
            ],
            "Salaries": object([
                ("groups", array(object([
                    ("level", ["type": ["string", "null"], "enum": .array(levels.map { .string($0) } + [.null])]),
                    ("role", nullableString), ("currency", nullableString), ("count", integer),
                    ("min", nullableNumber), ("median", nullableNumber), ("max", nullableNumber),
                    ("excluded_implausible", integer),
                ]))),
                ("count", integer), ("excluded_implausible", integer),
                ("basis", object([
                    ("figures", string), ("hours_per_year", number), ("days_per_year", number),
                    ("weeks_per_year", number), ("months_per_year", number),
                ])),
            ]),
        ]
    }

    // MARK: parameters

    static func query(_ name: String, _ schema: JSONValue, _ description: String) -> JSONValue {
        ["name": .string(name), "in": "query", "required": false, "schema": schema, "description": .string(description)]
    }

    static func parameterRef(_ name: String) -> JSONValue { ["$ref": .string("#/components/parameters/" + name)] }

    static var parameters: JSONValue {
        [
            "limit": query("limit", ["type": "integer", "minimum": 1, "maximum": 100, "default": 20], "Page size, 1 to 100."),
            "offset": query("offset", ["type": "integer", "minimum": 0, "maximum": .number(Double(Page.maxOffset)), "default": 0], "Items to skip."),
            "role": query("role", string, "A role id, title or alias (typo-tolerant)."),
            "level": query("level", enumeration(JobLevel.allCases.map(\.rawValue)), "Seniority."),
            "currency": query("currency", ["type": "string", "pattern": "^[A-Za-z]{3}$", "minLength": 3, "maxLength": 3], "ISO 4217 code, any case."),
        ]
    }

    static func id(_ what: String, example: String?) -> JSONValue {
        let parameter: JSONValue = [
            "name": "id", "in": "path", "required": true, "description": .string("The \(what)'s id."),
            "schema": ["type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*$"],
        ]
        return example.map { parameter.merging(["example": .string($0)]) } ?? parameter
    }

    // MARK: responses

    static let headers: JSONValue = [
        "ETag": ["description": "Strong tag of the bytes sent (differs between identity and gzip).", "schema": string, "required": true],
        "Cache-Control": ["description": "public, max-age=…", "schema": string, "required": true],
    ]

    static let responses: JSONValue = [
        "NotModified": [
            "description": "The representation the client holds (If-None-Match) is current.",
            "headers": ["ETag": ["$ref": "#/components/headers/ETag"]],
        ],
        "BadRequest": [
            "description": "A query parameter is unknown, repeated, malformed or out of range.",
            "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]],
        ],
        "NotFound": [
            "description": "No such resource; for roles, the closest ids are suggested.",
            "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]],
        ],
    ]

    static func ok(_ schema: String, _ description: String, mediaType: String = "application/json") -> JSONValue {
        [
            "description": .string(description),
            "headers": ["ETag": ["$ref": "#/components/headers/ETag"], "Cache-Control": ["$ref": "#/components/headers/Cache-Control"]],
            "content": [.init(stringLiteral: mediaType): ["schema": ref(schema)]] as JSONValue,
        ]
    }

    static func operation(
        _ id: String, _ summary: String, parameters: [JSONValue] = [], responses: [(String, JSONValue)], tags: [String]
    ) -> JSONValue {
        [
            "get": [
                "operationId": .string(id), "summary": .string(summary), "tags": .array(tags.map { .string($0) }),
                "parameters": .array(parameters), "responses": .object(responses),
            ]
        ]
    }

    static let badRequest: (String, JSONValue) = ("400", ["$ref": "#/components/responses/BadRequest"])
    static let notFound: (String, JSONValue) = ("404", ["$ref": "#/components/responses/NotFound"])
    static let notModified: (String, JSONValue) = ("304", ["$ref": "#/components/responses/NotModified"])

    static func paths(_ examples: Examples) -> JSONValue {
        var compared: JSONValue = [
            "name": "roles", "in": "query", "required": true, "style": "form", "explode": false,
            "description": """
                2 to 5 distinct roles, comma-separated: ids, titles or aliases, typo-tolerant. \
                The roles may instead be given one per parameter as a=…&b=…[&c=…&d=…&e=…] (not together with roles).
                """,
            "schema": [
                "type": "array", "minItems": 2, "maxItems": 5, "uniqueItems": true,
                "items": ["type": "string", "pattern": "^[^,]*[^,\\s][^,]*$"],
            ],
        ]
        if examples.comparedRoles.count == 2 {
            compared = compared.merging(["example": .array(examples.comparedRoles.map { .string($0) })])
        }
        let text: (String, String) -> JSONValue = { type, description in
            ["description": .string(description), "content": [.init(stringLiteral: type): ["schema": string]] as JSONValue]
        }
        let problem: (String) -> JSONValue = { description in
            ["description": .string(description), "content": ["application/problem+json": ["schema": ref("Problem")]]]
        }
        let status: (String) -> JSONValue = { description in
            ["description": .string(description), "content": ["application/json": ["schema": ref("Status")]]]
        }
        return [
            "/": operation("getIndex", "Name, version, links to every endpoint and counts", responses: [
                ("200", ok("Index", "The API index.")), notModified, badRequest,
            ], tags: ["meta"]),
            "/healthz": operation("getHealth", "Liveness", responses: [("200", status("Alive: {\"status\":\"ok\"}")), badRequest], tags: ["meta"]),
            "/readyz": operation("getReadiness", "Readiness: 200 once data is loaded, 503 while draining", responses: [
                ("200", status("Ready.")), ("503", problem("Draining on shutdown.")), badRequest,
            ], tags: ["meta"]),
            "/metrics": operation("getMetrics", "Prometheus text exposition", responses: [
                ("200", text("text/plain", "Metrics (text format 0.0.4).")), badRequest,
            ], tags: ["meta"]),
            "/openapi.json": operation("getOpenAPI", "This document", responses: [
                ("200", ["description": "OpenAPI 3.1", "content": ["application/json": ["schema": ["type": "object"]]]]),
                notModified, badRequest,
            ], tags: ["meta"]),
            "/roles": operation("listRoles", "Roles, optionally searched and filtered", parameters: [
                query("q", string, "Search titles and aliases; case-, accent- and typo-tolerant (\"ml engneer\")."),
                query("skill", string, "Only roles with a skill containing this text."),
                query("tool", string, "Only roles using this tool (normalised name)."),
                query("industry", string, "Only roles working in this industry."),
                parameterRef("limit"), parameterRef("offset"),
            ], responses: [("200", ok("RoleList", "A page of roles.")), notModified, badRequest], tags: ["roles"]),
            "/roles/{id}": operation("getRole", "One role with every section and provenance per item", parameters: [id("role", example: examples.role)], responses: [
                ("200", ok("Role", "The role.")), notModified, badRequest, notFound,
            ], tags: ["roles"]),
            "/compare": operation("compareRoles", "2 to 5 roles side by side", parameters: [compared], responses: [
                ("200", ok("Compare", "The comparison.")), notModified, badRequest,
                ("404", ["$ref": "#/components/responses/NotFound"]),
            ], tags: ["roles"]),
            "/comparisons": operation("listComparisons", "The source articles", parameters: [parameterRef("limit"), parameterRef("offset")], responses: [
                ("200", ok("ComparisonList", "A page of articles.")), notModified, badRequest,
            ], tags: ["comparisons"]),
            "/comparisons/{id}": operation("getComparison", "One article as structured data", parameters: [id("comparison", example: examples.comparison)], responses: [
                ("200", ok("Comparison", "The article.")), notModified, badRequest, notFound,
            ], tags: ["comparisons"]),
            "/jobs": operation("listJobs", "Job postings; every filter and sort combines", parameters: [
                query("q", string, "Search title, company and location."),
                parameterRef("role"),
                query("company", string, "Company name contains this text."),
                query("location", string, "Location contains this text."),
                query("remote", boolean, "Remote postings only (true) or on-site only (false)."),
                query("employment_type", enumeration(EmploymentType.allCases.map(\.rawValue)), "Matches any of a posting's types."),
                parameterRef("level"),
                query("salary_min", ["type": "number", "minimum": 0], "Annualised maximum at least this; implausible salaries never match."),
                query("salary_max", ["type": "number", "minimum": 0], "Annualised minimum at most this; implausible salaries never match."),
                parameterRef("currency"),
                query("sort", enumeration(JobSort.allCases.map(\.rawValue)), "Order; ties by id. Default: by id. Salary orders compare amounts within one currency: USD first, then the other currencies alphabetically, each by annual amount; postings without a plausible salary last."),
                parameterRef("limit"), parameterRef("offset"),
            ], responses: [("200", ok("JobList", "A page of jobs.")), notModified, badRequest], tags: ["jobs"]),
            "/jobs/{id}": operation("getJob", "One posting; a schema.org JobPosting with Accept: application/ld+json", parameters: [id("job", example: examples.job)], responses: [
                ("200", [
                    "description": "The job.",
                    "headers": ["ETag": ["$ref": "#/components/headers/ETag"], "Cache-Control": ["$ref": "#/components/headers/Cache-Control"]],
                    "content": [
                        "application/json": ["schema": ref("Job")],
                        "application/ld+json": ["schema": ref("JobPostingLD")],
                    ],
                ]),
                notModified, badRequest, notFound,
            ], tags: ["jobs"]),
            "/salaries": operation("getSalaries", "Salary statistics by level (and role/currency on request)", parameters: [
                parameterRef("level"), parameterRef("role"), parameterRef("currency"),
                query("group_by", enumeration(Catalog.salaryGroupings.keys.sorted()), "Also group by role and/or currency: role, currency or role,currency."),
            ], responses: [("200", ok("Salaries", "Statistics of annualised figures; implausible ones excluded and counted.")), notModified, badRequest], tags: ["jobs"]),
        ]
    }
}
