import CareersCore
import Foundation
import Testing

/// The four seed articles, parsed and merged, against the JSON committed in Golden/ (checked by
/// hand). To regenerate after an intended change: CAREERS_UPDATE_GOLDEN=1 swift test --filter Golden,
/// then review the diff line by line before committing it.
@Suite struct GoldenSeedTests {
    struct Snapshot: Codable, Equatable {
        var articles: [Article]
        var roles: [Role]
        var jobs: [Job]
        var report: LoadReport
    }

    static let goldenURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent("seeds.json")

    static func encoded(_ snapshot: Snapshot) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(snapshot) + Data("\n".utf8)
    }

    @Test func seedsMatchGoldenJSON() throws {
        let repository = Repository.embedded()
        let snapshot = Snapshot(articles: repository.articles, roles: repository.roles, jobs: repository.jobs, report: repository.report)
        let actual = try Self.encoded(snapshot)
        if ProcessInfo.processInfo.environment["CAREERS_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: Self.goldenURL)
        }
        let expected = try Data(contentsOf: Self.goldenURL)
        #expect(String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    /// The counts checked by hand against the four seed files (per role: responsibilities, skills,
    /// education, tools, industries, per-role tips; shared tips per article).
    @Test func seedCountsCheckedByHand() throws {
        let repository = Repository.embedded()
        let expected: [String: [String: [Int]]] = [
            "deep-learning-engineer-vs-lead-machine-learning-engineer": [
                "Deep Learning Engineer": [5, 5, 2, 12, 4, 0], "Lead Machine Learning Engineer": [5, 5, 3, 12, 4, 0],
            ],
            "lead-machine-learning-engineer-vs-ai-scientist": [
                "Lead Machine Learning Engineer": [6, 6, 3, 11, 0, 4], "AI Scientist": [6, 6, 4, 10, 5, 4],
            ],
            "lead-machine-learning-engineer-vs-software-data-engineer": [
                "Lead Machine Learning Engineer": [6, 6, 2, 12, 5, 0], "Software Data Engineer": [6, 6, 2, 10, 5, 0],
            ],
            "machine-learning-engineer-vs-lead-machine-learning-engineer": [
                "Machine Learning Engineer": [6, 6, 3, 16, 6, 0], "Lead Machine Learning Engineer": [6, 6, 4, 11, 6, 0],
                // Lead: 11 tools of its own; "All tools used by Machine Learning Engineers." stays an item
                // of the article, which the repository resolves to the 16 (RoleReferences).
            ],
        ]
        for (id, roles) in expected {
            let article = try #require(repository.article(id: id))
            for (role, counts) in roles {
                let profile = try #require(article.profile(role))
                let actual = [profile.responsibilities, profile.skills, profile.education].map(\.count)
                    + [profile.tools.count, profile.industries.count, profile.tips.count]
                #expect(actual == counts, "\(id) \(role)")
                #expect(profile.definition != nil, "\(id) \(role)")
            }
        }
        let sharedTips = repository.articles.map { $0.section(.tips)?.shared.count ?? 0 }
        #expect(sharedTips == [5, 0, 5, 6])
        #expect(repository.articles.map(\.jobs.count) == [5, 6, 5, 5])
        #expect(repository.articles.flatMap(\.jobs).allSatisfy { $0.salary != nil })

        let aiArticle = try #require(repository.article(id: "lead-machine-learning-engineer-vs-ai-scientist"))
        // Windows-874 mojibake repaired: "ยท" → "·" (byline), "๐Ÿ‘€" → "👀" (job markers), "โ€“" → "–".
        #expect(aiArticle.byline == "5 min read · Dec. 6, 2023")
        #expect(aiArticle.published == "2023-12-06")
        #expect(aiArticle.jobs.first?.title == "Artificial Intelligence – Bioinformatic Expert")
        #expect(aiArticle.jobs.first?.salary?.plausible == false)
        let industries = try #require(aiArticle.section(.industries))
        #expect(industries.roles.first { $0.role == "Lead Machine Learning Engineer" }?.items.isEmpty == true)

        let dataEngineer = try #require(repository.jobs.first { $0.posting.title == "Data Engineer" })
        #expect(dataEngineer.sources.count == 3)
        #expect(dataEngineer.posting.salary.map { [$0.min, $0.max] } == [100_000, 130_000])
    }
}
