import CareersCore

extension Route {
    /// The query parameters each route accepts; anything else is a 400 naming it. Built once: a
    /// Set literal here would be rebuilt, every name hashed, on each request.
    var parameters: Set<String> { Self.parameterSets[self] ?? [] }

    /// Parameters that may be given more than once (their values add up).
    var repeatableParameters: Set<String> { self == .compare ? Self.compareRepeatable : [] }

    private static let parameterSets = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.declaredParameters) })
    private static let compareRepeatable: Set<String> = ["roles"]

    private var declaredParameters: Set<String> {
        switch self {
        case .roles: ["q", "skill", "tool", "industry", "limit", "offset"]
        case .compare: ["roles", "a", "b", "c", "d", "e"]
        case .comparisons: ["limit", "offset"]
        case .jobs:
            [
                "q", "role", "company", "location", "remote", "employment_type", "level", "salary_min", "salary_max",
                "currency", "sort", "limit", "offset",
            ]
        case .salaries: ["level", "role", "currency", "group_by", "bucket_width"]
        default: []
        }
    }
}

extension Catalog {
    /// Routes whose answer depends on the query. Validation errors found while reading the
    /// query win over everything else.
    func respond(_ route: Route, reader: inout QueryReader) -> Outcome {
        let outcome: Outcome
        switch route {
        case .roles: outcome = roles(&reader)
        case .comparisons: outcome = comparisons(&reader)
        case .jobs: outcome = jobs(&reader)
        case .salaries: outcome = salaries(&reader)
        case .compare: outcome = compare(&reader)
        default: outcome = .problem(.notFound("no resource at this path"))
        }
        if !reader.errors.isEmpty { return .problem(.badRequest(reader.errors)) }
        return outcome
    }

    func roles(_ reader: inout QueryReader) -> Outcome {
        let filter = RoleFilter(
            query: reader.string("q"), skill: reader.string("skill"), tool: reader.string("tool"),
            industry: reader.string("industry"))
        let page = Page(&reader)
        guard reader.errors.isEmpty else { return .problem(.badRequest(reader.errors)) }
        let matches = filter == RoleFilter() ? repository.roles : repository.searchRoles(filter)
        let items = page.slice(matches).map { item in roleItems[item.id] ?? Catalog.serialise(item) { $0.roleSummary($1) } }
        return .ok(Representation(body: page.envelope(path: "/roles", reader: reader, total: matches.count, items: items)))
    }

    func comparisons(_ reader: inout QueryReader) -> Outcome {
        let page = Page(&reader)
        guard reader.errors.isEmpty else { return .problem(.badRequest(reader.errors)) }
        let body = page.envelope(
            path: "/comparisons", reader: reader, total: comparisonItems.count, items: page.slice(comparisonItems))
        return .ok(Representation(body: body))
    }

