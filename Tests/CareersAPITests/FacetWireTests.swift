import CareersAPI
import CareersCore
import Foundation
import HTTPServer
import Testing

/// `/jobs?facets=…` and the `workplace` filter, over real sockets.
@Suite(.serialized) struct FacetWireTests {
    let live: LiveServer
    static let all = "level,employment_type,workplace,company,location,currency,role,skill,tool"

    init() throws {
        live = try LiveServer(CareersAPI(repository: sharedAPI.repository))
    }

    static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
    }

    func facets(_ query: String) throws -> [String: [[String: Any]]] {
        let response = try live.get("/jobs?" + query)
        #expect(response.status == 200, "\(query): \(String(decoding: response.body, as: UTF8.self))")
        return try #require(response.json["facets"] as? [String: [[String: Any]]])
    }

    /// Like `/roles?skill=`: a skill or tool naming no entity is a 400 naming the parameter, with
    /// the closest entities as suggestions.
    @Test(arguments: ["skill", "tool"])
    func unknownSkillOrToolIs400WithSuggestions(parameter: String) throws {
        let response = try live.get("/jobs?\(parameter)=pythn")
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        let names = (response.json["invalid_params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == [parameter])
        #expect(response.json["suggestions"] is [String])
    }

    /// For every facet value, adding its filter to the request returns exactly that many jobs
    /// (the facets over the wire, the follow-up filters in process).
    @Test(arguments: ["", "level=senior", "remote=false", "company=amazon", "currency=usd&salary_min=100000", "workplace=onsite&level=entry"])
    func everyValueCountsWhatItsFilterReturns(filters: String) throws {
        let base = filters.isEmpty ? "" : filters + "&"
        let counted = try facets(base + "facets=\(Self.all)&facet_limit=100")
        #expect(Set(counted.keys) == Set(Self.all.split(separator: ",").map(String.init)))
        for (facet, values) in counted {
            for value in values {
                let name = try #require(value["value"] as? String)
                let count = try #require(value["count"] as? Int)
                // The facet's own filter is lifted: replace it rather than add a second one.
                let others = filters.split(separator: "&").filter { !$0.hasPrefix(facet + "=") }.joined(separator: "&")
                let target = "/jobs?" + (others.isEmpty ? "" : others + "&") + "\(facet)=\(Self.encoded(name))&limit=1"
                // In process: hundreds of follow-up requests need no socket each.
                let total = sharedAPI.call(target).json["total"] as? Int
                #expect(total == count, "\(target)")
            }
        }
    }

    @Test func valuesAreOrderedByCountThenValueAndLimited() throws {
        for (_, values) in try facets("facets=\(Self.all)&facet_limit=2") {
            #expect(values.count <= 2)
            let pairs = values.map { ($0["count"] as? Int ?? 0, $0["value"] as? String ?? "") }
            for (a, b) in zip(pairs, pairs.dropFirst()) { #expect(a.0 > b.0 || (a.0 == b.0 && a.1 < b.1)) }
        }
    }

    /// The seeds' job titles name none of their roles, so roles come from a small article here.
    @Test func roleValuesAreIdsWithTitles() throws {
        let titles = ["Data Engineer", "Data Scientist"]
        let jobs = ["Senior Data Engineer", "Data Engineer", "Lead Data Scientist"].map {
            JobPosting(title: $0, company: "Acme", location: "Berlin", employmentTypes: [.fullTime], level: .mid, levelLabel: nil, salary: nil)
        }
        let article = Article(
            id: "a", fileName: "a.txt", title: "Data Engineer vs. Data Scientist", roles: titles,
            profiles: titles.map { RoleProfile(title: $0) }, jobs: jobs)
        let server = try LiveServer(CareersAPI(repository: Repository(articles: [article])))
        let roles = try #require(try server.get("/jobs?facets=role").json["facets"] as? [String: [[String: Any]]])["role"]
        #expect(roles?.map { $0["value"] as? String } == ["data-engineer", "data-scientist"])
        #expect(roles?.map { $0["label"] as? String } == titles)
        // Each count is what the role filter lists (title, similar and featured links alike).
        for role in roles ?? [] {
            let id = try #require(role["value"] as? String)
            #expect(try server.get("/jobs?role=\(id)").json["total"] as? Int == role["count"] as? Int)
        }
    }

    /// Generated clients send an array as the parameter repeated: the lists add up.
    @Test func repeatedFacetsParameterAddsUp() throws {
        let listed = try facets("facets=level,workplace")
        let repeated = try facets("facets=level&facets=workplace")
        #expect(Set(repeated.keys) == ["level", "workplace"])
        #expect(repeated.mapValues { $0.map { "\($0["value"] ?? "") \($0["count"] ?? "")" } } == listed.mapValues { $0.map { "\($0["value"] ?? "") \($0["count"] ?? "")" } })
    }

    @Test func facetsAreNullUnlessAsked() throws {
        let response = try live.get("/jobs?limit=1")
        #expect(response.json["facets"] is NSNull)
        #expect(try live.get("/jobs").json.keys.contains("facets"))
    }

    @Test(arguments: ["facets=salary", "facets=level,,role", "facets=level,level", "facets=level&facets=level", "facets=", "facet_limit=0", "facet_limit=101", "workplace=office"])
    func badFacetRequestsAre400(query: String) throws {
        let response = try live.get("/jobs?" + query)
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        let name = String(query.prefix { $0 != "=" })
        let names = (response.json["invalid_params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == [name], "\(query)")
    }

    @Test func workplaceIsServedAndFilters() throws {
        let items = try live.get("/jobs?limit=100").json["items"] as? [[String: Any]] ?? []
        for item in items {
            let workplace = try #require(item["workplace"] as? String)
            #expect((workplace == "remote") == (item["remote"] as? Bool == true))
        }
        for workplace in ["remote", "hybrid", "onsite"] {
            let matched = try live.get("/jobs?workplace=\(workplace)&limit=100").json["items"] as? [[String: Any]] ?? []
            #expect(matched.count == items.filter { $0["workplace"] as? String == workplace }.count)
        }
    }
}
