import CareersCore

/// A job as a schema.org `JobPosting` (JSON-LD) that a careers site can paste into a
/// `<script type="application/ld+json">` element unchanged: hence HTML-safe escaping, and
/// schema.org's own conventions (absent properties omitted, enum values in upper case).
enum JobPostingLD {
    static let contentType = "application/ld+json; charset=utf-8"

    static func encode(_ job: Job, published: String?) -> [UInt8] {
        let p = job.posting
        var w = JSONWriter(capacity: 1024)
        w.htmlSafe = true
        w.object { o in
            o.field("@context", "https://schema.org")
            o.field("@type", "JobPosting")
            o.field("identifier", object: { o in
                o.field("@type", "PropertyValue")
                o.field("name", "careers-api")
                o.field("value", job.id)
            })
            o.field("title", p.title)
            o.field("description", description(of: p))
            if let published { o.field("datePosted", published) }
            o.field("hiringOrganization", object: { o in
                o.field("@type", "Organization")
                o.field("name", p.company ?? "Undisclosed")
            })
            if job.remote {
                o.field("jobLocationType", "TELECOMMUTE")
                if let requirement = applicantLocation(p.location) {
                    o.field("applicantLocationRequirements", object: { o in
                        o.field("@type", "Country")
                        o.field("name", requirement)
                    })
                }
            }
            if let location = p.location, !job.remote || applicantLocation(location) == nil {
                o.field("jobLocation", object: { o in
                    o.field("@type", "Place")
                    o.field("address", object: { o in
                        o.field("@type", "PostalAddress")
                        o.field("addressLocality", location)
                    })
                })
            }
            if !p.employmentTypes.isEmpty {
                o.field("employmentType", p.employmentTypes.map(schemaEmploymentType))
            }
            if let salary = p.salary, salary.plausible {
                o.field("baseSalary", object: { o in
                    o.field("@type", "MonetaryAmount")
                    o.field("currency", salary.currency)
                    o.field("value", object: { o in
                        o.field("@type", "QuantitativeValue")
                        o.field("minValue", salary.min)
                        o.field("maxValue", salary.max)
                        o.field("unitText", salary.period.rawValue.uppercased())
                    })
                })
            }
            if let level = p.levelLabel { o.field("experienceRequirements", level) }
        }
        return w.bytes
    }

    static func schemaEmploymentType(_ t: EmploymentType) -> String {
        switch t {
        case .fullTime: "FULL_TIME"
        case .partTime: "PART_TIME"
        case .contract: "CONTRACTOR"
        case .internship: "INTERN"
        case .temporary: "TEMPORARY"
        case .freelance: "CONTRACTOR"
        }
    }

    private static func description(of p: JobPosting) -> String {
        var text = p.title
        if let company = p.company { text += " at " + company }
        if let location = p.location { text += " (" + location + ")" }
        if let level = p.levelLabel { text += ". Level: " + level }
        return text + "."
    }

    /// "Remote (anywhere in the U.S.)" → "USA": the country a remote posting is open to, when
    /// the location names one.
    private static func applicantLocation(_ location: String?) -> String? {
        guard let l = location?.lowercased() else { return nil }
        if l.contains("u.s.") || l.contains("united states") || l.contains("usa") || l.contains(" us") { return "USA" }
        return nil
    }
}
