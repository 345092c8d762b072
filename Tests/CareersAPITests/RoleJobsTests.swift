import CareersAPI
import CareersCore
import Foundation
import Testing

/// Jobs and roles linked both ways: `Job.roles` with reasons, `/jobs?role=` in reason order,
/// `/roles/{id}` with its job count and link, `/salaries?role=` over the same jobs.
@Suite struct RoleJobsTests {
    let api = sharedAPI
    static let reasonRank = ["title": 0, "similar": 1, "featured": 2]

    @Test func everyJobListsItsRolesWithAReason() throws {
        let items = try #require(api.call("/jobs?limit=100").json["items"] as? [[String: Any]])
        #expect(!items.isEmpty)
        for job in items {
            let roles = try #require(job["roles"] as? [[String: Any]])
            #expect(!roles.isEmpty, "\(job["title"] ?? "")")
            for link in roles {
                #expect(Set(link.keys) == ["id", "title", "reason", "score"])
                #expect(Self.reasonRank[link["reason"] as? String ?? ""] != nil)
                #expect(api.repository.role(id: link["id"] as? String ?? "")?.title == link["title"] as? String)
            }
        }
    }

    @Test(arguments: ["lead-machine-learning-engineer", "machine-learning-engineer", "ai-scientist", "software-data-engineer", "deep-learning-engineer"])
    func roleJobsComeTitleThenSimilarThenFeaturedWithTheirReason(role: String) throws {
        let body = api.call("/jobs?limit=100&role=" + role).json
        let items = try #require(body["items"] as? [[String: Any]])
        #expect(!items.isEmpty)
        let ranks = items.map { Self.reasonRank[$0["reason"] as? String ?? ""] ?? -1 }
        #expect(!ranks.contains(-1))
        #expect(ranks == ranks.sorted(), "\(role): \(ranks)")
        for job in items {
            let link = (job["roles"] as? [[String: Any]])?.first { $0["id"] as? String == role }
            #expect(link?["reason"] as? String == job["reason"] as? String)
            #expect(link?["score"] as? Double == job["score"] as? Double)
        }
        let roleDoc = api.call("/roles/" + role).json
        let jobs = try #require(roleDoc["jobs"] as? [String: Any])
        #expect(jobs["count"] as? Int == body["total"] as? Int)
        #expect(jobs["href"] as? String == "/jobs?role=" + role)
        // Salaries for the role are over the same jobs.
        let plausible = items.filter { (($0["salary"] as? [String: Any])?["plausible"] as? Bool) == true }.count
        let salaries = api.call("/salaries?role=" + role).json
        #expect(salaries["count"] as? Int == plausible)
        #expect(plausible > 0)
    }

    @Test func jobsWithoutRoleFilterCarryNoReason() throws {
        let items = try #require(api.call("/jobs?limit=5").json["items"] as? [[String: Any]])
        #expect(items.allSatisfy { $0["reason"] == nil && $0["score"] == nil })
        let phrase = try #require(api.call("/jobs?role=data%20engineer").json["items"] as? [[String: Any]])
        #expect(phrase.allSatisfy { $0["reason"] == nil })
    }

    @Test func inheritedToolsNameTheirRole() throws {
        let tools = try #require(api.call("/roles/lead-machine-learning-engineer").json["tools"] as? [[String: Any]])
        let scala = try #require(tools.first { $0["name"] as? String == "Scala" })
        #expect(scala["inherited_from"] as? String == "machine-learning-engineer")
        #expect(scala["inherited_in"] as? [String] == ["machine-learning-engineer-vs-lead-machine-learning-engineer"])
        let jira = try #require(tools.first { $0["name"] as? String == "Jira" })
        #expect(jira["inherited_from"] is NSNull)
    }
}
