import CareersAPI
import CareersCore
import Foundation
import HTTPServer
import Testing

@Suite struct RolesTests {
    let api = sharedAPI

    func ids(_ response: HTTPResponse) -> [String] {
        (response.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func listIsTheEnvelopeOfEveryRole() throws {
        let response = api.call("/roles")
        #expect(response.status == 200)
        let body = response.json
        #expect(Set(body.keys) == ["items", "total", "limit", "offset", "next"])
        #expect(body["total"] as? Int == api.repository.roles.count)
        #expect(body["limit"] as? Int == 20)
        #expect(body["offset"] as? Int == 0)
        #expect(body["next"] is NSNull)
        #expect(ids(response) == api.repository.roles.map(\.id))
        let first = try #require((body["items"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["id", "title", "aliases", "summary", "comparisons", "related", "jobs", "href"])
    }

    @Test func searchForgivesTyposAndKnowsAliases() {
        #expect(ids(api.call("/roles?q=ml+engneer")).first == "machine-learning-engineer")
        #expect(ids(api.call("/roles?q=ML%20Engineer")).first == "machine-learning-engineer")
        #expect(ids(api.call("/roles?q=MACHINE%20LEARNING%20ENGINEER")).first == "machine-learning-engineer")
        #expect(ids(api.call("/roles?q=ai+scientst")).first == "ai-scientist")
        #expect(ids(api.call("/roles?q=zzzzqqqq")).isEmpty)
    }

    @Test func filtersBySkillToolAndIndustry() throws {
        let tensorflow = ids(api.call("/roles?tool=tensorflow"))
        #expect(!tensorflow.isEmpty)
        for id in tensorflow {
            let role = try #require(api.repository.role(id: id))
            #expect(role.tools.contains { $0.name.lowercased() == "tensorflow" })
        }
        let withoutTensorFlow = api.repository.roles.filter { !$0.tools.contains { $0.name.lowercased() == "tensorflow" } }
        #expect(Set(tensorflow).isDisjoint(with: withoutTensorFlow.map(\.id)))
        let python = ids(api.call("/roles?skill=python"))
        #expect(!python.isEmpty)
        let healthcare = ids(api.call("/roles?industry=healthcare"))
        #expect(!healthcare.isEmpty)
        let combined = ids(api.call("/roles?tool=tensorflow&industry=healthcare&skill=python"))
        #expect(Set(combined).isSubset(of: Set(tensorflow).intersection(healthcare).intersection(python)))
        expectProblem(api.call("/roles?tool=no-such-tool-anywhere"), status: 400, naming: "tool")
    }

    @Test func pagesLinkToTheNextWithTheQueryKept() {
        let first = api.call("/roles?q=engineer&limit=1")
        let total = first.json["total"] as? Int ?? 0
        #expect(total > 1)
        #expect(first.json["next"] as? String == "/roles?q=engineer&limit=1&offset=1")
        let last = api.call("/roles?q=engineer&limit=1&offset=\(total - 1)")
        #expect(last.json["next"] is NSNull)
        #expect(ids(api.call("/roles?offset=999")).isEmpty)
    }

    @Test func detailHasEverySectionWithProvenance() throws {
        let response = api.call("/roles/machine-learning-engineer")
        #expect(response.status == 200)
        let role = response.json
        for key in [
            "id", "title", "aliases", "summary", "definitions", "responsibilities", "skills", "education", "tools", "industries",
            "outlook", "tips", "comparisons", "related",
        ] {
            #expect(role.keys.contains(key), "missing \(key)")
        }
        #expect(role["title"] as? String == "Machine Learning Engineer")
        let skills = try #require(role["skills"] as? [[String: Any]])
        #expect(!skills.isEmpty)
        let articleIDs = Set(api.repository.articles.map(\.id))
        for item in skills {
            let sources = item["sources"] as? [String] ?? []
            #expect(!sources.isEmpty && Set(sources).isSubset(of: articleIDs))
            #expect(item.keys.contains("label"))
        }
        let tools = try #require(role["tools"] as? [[String: Any]])
        #expect(tools.allSatisfy { $0["name"] is String && $0.keys.contains("category") && $0["sources"] is [String] })
        #expect((role["definitions"] as? [[String: Any]])?.allSatisfy { articleIDs.contains($0["source"] as? String ?? "") } == true)
        #expect((role["comparisons"] as? [String])?.contains("machine-learning-engineer-vs-lead-machine-learning-engineer") == true)
        #expect((role["related"] as? [String])?.contains("lead-machine-learning-engineer") == true)
    }

    @Test func everyRoleDocumentIsServed() {
        for role in api.repository.roles {
            let response = api.call("/roles/" + role.id)
            #expect(response.status == 200)
            #expect(response.json["id"] as? String == role.id)
        }
    }

    @Test func unknownRoleSuggestsClosestIDs() {
        let response = api.call("/roles/machine-lerning-engineer")
        expectProblem(response, status: 404)
        #expect((response.json["detail"] as? String)?.contains("machine-lerning-engineer") == true)
        #expect((response.json["suggestions"] as? [String])?.first == "machine-learning-engineer")
        expectProblem(api.call("/roles/%ZZ"), status: 404)
        expectProblem(api.call("/roles/a%2Fb"), status: 404)
    }
}
