import CareersCore

/// `GET /jobs` (postings, filtered, sorted and paged) and `GET /jobs/{id}` (one posting, as JSON
/// or as a schema.org JobPosting).
extension Route {
    static let jobs: Route = Route(
        "/jobs",
        parameters: [
            .jobSearch, .role, .company, .location, .remote, .workplace, .employmentType, .level, .salaryMin, .salaryMax,
            .currency, .jobSkill, .jobTool, .jobSort, .limit, .offset, .facets, .facetLimit,
        ],
        link: "jobs",
        operation: Operation(id: "listJobs", summary: "Job postings; every filter and sort combines", tags: ["jobs"], responses: [
            ("200", OpenAPIDocument.ok("JobList", "A page of jobs.", paged: true)), OpenAPIDocument.notModified, OpenAPIDocument.badRequest,
        ]),
        schemas: [
            ("Salary", salarySchema), ("JobRoleReason", reason), ("Job", jobSchema), ("FacetValue", facetValueSchema),
            ("JobList", OpenAPIDocument.envelope("Job", extra: [("facets", facetsSchema)])),
        ],
        serving: .query { catalog, reader in catalog.jobs(&reader) })

    static let job: Route = Route(
        "/jobs/{id}", id: PathID(what: "job") { $0.jobs.first?.id }, link: "job",
        operation: Operation(
            id: "getJob", summary: "One posting; a schema.org JobPosting with Accept: application/ld+json", tags: ["jobs"],
            responses: [
                ("200", [
                    "description": "The job.",
                    "headers": OpenAPIDocument.okHeaders(paged: false),
                    "content": [
                        "application/json": ["schema": OpenAPIDocument.ref("Job")],
                        "application/ld+json": ["schema": OpenAPIDocument.ref("JobPostingLD")],
                    ],
                ]),
                OpenAPIDocument.notModified, OpenAPIDocument.badRequest, OpenAPIDocument.notFound,
            ]),
        schemas: [("JobPostingLD", jobPostingSchema)],
        serving: .resource { catalog, caching in
            let jobs = catalog.repository.jobs
            let docs = DocumentTable(ids: jobs.map(\.id)) { i in
                Representation(body: catalog.jobItems[jobs[i].id] ?? [], precompress: true, caching: caching)
            }
            let linked = docs.sibling { i in
                Representation(
                    body: JobPostingLD.encode(jobs[i]), contentType: JobPostingLD.contentType, precompress: true, caching: caching)
            }
            return { id, request, _ in
                if Negotiation.prefersLinkedData(accept: request.headers.list("Accept")), let ld = linked[id] {
                    return .ok(ld, vary: "Accept")
                }
                guard let doc = docs[id] else { return .problem(.notFound("no job with id '\(id)'")) }
                return .ok(doc, vary: "Accept")
            }
        })

    private static var salarySchema: JSONValue {
        typealias D = OpenAPIDocument
        return D.object([
            ("currency", D.string), ("min", D.number), ("max", D.nullableNumber),
            ("period", D.enumeration(["hour", "day", "week", "month", "year"])),
            ("annual_min", D.number), ("annual_max", D.nullableNumber),
            ("plausible", ["type": "boolean", "description": "False for figures no real posting has; kept, but left out of statistics and salary filters."]),
        ], description: "Amounts as posted plus annualised figures (2,080 hours, 260 days, 52 weeks, 12 months a year). An open-ended salary (\"USD 200K+\") has max and annual_max null.")
    }

    private static var jobSchema: JSONValue {
        typealias D = OpenAPIDocument
        return D.object([
            ("id", D.string), ("title", D.string), ("company", D.nullableString), ("location", D.nullableString),
            ("remote", D.boolean),
            ("workplace", D.ref("Workplace")),
            ("employment_types", D.array(D.ref("EmploymentType"))),
            ("level", D.nullable(D.ref("JobLevel"))),
            ("level_label", D.nullableString), ("salary", D.nullable(D.ref("Salary"))), ("sources", D.strings),
            ("first_seen", ["type": ["string", "null"], "format": "date", "description": "Published date of the earliest article featuring the job; null when none is dated."]),
            ("last_seen", ["type": ["string", "null"], "format": "date", "description": "Published date of the newest article featuring the job; null when none is dated."]),
            ("roles", D.array(D.object([
                ("id", D.string), ("title", D.string), ("reason", D.ref("JobRoleReason")),
                ("score", ["type": "number", "minimum": 0, "maximum": 1, "description": "How closely the title matches the role's name (1 for a title match)."]),
            ], description: "A role the job relates to, and why."))),
            // One named enum for both reasons: one type in generated clients.
            ("reason", D.ref("JobRoleReason").merging(["description": "Only when the list is filtered by a known role: why the job is listed for it."])),
            ("score", ["type": "number", "minimum": 0, "maximum": 1, "description": "Only with reason: the score of that link."]),
        ]).merging(["required": .array(jobFields.map { .string($0) })])
    }

