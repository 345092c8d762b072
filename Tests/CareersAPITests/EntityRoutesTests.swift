import CareersAPI
import CareersCore
import Foundation
import Testing

@Suite struct EntityRoutesTests {
    let api = sharedAPI

    func items(_ target: String) -> [[String: Any]] {
        api.call(target).json["items"] as? [[String: Any]] ?? []
    }

    @Test func toolsListTheSeedsToolsWithIDs() {
        let response = api.call("/tools?limit=100")
        #expect(response.status == 200)
        let ids = (response.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        for id in ["python", "tensorflow", "apache-spark", "azure-machine-learning", "talend", "latex"] {
            #expect(ids.contains(id), "\(id)")
        }
        #expect(ids == ids.sorted())
        #expect(response.json["total"] as? Int == ids.count)
    }

    @Test func anEntityListsTheRolesAndJobsThatNameIt() throws {
        let spark = api.call("/tools/apache-spark").json
        #expect(spark["name"] as? String == "Apache Spark")
        #expect((spark["aliases"] as? [String])?.contains("Spark") == true)
        let roles = try #require(spark["roles"] as? [[String: Any]])
        #expect(roles.compactMap { $0["id"] as? String } == ["ai-scientist", "lead-machine-learning-engineer", "software-data-engineer"])
        #expect(roles.allSatisfy { ($0["articles"] as? Int ?? 0) >= 1 })
        let aws = api.call("/tools/aws").json["jobs"] as? [[String: Any]] ?? []
        #expect(aws.contains { ($0["title"] as? String)?.contains("AWS") == true })
    }

    @Test func skillsAndIndustriesHaveTheSameShape() {
        #expect(api.call("/skills/python").status == 200)
        #expect(api.call("/industries/healthcare").status == 200)
        #expect(Set(api.call("/skills/python").json.keys) == Set(api.call("/tools/python").json.keys))
        #expect(Set(api.call("/industries/healthcare").json.keys) == Set(api.call("/tools/python").json.keys))
    }

    @Test func listsFilterByQueryCategoryAndRole() {
        let languages = items("/tools?category=language&limit=100").compactMap { $0["id"] as? String }
        #expect(languages.contains("python") && !languages.contains("tensorflow"))
        let learning = items("/skills?q=LEARNING&limit=100").compactMap { $0["id"] as? String }
        #expect(learning.contains("machine-learning") && !learning.contains("python"))
        let scientist = items("/industries?role=AI%20Scientist&limit=100").compactMap { $0["id"] as? String }
        #expect(scientist.contains("robotics") && !scientist.contains("finance"))
    }

    @Test func unknownEntityIDIs404WithSuggestions() {
        let response = api.call("/tools/spark")
        expectProblem(response, status: 404)
        #expect(response.json["suggestions"] as? [String] == ["apache-spark"])
    }

    @Test func roleFiltersTakeEntityIDsOrNames() {
        let byID = api.call("/roles?tool=apache-spark").json["items"] as? [[String: Any]]
        let byName = api.call("/roles?tool=Spark").json["items"] as? [[String: Any]]
        #expect(byID?.count == 3)
        #expect(byName?.count == byID?.count)
    }

    @Test func roleFilterNamingNoEntityIs400WithSuggestions() {
        for parameter in ["skill", "tool", "industry"] {
            expectProblem(api.call("/roles?\(parameter)=zzqqxx"), status: 400, naming: parameter)
        }
        let typo = api.call("/roles?skill=pyhton")
        expectProblem(typo, status: 400, naming: "skill")
        #expect(typo.json["suggestions"] as? [String] == ["python"])
    }

    @Test func unknownRoleFilterOnEntitiesIs400() {
        expectProblem(api.call("/tools?role=zzqqxx"), status: 400, naming: "role")
    }

    @Test func roleFacetCountsAreWhatFilteringByEachValueGives() throws {
        let body = api.call("/roles?facets=skill,tool,industry&facet_limit=100&industry=healthcare").json
        let facets = try #require(body["facets"] as? [String: [[String: Any]]])
        #expect(Set(facets.keys) == ["skill", "tool", "industry"])
        for (dimension, values) in facets {
            #expect(!values.isEmpty)
            let counts = values.compactMap { $0["count"] as? Int }
            #expect(counts == counts.sorted(by: >))
            for value in values {
                let id = try #require(value["id"] as? String)
                var filters = ["industry": "healthcare"]
                filters[dimension] = id
                let query = filters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
                #expect(api.call("/roles?\(query)").json["total"] as? Int == value["count"] as? Int, "\(dimension)=\(id)")
            }
        }
        #expect(api.call("/roles").json["facets"] == nil)
    }

    @Test func unknownFacetIs400() {
        expectProblem(api.call("/roles?facets=skill,colour"), status: 400, naming: "facets")
    }

    /// Every response of the seeds: wherever an object has an `id` and a `name`, the name is the
    /// same for that id (one normaliser for `/roles`, `/roles/{id}`, `/compare`, `/comparisons/{id}`,
    /// filters and the entity resources).
    @Test func everyResponseGivesOneNamePerID() {
        var targets = ["/roles?limit=100", "/tools?limit=100", "/skills?limit=100", "/industries?limit=100"]
        let roles = api.repository.roles.map(\.id)
        targets += roles.map { "/roles/" + $0 }
        targets += api.repository.articles.map { "/comparisons/" + $0.id }
        for (i, a) in roles.enumerated() {
            for b in roles[(i + 1)...] { targets.append("/compare?roles=\(a),\(b)") }
        }
        targets.append("/compare?roles=" + roles.prefix(5).joined(separator: ","))
        for type in ["tools", "skills", "industries"] {
            for item in items("/\(type)?limit=100") { targets.append("/\(type)/" + (item["id"] as? String ?? "")) }
        }
        var names: [String: Set<String>] = [:]
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let id = object["id"] as? String, let name = object["name"] as? String { names[id, default: []].insert(name) }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        for target in targets {
            let response = api.call(target)
            #expect(response.status == 200, "\(target)")
            walk(response.json)
        }
        #expect(names["azure-machine-learning"] == ["Azure Machine Learning"])
        #expect(names["apache-spark"] == ["Apache Spark"])
        for (id, spellings) in names { #expect(spellings.count == 1, "\(id): \(spellings.sorted())") }
    }
}
