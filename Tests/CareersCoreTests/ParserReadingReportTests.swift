import CareersCore
import Foundation
import Testing

/// The reading report: empty for articles read cleanly, one issue per problem line otherwise,
/// each with its file and line.
@Suite struct ParserReadingReportTests {
    @Test func seedsReportNoWarning() throws {
        var notices: [ReadingIssue] = []
        for (name, bytes) in EmbeddedArticles.all() {
            let article = try ArticleParser.parse(bytes: bytes, fileName: name)
            #expect(article.readingWarnings.isEmpty, "\(name): \(article.readingWarnings.map(\.description))")
            notices += article.readingReport.filter { $0.severity == .notice }
        }
        // One seed features a posting at "USD 1111111K": a value the loader sets aside, noticed.
        #expect(notices.map(\.kind) == [.implausibleSalary])
    }

    /// A notice is a value read as written and already set aside by the loader; everything else
    /// may leave what is served wrong or missing.
    @Test func onlyValuesTheLoaderSetsAsideAreNotices() {
        let notices = ReadingIssue.Kind.allCases.filter { $0.severity == .notice }
        #expect(notices == [.implausibleSalary])
    }

    /// The corpus articles report only the sections the schema has no place for.
    @Test func corpusReportsOnlyUnknownSections() throws {
        for name in ParserCorpus.names {
            let article = try ParserCorpus.article(name)
            #expect(article.readingReport.allSatisfy { $0.kind == .unknownSection }, "\(name): \(article.readingReport.map(\.description))")
        }
    }

    @Test func brokenArticleNamesEachProblemLine() throws {
        let url = ParserCorpus.directory.deletingLastPathComponent().appendingPathComponent("Broken")
            .appendingPathComponent("data-scientist-vs-data-engineer.txt")
        let article = try ArticleParser.parse(bytes: [UInt8](try Data(contentsOf: url)), fileName: "broken.txt")
        let found = article.readingReport.map { "\($0.line ?? 0) \($0.kind.rawValue)" }
        #expect(found == [
            "7 role_without_definition",
            "11 empty_role_list",
            "15 bullet_reads_as_lead_in",
            "24 line_not_understood",
            "26 unresolved_reference",
            "42 unresolved_reference",
            "44 unknown_section",
            "53 implausible_salary",
        ])
        #expect(article.readingReport.allSatisfy { $0.file == "broken.txt" })
        #expect(article.readingWarnings.count == 7)
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models.", "Present results."])
    }
}
