import CareersAPI
import Foundation
import CareersCore
import HTTPServer
import Testing

@Suite struct CompareTests {
    let api = sharedAPI

    func roleIDs(_ body: [String: Any]) -> [String] {
        (body["roles"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func anyPairWorksEvenWithoutAnArticle() throws {
        let response = api.call("/compare?roles=machine-learning-engineer,ai-scientist")
        #expect(response.status == 200)
        let body = response.json
        #expect(roleIDs(body) == ["machine-learning-engineer", "ai-scientist"])
        let pairs = try #require(body["pairs"] as? [[String: Any]])
        #expect(pairs.count == 1)
        #expect((pairs[0]["comparisons"] as? [String])?.isEmpty == true)
        #expect((body["sources"] as? [Any])?.isEmpty == true)
        let sections = try #require(body["sections"] as? [[String: Any]])
        #expect(sections.compactMap { $0["section"] as? String } == [
            "definitions", "responsibilities", "skills", "education", "tools", "industries", "outlook", "tips",
        ])
        for section in sections {
            let sides = section["roles"] as? [[String: Any]] ?? []
            #expect(sides.compactMap { $0["id"] as? String } == ["machine-learning-engineer", "ai-scientist"])
        }
    }

    @Test func titlesTyposAndLetteredFormAgree() {
        let byID = api.call("/compare?roles=machine-learning-engineer,lead-machine-learning-engineer")
        let byTitle = api.call("/compare?roles=Machine%20Learning%20Engineer,lead+machine+learning+engineer")
        let byTypo = api.call("/compare?roles=ml+engneer,Lead%20ML%20Engineer")
        let lettered = api.call("/compare?a=machine-learning-engineer&b=lead-machine-learning-engineer")
        #expect(byID.status == 200)
        #expect(byTitle.body == byID.body)
        #expect(byTypo.body == byID.body)
        #expect(lettered.body == byID.body)
        #expect(byID.headers["ETag"] == lettered.headers["ETag"])
        #expect(api.call("/compare?roles=machine-learning-engineer&roles=lead-machine-learning-engineer").body == byID.body)
    }

    @Test func sourcesAreTheArticlesComparingAPair() throws {
        let body = api.call("/compare?roles=machine-learning-engineer,lead-machine-learning-engineer").json
        let sources = try #require(body["sources"] as? [[String: Any]])
        #expect(sources.compactMap { $0["id"] as? String } == ["machine-learning-engineer-vs-lead-machine-learning-engineer"])
    }

    /// The ids of an overlap bucket's items.
    func ids(_ items: Any?) -> [String] {
        (items as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func pairSharesEntitiesNamedInBothRolesSentences() throws {
        let body = api.call("/compare?roles=lead-machine-learning-engineer,software-data-engineer").json
        let overlap = try #require(body["overlap"] as? [String: [String: Any]])
        let skills = ids(overlap["skills"]?["shared"])
        #expect(skills.contains("python"))
        #expect(skills.contains("java"))
    }

    @Test func everyEntityIsPlacedExactlyOnceAcrossBuckets() throws {
        let all = api.repository.roles.prefix(5).map(\.id)
        for count in 2...5 {
            let roles = Array(all.prefix(count))
            let body = api.call("/compare?roles=" + roles.joined(separator: ",")).json
            let overlap = try #require(body["overlap"] as? [String: [String: Any]])
            for section in EntitySection.allCases {
                let bucket = try #require(overlap[section.rawValue])
                var placed = ids(bucket["shared"]) + ids(bucket["some"])
                for side in bucket["only"] as? [[String: Any]] ?? [] { placed += ids(side["items"]) }
                let expected = Set(roles.flatMap { api.repository.role(id: $0)?.entities[section].map(\.id) ?? [] })
                #expect(placed.count == Set(placed).count, "\(section) placed twice for \(roles)")
                #expect(Set(placed) == expected, "\(section) for \(roles)")
                for item in bucket["some"] as? [[String: Any]] ?? [] {
                    let named = item["roles"] as? [String] ?? []
                    #expect(named.count > 1 && named.count < count)
                }
            }
        }
    }

    @Test func threeRoleCompareKeepsWhatTwoShare() throws {
        let body = api.call("/compare?roles=machine-learning-engineer,lead-machine-learning-engineer,ai-scientist").json
        let overlap = try #require(body["overlap"] as? [String: [String: Any]])
        let some = try #require(overlap["tools"]?["some"] as? [[String: Any]])
        let git = try #require(some.first { $0["id"] as? String == "git" })
        #expect(git["roles"] as? [String] == ["lead-machine-learning-engineer", "ai-scientist"])
        let shared = ids(overlap["tools"]?["shared"])
        #expect(shared.contains("pytorch"))
    }

    @Test func pairTransitionListsWhatTheSecondRoleAdds() throws {
        let body = api.call("/compare?roles=lead-machine-learning-engineer,software-data-engineer").json
        let transition = try #require(body["transition"] as? [String: Any])
        #expect(transition["from"] as? String == "lead-machine-learning-engineer")
        #expect(transition["to"] as? String == "software-data-engineer")
        let learn = try #require(transition["learn"] as? [String: Any])
        let lead = try #require(api.repository.role(id: "lead-machine-learning-engineer"))
        let data = try #require(api.repository.role(id: "software-data-engineer"))
        for section in EntitySection.allCases {
            let expected = data.entities[section].map(\.id).filter { id in !lead.entities[section].contains { $0.id == id } }
            #expect(ids(learn[section.rawValue]) == expected)
        }
        let tools = ids(learn["tools"])
        #expect(tools.contains("apache-kafka"))
        let three = api.call("/compare?roles=machine-learning-engineer,lead-machine-learning-engineer,ai-scientist").json
        #expect(three["transition"] is NSNull)
    }

    @Test func compareAndRoleAgreeOnToolNames() throws {
        let roles = api.repository.roles.map(\.id)
        for (i, a) in roles.enumerated() {
            for b in roles[(i + 1)...] {
                let body = api.call("/compare?roles=\(a),\(b)").json
                let overlap = try #require(body["overlap"] as? [String: [String: Any]])
                let bucket = try #require(overlap["tools"])
                var names: [String: String] = [:]
                var items = (bucket["shared"] as? [[String: Any]] ?? []) + (bucket["some"] as? [[String: Any]] ?? [])
                for side in bucket["only"] as? [[String: Any]] ?? [] { items += side["items"] as? [[String: Any]] ?? [] }
                for item in items { names[item["id"] as? String ?? ""] = item["name"] as? String }
                for id in [a, b] {
                    let tools = api.call("/roles/\(id)").json["tools"] as? [[String: Any]] ?? []
                    for tool in tools {
                        let toolID = try #require(tool["id"] as? String)
                        #expect(names[toolID] == tool["name"] as? String, "\(toolID) in \(a) vs \(b)")
                    }
                }
            }
        }
    }

    @Test func threeToFiveRolesGiveEveryPair() throws {
        let all = api.repository.roles.prefix(5).map(\.id)
        let five = api.call("/compare?roles=" + all.joined(separator: ","))
        #expect(five.status == 200)
        #expect((five.json["pairs"] as? [Any])?.count == 10)
        let three = api.call("/compare?a=\(all[0])&b=\(all[1])&c=\(all[2])")
        #expect((three.json["pairs"] as? [Any])?.count == 3)
        #expect(roleIDs(three.json) == Array(all.prefix(3)))
        let lettered = api.call("/compare?a=\(all[0])&b=\(all[1])&c=\(all[2])&d=\(all[3])&e=\(all[4])")
        #expect(lettered.body == five.body)
        let gaps = api.call("/compare?b=\(all[0])&e=\(all[1])")
        #expect(roleIDs(gaps.json) == Array(all.prefix(2)))
    }

    @Test func unknownRoleIs404WithSuggestions() {
        let response = api.call("/compare?roles=machine-learning-engineer,zzqqxxyy")
        expectProblem(response, status: 404, naming: "roles")
        #expect((response.json["detail"] as? String)?.contains("zzqqxxyy") == true)
        #expect((response.json["suggestions"] as? [String])?.isEmpty == false)
        expectProblem(api.call("/compare?a=machine-learning-engineer&b=zzqqxxyy"), status: 404, naming: "b")
    }

    @Test func theSameRoleTwiceIs400() {
        expectProblem(api.call("/compare?roles=machine-learning-engineer,ML%20Engineer"), status: 400, naming: "roles")
    }
}
