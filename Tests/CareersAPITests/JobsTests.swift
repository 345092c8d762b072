import CareersAPI
import CareersCore
import Foundation
import HTTPServer
import Testing

@Suite struct JobsTests {
    let api = sharedAPI

    func items(_ target: String) -> [[String: Any]] {
        let response = api.call(target)
        #expect(response.status == 200, "\(target): \(response.text)")
        return response.json["items"] as? [[String: Any]] ?? []
    }

    func annual(_ job: [String: Any], _ key: String) -> Double? {
        (job["salary"] as? [String: Any])?[key] as? Double
    }

    @Test(arguments: ["/jobs?limit=3", "/jobs?limit=1", "/jobs?sort=salary_desc&limit=4", "/jobs?level=senior&limit=2", "/jobs?q=&limit=5&sort=company"])
    func walkingNextSeesEveryJobExactlyOnce(start: String) throws {
        var seen: [String] = []
        var target: String? = start
        var total = -1
        var pages = 0
        while let current = target, pages < 100 {
            let response = api.call(current)
            #expect(response.status == 200)
            let body = response.json
            total = body["total"] as? Int ?? -1
            seen += (body["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            target = body["next"] as? String
            pages += 1
        }
        #expect(target == nil, "next links must end")
        #expect(seen.count == total)
        #expect(Set(seen).count == seen.count, "a job was seen twice")
        if !start.contains("level=") { #expect(Set(seen) == Set(api.repository.jobs.map(\.id))) }
    }

    @Test func jobsHaveTheContractFields() throws {
        let first = try #require(items("/jobs?limit=100").first)
        #expect(Set(first.keys) == ["id", "title", "company", "location", "remote", "employment_types", "level", "level_label", "salary", "sources", "roles"])
        let withSalary = try #require(items("/jobs?limit=100").first { $0["salary"] is [String: Any] })
        let salary = try #require(withSalary["salary"] as? [String: Any])
        #expect(Set(salary.keys) == ["currency", "min", "max", "period", "annual_min", "annual_max", "plausible"])
        #expect(items("/jobs?limit=100").count == api.repository.jobs.count)
    }

    @Test func filtersMatchWhatTheyName() {
        for job in items("/jobs?level=senior&limit=100") { #expect(job["level"] as? String == "senior") }
        for job in items("/jobs?remote=true&limit=100") { #expect(job["remote"] as? Bool == true) }
        for job in items("/jobs?remote=false&limit=100") { #expect(job["remote"] as? Bool == false) }
        let interns = items("/jobs?employment_type=internship&limit=100")
        #expect(!interns.isEmpty)
        for job in interns { #expect((job["employment_types"] as? [String])?.contains("internship") == true) }
        for job in items("/jobs?company=amazon&limit=100") {
            #expect((job["company"] as? String)?.lowercased().contains("amazon") == true)
        }
        for job in items("/jobs?currency=usd&limit=100") {
            #expect((job["salary"] as? [String: Any])?["currency"] as? String == "USD")
        }
        #expect(items("/jobs?currency=EUR").isEmpty)
        let combined = items("/jobs?level=senior&remote=false&employment_type=full_time&salary_min=100000&sort=salary_asc&limit=100")
        for job in combined {
            #expect(job["level"] as? String == "senior" && job["remote"] as? Bool == false)
            #expect((annual(job, "annual_max") ?? 0) >= 100000)
        }
    }

    @Test func textFiltersAgreeWithTheRepository() {
        for (query, filter) in [
            ("q=engineer", JobFilter(query: "engineer")), ("location=remote", JobFilter(location: "remote")),
            ("role=data%20scientist", JobFilter(role: "data scientist")), ("company=Amazon.com", JobFilter(company: "Amazon.com")),
            ("q=intern&level=entry", JobFilter(query: "intern", level: .entry)),
        ] {
            let expected = api.repository.searchJobs(filter, sort: nil).map(\.id)
            #expect(items("/jobs?limit=100&" + query).compactMap { $0["id"] as? String } == expected, "\(query)")
        }
        #expect(!items("/jobs?q=engineer").isEmpty)
        for job in items("/jobs?location=remote&limit=100") {
            #expect((job["location"] as? String)?.lowercased().contains("remote") == true)
        }
    }

    @Test func salaryFiltersUseAnnualFiguresAndSkipImplausibleOnes() {
        let rich = items("/jobs?salary_min=150000&limit=100")
        #expect(!rich.isEmpty)
        for job in rich {
            #expect((annual(job, "annual_max") ?? 0) >= 150000)
            #expect((job["salary"] as? [String: Any])?["plausible"] as? Bool == true)
        }
        #expect(items("/jobs?salary_min=100000000").isEmpty, "USD 1111111K is implausible and never matches")
        for job in items("/jobs?salary_max=90000&limit=100") { #expect((annual(job, "annual_min") ?? .infinity) <= 90000) }
        #expect(items("/jobs?salary_min=300000&salary_max=100").isEmpty)
    }

    @Test func sortsOrderAsNamed() {
        let desc = items("/jobs?sort=salary_desc&limit=100").filter { ($0["salary"] as? [String: Any])?["plausible"] as? Bool == true }
        let maxima = desc.compactMap { annual($0, "annual_max") }
        #expect(maxima == maxima.sorted(by: >))
        let asc = items("/jobs?sort=salary_asc&limit=100").filter { ($0["salary"] as? [String: Any])?["plausible"] as? Bool == true }
        let minima = asc.compactMap { annual($0, "annual_min") }
        #expect(minima == minima.sorted())
        let titles = items("/jobs?sort=title&limit=100").compactMap { ($0["title"] as? String)?.lowercased() }
        #expect(titles == titles.sorted())
        #expect(titles.count == api.repository.jobs.count)
    }

    @Test func detailAndLinkedData() throws {
        let job = try #require(api.repository.jobs.first { $0.posting.salary?.plausible == true })
        let plain = api.call("/jobs/" + job.id)
        #expect(plain.status == 200)
        #expect(plain.json["id"] as? String == job.id)
        #expect(plain.headers["Vary"] == "Accept-Encoding, Accept")
        let linked = api.call("/jobs/" + job.id, [("Accept", "application/ld+json")])
        #expect(linked.status == 200)
        #expect(linked.headers["Content-Type"]?.hasPrefix("application/ld+json") == true)
        #expect(linked.headers["ETag"] != plain.headers["ETag"])
        let ld = linked.json
        #expect(ld["@context"] as? String == "https://schema.org")
        #expect(ld["@type"] as? String == "JobPosting")
        #expect(ld["title"] as? String == job.posting.title)
        #expect((ld["hiringOrganization"] as? [String: Any])?["@type"] as? String == "Organization")
        #expect(ld["jobLocation"] != nil || ld["jobLocationType"] as? String == "TELECOMMUTE")
        #expect(!(ld["employmentType"] as? [String] ?? []).isEmpty)
        let value = (ld["baseSalary"] as? [String: Any])?["value"] as? [String: Any]
        #expect(value?["unitText"] as? String == "YEAR")
        #expect(value?["minValue"] as? Double == job.posting.salary?.min)
        #expect(!linked.text.contains("<"), "HTML-safe for embedding in a script element")
        // Wildcards and plain JSON keep the default representation.
        #expect(api.call("/jobs/" + job.id, [("Accept", "*/*")]).body == plain.body)
        #expect(api.call("/jobs/" + job.id, [("Accept", "application/json, application/ld+json")]).body == plain.body)
        #expect(api.call("/jobs/" + job.id, [("Accept", "application/ld+json;q=0.5, application/json;q=0.4")]).body == linked.body)
    }

    @Test func everyJobHasLinkedData() {
        for job in api.repository.jobs {
            let ld = api.call("/jobs/" + job.id, [("Accept", "application/ld+json")]).json
            #expect(ld["@type"] as? String == "JobPosting")
            if job.remote { #expect(ld["jobLocationType"] as? String == "TELECOMMUTE") }
            if job.posting.salary?.plausible == false { #expect(ld["baseSalary"] == nil) }
        }
    }

    @Test func unknownJobIs404() {
        let response = api.call("/jobs/0000000000000000")
        expectProblem(response, status: 404)
        #expect((response.json["detail"] as? String)?.contains("0000000000000000") == true)
    }
}

@Suite struct SalariesAndComparisonsTests {
    let api = sharedAPI

    @Test func statisticsByLevelCountTheExcluded() throws {
        let body = api.call("/salaries").json
        let groups = try #require(body["groups"] as? [[String: Any]])
        #expect(!groups.isEmpty)
        #expect(groups.allSatisfy { $0["role"] is NSNull && $0["currency"] is NSNull })
        #expect(body["excluded_implausible"] as? Int == groups.reduce(0) { $0 + ($1["excluded_implausible"] as? Int ?? 0) })
        #expect((body["excluded_implausible"] as? Int ?? 0) >= 1, "the seeds carry one implausible salary")
        for group in groups {
            if let low = group["min"] as? Double, let mid = group["median"] as? Double, let high = group["max"] as? Double {
                #expect(low <= mid && mid <= high && high < 10_000_000)
            }
        }
        #expect((body["basis"] as? [String: Any])?["hours_per_year"] as? Int == 2080)
    }

    @Test func groupingAndFilters() throws {
        let byCurrency = try #require(api.call("/salaries?group_by=currency").json["groups"] as? [[String: Any]])
        #expect(!byCurrency.isEmpty && byCurrency.allSatisfy { $0["currency"] as? String == "USD" && $0["role"] is NSNull })
        // Jobs belong to a role when their title names it; every group then says which role.
        let byRole = try #require(api.call("/salaries?group_by=role,currency").json["groups"] as? [[String: Any]])
        #expect(byRole.allSatisfy { $0["role"] is String && $0["currency"] is String })
        let scientists = try #require(api.call("/salaries?role=data+scientist").json["groups"] as? [[String: Any]])
        let expected = api.repository.salaryStats(byRole: false, byCurrency: false, filter: JobFilter(role: "data scientist"))
        #expect(scientists.count == expected.count)
        #expect(scientists.compactMap { $0["count"] as? Int } == expected.map(\.count))
        let senior = try #require(api.call("/salaries?level=senior").json["groups"] as? [[String: Any]])
        #expect(senior.allSatisfy { $0["level"] as? String == "senior" })
        let euro = try #require(api.call("/salaries?currency=eur").json["groups"] as? [[String: Any]])
        #expect(euro.allSatisfy { ($0["count"] as? Int ?? 0) == 0 })
    }

    @Test func comparisonsListAndDocuments() throws {
        let list = api.call("/comparisons").json
        let items = try #require(list["items"] as? [[String: Any]])
        #expect(items.count == api.repository.articles.count)
        for item in items {
            #expect(Set(item.keys).isSuperset(of: ["id", "title", "roles", "published", "reading_minutes"]))
            let id = try #require(item["id"] as? String)
            let doc = api.call("/comparisons/" + id)
            #expect(doc.status == 200)
            let sections = doc.json["sections"] as? [[String: Any]] ?? []
            #expect(!sections.isEmpty)
            #expect((doc.json["roles"] as? [[String: Any]])?.allSatisfy { $0["id"] is String } == true)
        }
        expectProblem(api.call("/comparisons/nope"), status: 404)
        #expect(api.call("/comparisons?limit=1").json["next"] as? String == "/comparisons?limit=1&offset=1")
    }
}