    func jobFilter(_ reader: inout QueryReader) -> JobFilter {
        var filter = JobFilter(
            query: reader.string("q"), role: reader.string("role"), company: reader.string("company"),
            location: reader.string("location"), remote: reader.bool("remote"),
            employmentType: reader.choice("employment_type", EmploymentType.self),
            level: reader.choice("level", JobLevel.self),
            salaryMin: reader.number("salary_min", minimum: 0), salaryMax: reader.number("salary_max", minimum: 0))
        if let values = reader.values("currency").first {
            let code = values.uppercased()
            if code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
                filter.currency = code
            } else {
                reader.fail("currency", "must be a three-letter ISO 4217 code such as USD")
            }
        }
        return filter
    }

    func jobs(_ reader: inout QueryReader) -> Outcome {
        let filter = jobFilter(&reader)
        let sort = reader.choice("sort", JobSort.self)
        let page = Page(&reader)
        guard reader.errors.isEmpty else { return .problem(.badRequest(reader.errors)) }
        let matches = filter == JobFilter() && sort == nil ? repository.jobs : repository.searchJobs(filter, sort: sort)
        let items = page.slice(matches).map { item in jobItems[item.id] ?? Catalog.serialise(item) { $0.job($1) } }
        return .ok(Representation(body: page.envelope(path: "/jobs", reader: reader, total: matches.count, items: items)))
    }

    enum SalaryGrouping: String, CaseIterable {
        case role, currency
    }

    /// The accepted spellings of `group_by`, exactly (the OpenAPI enum lists the same).
    static let salaryGroupings: [String: Set<SalaryGrouping>] = [
        "role": [.role], "currency": [.currency], "role,currency": [.role, .currency], "currency,role": [.role, .currency],
    ]

    func salaries(_ reader: inout QueryReader) -> Outcome {
        var filter = jobFilter(&reader)
        filter.remote = nil
        var groups: Set<SalaryGrouping> = []
        if let raw = reader.values("group_by").first {
            if let parsed = Catalog.salaryGroupings[raw] {
                groups = parsed
            } else {
                reader.fail("group_by", "must be one of: \(Catalog.salaryGroupings.keys.sorted().joined(separator: ", "))")
            }
        }
        let range = SalaryHistogram.widthRange
        let bucketWidth = reader.int(
            "bucket_width", in: Int(range.lowerBound)...Int(range.upperBound), default: Int(SalaryHistogram.defaultWidth))
        guard reader.errors.isEmpty else { return .problem(.badRequest(reader.errors)) }
        let stats = repository.salaryStats(
            byRole: groups.contains(.role), byCurrency: groups.contains(.currency), filter: filter, bucketWidth: Double(bucketWidth))
        var w = JSONWriter(capacity: 2048)
        w.object { o in
            o.field("groups", array: { a in
                for s in stats {
                    a.object { o in
                        o.field("level", s.level?.rawValue)
                        o.field("role", s.role)
                        o.field("currency", s.currency)
                        o.field("count", s.count)
                        o.field("min", s.min)
                        o.field("p10", s.percentiles.p10)
                        o.field("p25", s.percentiles.p25)
                        o.field("median", s.median)
                        o.field("p75", s.percentiles.p75)
                        o.field("p90", s.percentiles.p90)
                        o.field("max", s.max)
                        o.field("excluded_implausible", s.excludedImplausible)
                        o.field("histogram", object: { o in
                            o.field("bucket_width", s.histogram.width)
                            o.field("buckets", array: { a in
                                for bucket in s.histogram.buckets {
                                    a.object { o in
                                        o.field("from", bucket.from)
                                        o.field("to", bucket.to)
                                        o.field("count", bucket.count)
                                    }
                                }
                            })
                        })
                    }
                }
            })
            o.field("count", stats.reduce(0) { $0 + $1.count })
            o.field("excluded_implausible", stats.reduce(0) { $0 + $1.excludedImplausible })
            o.field("bucket_width", bucketWidth)
            o.field("basis", object: { o in
                o.field("figures", "annualised")
                o.field("hours_per_year", Salary.hoursPerYear)
                o.field("days_per_year", 260)
                o.field("weeks_per_year", 52)
                o.field("months_per_year", 12)
            })
        }
        return .ok(Representation(body: w.bytes))
    }

    func rootDocument() -> [UInt8] {
        var w = JSONWriter(capacity: 1024)
        w.object { o in
            o.field("name", "careers-api")
            o.field("version", version)
            o.field("links", object: { o in
                o.field("self", "/")
                o.field("health", "/healthz")
                o.field("readiness", "/readyz")
                o.field("metrics", "/metrics")
                o.field("openapi", "/openapi.json")
                o.field("roles", "/roles")
                o.field("role", "/roles/{id}")
                o.field("compare", "/compare?roles={a},{b}")
                o.field("comparisons", "/comparisons")
                o.field("comparison", "/comparisons/{id}")
                o.field("jobs", "/jobs")
                o.field("job", "/jobs/{id}")
                o.field("salaries", "/salaries")
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