    /// The members every job has (`reason` and `score` only come with `?role=`).
    private static let jobFields = [
        "id", "title", "company", "location", "remote", "workplace", "employment_types", "level", "level_label", "salary", "sources",
        "roles", "first_seen", "last_seen",
    ]

    private static var reason: JSONValue {
        [
            "type": "string", "enum": .array(JobRoleReason.allCases.map { .string($0.rawValue) }),
            "description": "title: the title names the role or an alias (seniority and qualifiers aside); similar: title words match the role's name (Dice ≥ 0.7, AI~ML and Engineer~Developer count 0.8); featured: an article about the role lists the job.",
        ]
    }

    private static var facetValueSchema: JSONValue {
        typealias D = OpenAPIDocument
        return D.object([
            ("value", ["type": "string", "description": "What the filter of the same name takes (a role's id for role, an entity's id for skill and tool)."]),
            ("label", ["type": ["string", "null"], "description": "A display name where the value is an id (a role's title, an entity's name); else null."]),
            ("count", ["type": "integer", "minimum": 1, "description": "Jobs the filter by this value returns under the request's other filters."]),
        ])
    }

    private static var facetsSchema: JSONValue {
        typealias D = OpenAPIDocument
        return [
            "type": ["object", "null"],
            "description": """
                Null unless `facets` is given; then one member per asked dimension: its values by count (descending) then \
                value, at most facet_limit. Each dimension is counted with its own filter lifted and the others applied.
                """,
            "properties": .object(pairs: JobFacet.allCases.map { ($0.rawValue, D.array(D.ref("FacetValue"))) }),
            "additionalProperties": false,
        ]
    }

    /// What `JobPostingLD.encode` writes (schema.org's names; absent properties are omitted there,
    /// as schema.org consumers expect).
    private static var jobPostingSchema: JSONValue {
        typealias D = OpenAPIDocument
        let typed: (String, [(String, JSONValue)]) -> JSONValue = { type, members in
            [
                "type": "object", "required": .array((["@type"] + members.map(\.0)).map { .string($0) }),
                "properties": .object(pairs: [("@type", ["const": .string(type)])] + members),
            ]
        }
        return [
            "type": "object",
            "description": "A schema.org JobPosting (JSON-LD), served for Accept: application/ld+json.",
            "required": ["@context", "@type", "identifier", "title", "description", "hiringOrganization"],
            "properties": [
                "@context": ["const": "https://schema.org"], "@type": ["const": "JobPosting"],
                "identifier": typed("PropertyValue", [("name", D.string), ("value", D.string)]),
                "title": D.string, "description": D.string,
                "datePosted": ["type": "string", "format": "date", "description": "The job's first_seen date; absent when undated."],
                "hiringOrganization": typed("Organization", [("name", D.string)]),
                "jobLocationType": ["const": "TELECOMMUTE"],
                "applicantLocationRequirements": typed("Country", [("name", D.string)]),
                "jobLocation": typed("Place", [
                    ("address", [
                        "type": "object", "required": ["@type", "addressLocality"],
                        "properties": [
                            "@type": ["const": "PostalAddress"], "addressLocality": D.string, "addressCountry": D.string,
                        ],
                    ]),
                ]),
                "employmentType": D.array(D.enumeration(["FULL_TIME", "PART_TIME", "CONTRACTOR", "INTERN", "TEMPORARY"])),
                "baseSalary": typed("MonetaryAmount", [
                    ("currency", D.string),
                    // maxValue is left out for an open-ended salary ("USD 200K+").
                    ("value", typed("QuantitativeValue", [
                        ("minValue", D.number),
                        ("unitText", D.enumeration(["HOUR", "DAY", "WEEK", "MONTH", "YEAR"])),
                    ]).merging(["properties": .object(pairs: [
                        ("@type", ["const": "QuantitativeValue"]), ("minValue", D.number), ("maxValue", D.number),
                        ("unitText", D.enumeration(["HOUR", "DAY", "WEEK", "MONTH", "YEAR"])),
                    ])])),
                ]),
                "experienceRequirements": D.string,
            ],
            "additionalProperties": false,
        ]
    }
}

