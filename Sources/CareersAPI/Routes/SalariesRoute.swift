import CareersCore

/// `GET /salaries`: statistics of annualised salaries by level, and by role and/or currency on
/// request.
extension Route {
    static let salaries: Route = Route(
        "/salaries", parameters: [.level, .role, .currency, .groupBy, .bucketWidth], link: "salaries",
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
        return D.object([
            ("groups", D.array(D.object([
                ("level", D.nullable(D.ref("JobLevel"))),
                ("role", D.nullableString), ("currency", D.nullableString), ("count", D.integer),
                ("min", D.nullableNumber), ("p10", D.nullableNumber), ("p25", D.nullableNumber), ("median", D.nullableNumber),
                ("p75", D.nullableNumber), ("p90", D.nullableNumber), ("max", D.nullableNumber),
                ("excluded_implausible", D.integer),
                ("histogram", D.object([
                    ("bucket_width", [
                        "type": "number",
                        "description": .string("The width asked for, or wider when the group's figures span more than \(SalaryHistogram.maxBuckets) buckets."),
                    ]),
                    ("buckets", D.array(D.object([("from", D.number), ("to", D.number), ("count", D.integer)],
                        description: "Postings whose annualised midpoint is in [from, to)."))),
                ], description: "Annualised midpoints per bucket, from the lowest non-empty bucket to the highest, empty ones between included.")),
            ], description: "Percentiles interpolate linearly between ranks (as R and NumPy do by default) over annualised midpoints; min is the lowest annual minimum, max the highest annual maximum."))),
            ("count", D.integer), ("excluded_implausible", D.integer), ("bucket_width", D.integer),
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
    static let bucketWidth = QueryParameter(
        "bucket_width",
        .integer(
            Int(SalaryHistogram.widthRange.lowerBound)...Int(SalaryHistogram.widthRange.upperBound),
            default: Int(SalaryHistogram.defaultWidth)),
        "Histogram bucket width in annual currency units.")
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
        let bucketWidth = reader.int(.bucketWidth)
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
}
