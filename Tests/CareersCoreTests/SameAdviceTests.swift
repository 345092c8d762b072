import CareersCore
import Testing

/// One item per piece of advice: a role's items from different articles that say the same thing
/// (same label, or content words overlapping by Jaccard ≥ 0.75) are one item with every source.
@Suite struct SameAdviceTests {
    static let seeds = Repository.embedded()

    static func article(_ file: String, tips: [String], skills: [String] = []) throws -> Article {
        try scientistVersusAnalyst("""
            Required Skills
            Data Scientist
            \(skills.map { "- " + $0 }.joined(separator: "\n"))
            Data Analyst
            - Spreadsheets.
            Practical Tips for Getting Started
            \(tips.map { "- " + $0 }.joined(separator: "\n"))
            """, file: file)
    }

    @Test func seedLeadHasEachTipOnce() throws {
        let lead = try #require(Self.seeds.role(id: "lead-machine-learning-engineer"))
        for label in ["Build a Strong Foundation", "Stay Updated", "Network", "Gain Practical Experience"] {
            let items = lead.tips.filter { $0.label == label }
            #expect(items.count == 1, "\(label)")
            // Other wordings are kept with their article (identical ones add only a source).
            #expect(items.first.map { !$0.variants.isEmpty && Set($0.variants.map(\.source)).isSubset(of: $0.sources) } == true, "\(label)")
        }
        #expect(lead.tips.first { $0.label == "Build a Strong Foundation" }?.sources.count == 3)
        #expect(lead.tips.count == 13)
        #expect(lead.responsibilities.count == 22)
    }

    @Test func sameLabelFromDifferentArticlesIsOneItemWithVariants() throws {
        let repository = Repository(articles: [
            try Self.article("a.txt", tips: ["Stay Updated: Follow industry blogs and attend conferences."]),
            try Self.article("b.txt", tips: ["Stay updated: Read research papers every week."]),
        ])
        let tips = try #require(repository.role(id: "data-scientist")?.tips)
        #expect(tips.count == 1)
        #expect(tips.first?.text == "Follow industry blogs and attend conferences.")
        #expect(tips.first?.sources == ["a", "b"])
        #expect(tips.first?.variants == [ItemVariant(label: "Stay updated", text: "Read research papers every week.", source: "b")])
    }

    @Test func highContentWordOverlapIsOneItemLowIsTwo() throws {
        let repository = Repository(articles: [
            try Self.article("a.txt", tips: [], skills: [
                "Lead and mentor a team of machine learning engineers and data scientists.",
                "Excellent communication and collaboration abilities.",
            ]),
            try Self.article("b.txt", tips: [], skills: [
                // 6 of 8 content words shared (0.75): the same advice.
                "Lead and mentor a team of data scientists and engineers.",
                // 3 of 5 (0.6): different advice.
                "Excellent communication and leadership abilities.",
            ]),
        ])
        let skills = try #require(repository.role(id: "data-scientist")?.skills)
        #expect(skills.map(\.text) == [
            "Lead and mentor a team of machine learning engineers and data scientists.",
            "Excellent communication and collaboration abilities.",
            "Excellent communication and leadership abilities.",
        ])
        #expect(skills.first?.sources == ["a", "b"])
        #expect(skills.first?.variants.map(\.text) == ["Lead and mentor a team of data scientists and engineers."])
    }

    @Test func itemsOfOneArticleAreNeverMerged() throws {
        let repository = Repository(articles: [
            try Self.article("a.txt", tips: [
                "Network: Join meetups and conferences.", "Network: Connect with peers on LinkedIn.",
                "Learn Python and SQL for data analysis.", "Learn Python and SQL for data analysis work.",
            ]),
        ])
        #expect(repository.role(id: "data-scientist")?.tips.count == 4)
    }
}
