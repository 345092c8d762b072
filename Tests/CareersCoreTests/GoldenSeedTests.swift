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
}
