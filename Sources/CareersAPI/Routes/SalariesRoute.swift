import CareersCore

/// `GET /salaries`: statistics of annualised salaries by level, and by role and/or currency on
/// request.
extension Route {
    static let salaries: Route = Route(
        "/salaries", parameters: [.level, .role, .currency, .groupBy], link: "salaries",
        operation: Operation(
            id: "getSalaries", summary: "Salary statistics by level (and role/currency on request)", tags: ["jobs"],
            responses: [
                ("200", OpenAPIDocument.ok("Salaries", "Statistics of annualised figures; implausible ones excluded and counted.")),
                OpenAPIDocument.notModified, OpenAPIDocument.badRequest,
            ]),
        schemas: [("Salaries", salariesSchema)],
        serving: .query { catalog, reader in catalog.salaries(reader) })

    private static var salariesSchema: JSONValue {
        typealias D = OpenAPIDocument
        let levels = JobLevel.allCases.map(\.rawValue)
        return D.object([
            ("groups", D.array(D.object([
                ("level", ["type": ["string", "null"], "enum": .array(levels.map { .string($0) } + [.null])]),
                ("role", D.nullableString), ("currency", D.nullableString), ("count", D.integer),
                ("min", D.nullableNumber), ("median", D.nullableNumber), ("max", D.nullableNumber),
                ("excluded_implausible", D.integer),
            ]))),
            ("count", D.integer), ("excluded_implausible", D.integer),
            ("basis", D.object([
                ("figures", D.string), ("hours_per_year", D.number), ("days_per_year", D.number),
                ("weeks_per_year", D.number), ("months_per_year", D.number),
            ])),
        ])
    }
}

extension QueryParameter {
    static let groupBy = QueryParameter(
        "group_by", .choice(Catalog.salaryGroupings.keys.sorted()),
        "Also group by role and/or currency: role, currency or role,currency.")
}

extension Catalog {
    enum SalaryGrouping: String, CaseIterable {
        case role, currency
    }

    /// The accepted spellings of `group_by`, exactly.
    static let salaryGroupings: [String: Set<SalaryGrouping>] = [
        "role": [.role], "currency": [.currency], "role,currency": [.role, .currency], "currency,role": [.role, .currency],
    ]

    func salaries(_ reader: QueryReader) -> Outcome {
        var filter = jobFilter(reader)
        filter.remote = nil
        let groups = reader.value(.groupBy).flatMap { Catalog.salaryGroupings[$0] } ?? []
        let stats = repository.salaryStats(byRole: groups.contains(.role), byCurrency: groups.contains(.currency), filter: filter)
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
                        o.field("median", s.median)
                        o.field("max", s.max)
                        o.field("excluded_implausible", s.excludedImplausible)
                    }
                }
            })
            o.field("count", stats.reduce(0) { $0 + $1.count })
            o.field("excluded_implausible", stats.reduce(0) { $0 + $1.excludedImplausible })
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
}
