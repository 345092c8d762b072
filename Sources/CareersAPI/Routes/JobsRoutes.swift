import CareersCore

/// `GET /jobs` (postings, filtered, sorted and paged) and `GET /jobs/{id}` (one posting, as JSON
/// or as a schema.org JobPosting).
extension Route {
    static let jobs: Route = Route(
        "/jobs",
        parameters: [
            .jobSearch, .role, .company, .location, .remote, .employmentType, .level, .salaryMin, .salaryMax, .currency,
            .jobSort, .limit, .offset,
        ],
        link: "jobs",
        operation: Operation(id: "listJobs", summary: "Job postings; every filter and sort combines", tags: ["jobs"], responses: [
            ("200", OpenAPIDocument.ok("JobList", "A page of jobs.")), OpenAPIDocument.notModified, OpenAPIDocument.badRequest,
        ]),
        schemas: [("Salary", salarySchema), ("Job", jobSchema), ("JobList", OpenAPIDocument.envelope("Job"))],
        serving: .query { catalog, reader in catalog.jobs(reader) })

    static let job: Route = Route(
        "/jobs/{id}", id: PathID(what: "job") { $0.jobs.first?.id }, link: "job",
        operation: Operation(
            id: "getJob", summary: "One posting; a schema.org JobPosting with Accept: application/ld+json", tags: ["jobs"],
            responses: [
                ("200", [
                    "description": "The job.",
                    "headers": ["ETag": ["$ref": "#/components/headers/ETag"], "Cache-Control": ["$ref": "#/components/headers/Cache-Control"]],
                    "content": [
                        "application/json": ["schema": OpenAPIDocument.ref("Job")],
                        "application/ld+json": ["schema": OpenAPIDocument.ref("JobPostingLD")],
                    ],
                ]),
                OpenAPIDocument.notModified, OpenAPIDocument.badRequest, OpenAPIDocument.notFound,
            ]),
        schemas: [("JobPostingLD", jobPostingSchema)],
        serving: .resource { catalog, caching in
            let repository = catalog.repository
            let published = Dictionary(repository.articles.map { ($0.id, $0.published) }, uniquingKeysWith: { a, _ in a })
            var docs: [String: Representation] = [:]
            var linked: [String: Representation] = [:]
            for job in repository.jobs {
                docs[job.id] = Representation(body: catalog.jobItems[job.id] ?? [], precompress: true, caching: caching)
                let date = job.sources.compactMap { published[$0] ?? nil }.min()
                linked[job.id] = Representation(
                    body: JobPostingLD.encode(job, published: date), contentType: JobPostingLD.contentType, precompress: true,
                    caching: caching)
            }
            return { [docs, linked] id, request, _ in
                guard let doc = docs[id] else { return .problem(.notFound("no job with id '\(id)'")) }
                if Negotiation.prefersLinkedData(accept: request.headers.list("Accept")), let ld = linked[id] {
                    return .ok(ld, vary: "Accept")
                }
                return .ok(doc, vary: "Accept")
            }
        })

    private static var salarySchema: JSONValue {
        typealias D = OpenAPIDocument
        return D.object([
            ("currency", D.string), ("min", D.number), ("max", D.number),
            ("period", D.enumeration(["hour", "day", "week", "month", "year"])),
            ("annual_min", D.number), ("annual_max", D.number),
            ("plausible", ["type": "boolean", "description": "False for figures no real posting has; kept, but left out of statistics and salary filters."]),
        ], description: "Amounts as posted plus annualised figures (2,080 hours, 260 days, 52 weeks, 12 months a year).")
    }

    private static var jobSchema: JSONValue {
        typealias D = OpenAPIDocument
        let levels = JobLevel.allCases.map(\.rawValue)
        return D.object([
            ("id", D.string), ("title", D.string), ("company", D.nullableString), ("location", D.nullableString),
            ("remote", D.boolean), ("employment_types", D.array(D.enumeration(EmploymentType.allCases.map(\.rawValue)))),
            ("level", ["type": ["string", "null"], "enum": .array(levels.map { .string($0) } + [.null])]),
            ("level_label", D.nullableString), ("salary", D.nullable(D.ref("Salary"))), ("sources", D.strings),
            ("roles", D.array(D.object([
                ("id", D.string), ("title", D.string), ("reason", reason),
                ("score", ["type": "number", "minimum": 0, "maximum": 1, "description": "How closely the title matches the role's name (1 for a title match)."]),
            ], description: "A role the job relates to, and why."))),
            ("reason", reason.merging(["description": "Only when the list is filtered by a known role: why the job is listed for it."])),
            ("score", ["type": "number", "minimum": 0, "maximum": 1, "description": "Only with reason: the score of that link."]),
        ]).merging(["required": .array(jobFields.map { .string($0) })])
    }

    /// The members every job has (`reason` and `score` only come with `?role=`).
    private static let jobFields = [
        "id", "title", "company", "location", "remote", "employment_types", "level", "level_label", "salary", "sources", "roles",
    ]

    private static var reason: JSONValue {
        [
            "type": "string", "enum": .array(JobRoleReason.allCases.map { .string($0.rawValue) }),
            "description": "title: the title names the role or an alias (seniority and qualifiers aside); similar: title words match the role's name (Dice ≥ 0.7, AI~ML and Engineer~Developer count 0.8); featured: an article about the role lists the job.",
        ]
    }

    private static var jobPostingSchema: JSONValue {
        typealias D = OpenAPIDocument
        return [
            "type": "object",
            "description": "A schema.org JobPosting (JSON-LD), served for Accept: application/ld+json.",
            "required": ["@context", "@type", "title", "description", "hiringOrganization", "identifier"],
            "properties": [
                "@context": ["const": "https://schema.org"], "@type": ["const": "JobPosting"],
                "title": D.string, "description": D.string,
                "hiringOrganization": ["type": "object", "required": ["@type", "name"]],
                "jobLocationType": ["const": "TELECOMMUTE"],
                "employmentType": D.strings,
                "baseSalary": ["type": "object", "required": ["@type", "currency", "value"]],
            ],
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
    static let employmentType = QueryParameter("employment_type", .choice(EmploymentType.self), "Matches any of a posting's types.")
    static let level = QueryParameter("level", .choice(JobLevel.self), "Seniority.", shared: true)
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
            currency: reader.value(.currency)?.uppercased())
    }

    func jobs(_ reader: QueryReader) -> Outcome {
        let filter = jobFilter(reader)
        let sort = reader.choice(.jobSort, JobSort.self)
        let page = Page(reader)
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
        return .ok(Representation(body: page.envelope(path: Route.jobs.path, reader: reader, total: found.total, items: items)))
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
