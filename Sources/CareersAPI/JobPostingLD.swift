import CareersCore

/// A job as a schema.org `JobPosting` (JSON-LD) that a careers site can paste into a
/// `<script type="application/ld+json">` element unchanged: hence HTML-safe escaping, and
/// schema.org's own conventions (absent properties omitted, enum values in upper case).
enum JobPostingLD {
    static let contentType = "application/ld+json; charset=utf-8"

    /// `datePosted` is the job's first-seen date: when an article first featured it.
    static func encode(_ job: Job) -> [UInt8] {
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
            if let posted = job.firstSeen { o.field("datePosted", posted) }
            o.field("hiringOrganization", object: { o in
                o.field("@type", "Organization")
                o.field("name", p.company ?? "Undisclosed")
            })
            let country = country(of: p.location)
            if job.remote {
                o.field("jobLocationType", "TELECOMMUTE")
                if let country {
                    o.field("applicantLocationRequirements", object: { o in
                        o.field("@type", "Country")
                        o.field("name", country)
                    })
                }
            } else if let location = p.location {
                // A remote posting's "location" says where applicants may live, not a workplace:
                // it is no Place (a Place named "Remote" would mislead search engines).
                o.field("jobLocation", object: { o in
                    o.field("@type", "Place")
                    o.field("address", object: { o in
                        o.field("@type", "PostalAddress")
                        o.field("addressLocality", location)
                        if let country { o.field("addressCountry", country) }
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
                        // An open-ended salary ("USD 200K+") has a minimum only.
                        if let max = salary.max { o.field("maxValue", max) }
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

    /// The ISO 3166-1 code of the country a location names, when it can be told: "Remote
    /// (anywhere in the U.S.)", "Seattle, Washington, USA" and "Upton, NY" are all "US".
    static func country(of location: String?) -> String? {
        guard let location else { return nil }
        let lower = location.lowercased()
        let words = lower.split { !$0.isLetter && $0 != "." }.map { $0.hasSuffix(".") ? String($0.dropLast()) : String($0) }
        if lower.contains("united states") || words.contains(where: { $0 == "us" || $0 == "usa" || $0 == "u.s" }) {
            return "US"
        }
        let parts = location.split(separator: ",").map { $0.trimming(" \t") }
        if parts.count >= 2, usStateCodes.contains(String(parts[1])) { return "US" }
        if parts.contains(where: { usStateNames.contains($0.lowercased()) }) { return "US" }
        return nil
    }

    private static let usStateCodes: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
        "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
    ]

    /// States whose name is often written alone or as the last part of a location.
    private static let usStateNames: Set<String> = [
        "california", "new york", "texas", "washington", "massachusetts", "illinois", "florida",
        "colorado", "virginia", "north carolina", "new jersey", "pennsylvania", "ohio", "michigan", "oregon",
    ]
}
