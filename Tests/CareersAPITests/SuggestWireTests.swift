import CareersAPI
import CareersCore
import Foundation
import HTTPServer
import Testing

/// `/suggest` over real sockets, on the seeds.
@Suite(.serialized) struct SuggestWireTests {
    let live: LiveServer

    init() throws {
        live = try LiveServer(CareersAPI(repository: sharedAPI.repository))
    }

    func items(_ query: String) throws -> [[String: Any]] {
        let response = try live.get("/suggest?" + query)
        #expect(response.status == 200, "\(query): \(String(decoding: response.body, as: UTF8.self))")
        return try #require(response.json["items"] as? [[String: Any]])
    }

    @Test func everySuggestionHasTypeIdTextAndAWorkingHref() throws {
        let found = try items("q=a&limit=50")
        #expect(!found.isEmpty)
        for item in found {
            #expect(Set(item.keys) == ["type", "id", "text", "href"])
            let href = try #require(item["href"] as? String)
            let target = sharedAPI.call(href)  // in process: one follow-up per suggestion
            #expect(target.status == 200, "\(href)")
            if item["type"] as? String == "company" { #expect((target.json["total"] as? Int ?? 0) > 0, "\(href)") }
        }
    }

    @Test func prefixThenTyposRolesAndCompanies() throws {
        #expect(try items("q=lead%20mach&types=role").first?["id"] as? String == "lead-machine-learning-engineer")
        #expect(try items("q=machne%20lerning&types=role").first?["text"] as? String == "Machine Learning Engineer")
        let company = try #require(sharedAPI.repository.jobs.compactMap(\.posting.company).first)
        let found = try items("q=\(FacetWireTests.encoded(String(company.prefix(4))))&types=company")
        #expect(found.contains { $0["text"] as? String == company })
        #expect(found.allSatisfy { $0["type"] as? String == "company" })
    }

    /// Skills and tools are suggested by default, each with its entity resource as href.
    @Test func skillsAndToolsLinkToTheirEntities() throws {
        for (type, path) in [("skill", "/skills/"), ("tool", "/tools/")] {
            let entity = try #require(sharedAPI.repository.knowledge.list(type == "skill" ? .skill : .tool).first)
            let query = FacetWireTests.encoded(entity.name)
            let typed = try items("q=\(query)&types=\(type)&limit=50")
            #expect(typed.allSatisfy { $0["type"] as? String == type })
            let item = try #require(typed.first { $0["id"] as? String == entity.id }, "\(entity.name)")
            #expect(item["href"] as? String == path + entity.id)
            #expect(item["text"] as? String == entity.name)
            #expect(try items("q=\(query)&limit=50").contains { $0["type"] as? String == type && $0["id"] as? String == entity.id })
        }
    }

    @Test func limitIsHonoured() throws {
        #expect(try items("q=e&limit=2").count <= 2)
        #expect(try items("q=e&limit=50").count > 2)
    }

    @Test(arguments: ["", "q=", "q=%20%20", "q=x&types=industry,role", "q=x&types=", "q=x&limit=0", "q=x&limit=51", "q=x&bogus=1"])
    func badRequestsAre400NamingTheParameter(query: String) throws {
        let response = try live.get("/suggest?" + query)
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        let names = (response.json["invalid_params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        let expected = query.isEmpty ? "q" : String((query.split(separator: "&").last ?? "").prefix { $0 != "=" })
        #expect(names == [expected], "\(query)")
    }
}