extension QueryParameter {
    static let jobSearch = QueryParameter("q", .text, "Search title, company and location.")
    static let role = QueryParameter(
        "role", .text,
        "A role id, title or alias (typo-tolerant): the jobs related to it (see Job.roles), listed title matches first, then similar titles (best first), then jobs featured in its articles. Other text matches job titles as a phrase.",
        shared: true)
    static let company = QueryParameter("company", .text, "Company name contains this text.")
    static let location = QueryParameter("location", .text, "Location contains this text.")
    static let remote = QueryParameter("remote", .boolean, "Remote postings only (true) or on-site only (false).")
    static let workplace = QueryParameter(
        "workplace", .named(Workplace.self, schema: "Workplace"), "Remote, hybrid or onsite (as read from the location); remote=false is hybrid or onsite.")
    /// Named like `/roles`' entity filters, described for jobs (what a job's title names).
    static let jobSkill = QueryParameter(
        "skill", .text, "Only jobs whose titles name this skill: an entity id, name or alias (see /skills). A value naming no entity is a 400 with suggestions.")
    static let jobTool = QueryParameter(
        "tool", .text, "Only jobs whose titles name this tool: an entity id, name or alias (see /tools). A value naming no entity is a 400 with suggestions.")
    /// Which dimensions to count: one `JobFacet` case each.
    static let facets = QueryParameter(
        "facets",
        .list(schema: [
            "type": "array", "uniqueItems": true, "minItems": 1,
            "items": OpenAPIDocument.enumeration(JobFacet.allCases.map(\.rawValue)),
        ]),
        "Dimensions to count, comma-separated (or the parameter repeated); adds `facets` to the answer.", repeatable: true)
    static let facetLimit = QueryParameter(
        "facet_limit", .integer(1...100, default: 10), "Values per facet, 1 to 100 (/jobs and /roles).", shared: true)
    static let employmentType = QueryParameter("employment_type", .named(EmploymentType.self, schema: "EmploymentType"), "Matches any of a posting's types.")
    static let level = QueryParameter("level", .named(JobLevel.self, schema: "JobLevel"), "Seniority.", shared: true)
    static let salaryMin = QueryParameter(
        "salary_min", .number(minimum: 0), "Annualised maximum at least this; implausible salaries never match.")
    static let salaryMax = QueryParameter(
        "salary_max", .number(minimum: 0), "Annualised minimum at most this; implausible salaries never match.")
    static let currency = QueryParameter(
        "currency",
        .custom(
            schema: ["type": "string", "pattern": "^[A-Za-z]{3}$", "minLength": 3, "maxLength": 3],
            reason: "must be a three-letter ISO 4217 code such as USD",
            accepts: { $0.utf8.count == 3 && $0.utf8.allSatisfy { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") } }),
        "ISO 4217 code, any case.", shared: true)
    static let jobSort = QueryParameter(
        "sort", .choice(JobSort.self),
        "Order; ties by id. Default: by id, or with a known role by why each job relates to it (title, similar, featured). Salary orders compare amounts within one currency: USD first, then the other currencies alphabetically, each by annual amount; postings without a plausible salary last.")
}

extension Catalog {
    /// The filters `/jobs` and `/salaries` share (a route reads only those it declares).
    func jobFilter(_ reader: QueryReader) -> JobFilter {
        JobFilter(
            query: reader.string(.jobSearch), role: reader.string(.role), company: reader.string(.company),
            location: reader.string(.location), remote: reader.bool(.remote),
            employmentType: reader.choice(.employmentType, EmploymentType.self), level: reader.choice(.level, JobLevel.self),
            salaryMin: reader.number(.salaryMin), salaryMax: reader.number(.salaryMax),
            currency: reader.value(.currency)?.uppercased(), workplace: reader.choice(.workplace, Workplace.self),
            skill: reader.string(.jobSkill), tool: reader.string(.jobTool))
    }

    func jobs(_ reader: inout QueryReader) -> Outcome {
        let filter = jobFilter(reader)
        let sort = reader.choice(.jobSort, JobSort.self)
        let page = Page(reader)
        let facets = reader.choices(.facets, JobFacet.self)
        guard reader.errors.isEmpty else { return .problem(.badRequest(reader.errors)) }
        if let problem = unknownEntityFilter(reader) { return .problem(problem) }
        let found: JobPage
        if filter == JobFilter() && sort == nil {
            found = JobPage(total: repository.jobs.count, items: Array(page.slice(repository.jobs)))
        } else {
            found = repository.searchJobs(filter, sort: sort, offset: page.offset, limit: page.limit)
        }
        let items = found.items.map { item in
            let bytes = jobItems[item.id] ?? Catalog.serialise(item) { $0.job($1) }
            guard let role = found.role, let link = item.roles.first(where: { $0.id == role }) else { return bytes }
            return Catalog.withRoleMatch(bytes, link)
        }
        let counted = facets.map { repository.jobFacets(filter, facets: $0, limit: reader.int(.facetLimit)) }
        let answer = page.representation(path: Route.jobs.path, reader: reader, total: found.total, items: items) { o in
            o.key("facets")
            guard let counted else { return o.null() }
            o.object { o in
                for (facet, values) in counted {
                    o.field(facet.rawValue, array: { a in
                        for value in values {
                            a.object { o in
                                o.field("value", value.value)
                                o.field("label", value.label)
                                o.field("count", value.count)
                            }
                        }
                    })
                }
            }
        }
        return .ok(answer)
    }

    /// A job's pre-serialised object with `reason` and `score` (why it is listed for the role
    /// asked) added as its last members.
    static func withRoleMatch(_ job: [UInt8], _ link: JobRoleLink) -> [UInt8] {
        var w = JSONWriter(capacity: 48)
        w.object { o in
            o.field("reason", link.reason.rawValue)
            o.field("score", link.score)
        }
        // `{"reason":…}` spliced in as `,"reason":…}` in place of the job's closing brace.
        guard job.last == UInt8(ascii: "}"), w.bytes.first == UInt8(ascii: "{") else { return job }
        return job.dropLast() + [UInt8(ascii: ",")] + w.bytes.dropFirst()
    }
}
