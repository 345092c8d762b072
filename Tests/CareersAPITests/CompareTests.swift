import CareersAPI
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

    @Test func sharedAndOnlyAreOnNormalisedNames() throws {
        let body = api.call("/compare?roles=machine-learning-engineer,lead-machine-learning-engineer").json
        let overlap = try #require(body["overlap"] as? [String: [String: Any]])
        let tools = try #require(overlap["tools"])
        let shared = try #require(tools["shared"] as? [String])
        #expect(shared.contains("TensorFlow"))
        let only = try #require(tools["only"] as? [[String: Any]])
        #expect(only.compactMap { $0["id"] as? String } == ["machine-learning-engineer", "lead-machine-learning-engineer"])
        let mine = Set((only[0]["items"] as? [String] ?? []).map { $0.lowercased() })
        let theirs = Set((only[1]["items"] as? [String] ?? []).map { $0.lowercased() })
        #expect(mine.isDisjoint(with: theirs))
        #expect(mine.isDisjoint(with: shared.map { $0.lowercased() }))
        let lead = try #require(api.repository.role(id: "lead-machine-learning-engineer"))
        let leadTools = Set(lead.tools.map { $0.name.lowercased() })
        #expect(mine.isDisjoint(with: leadTools))
        #expect(Set(shared.map { $0.lowercased() }).isSubset(of: leadTools))
        for key in ["skills", "industries"] {
            #expect(overlap[key]?["shared"] is [String])
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
