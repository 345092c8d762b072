import Foundation
import CareersCore

/// Parses an inline article; `text` is used byte for byte (so CRLF and BOMs survive).
func parseArticle(_ text: String, fileName: String = "data-scientist-vs-data-engineer.txt") throws -> Article {
    try ArticleParser.parse(bytes: Array(text.utf8), fileName: fileName)
}

func rejection(_ bytes: [UInt8], fileName: String = "bad.txt") -> ArticleRejection? {
    do {
        _ = try ArticleParser.parse(bytes: bytes, fileName: fileName)
        return nil
    } catch {
        return error
    }
}

extension Article {
    func profile(_ title: String) -> RoleProfile? { profiles.first { $0.title == title } }
    func section(_ kind: SectionKind) -> ArticleSection? { sections.first { $0.kind == kind } }
}

/// A minimal article of the site's usual shape, for tests that vary only one part of it.
func sampleArticle(definitions: String = defaultDefinitions, body: String = "", jobs: String = "") -> String {
    """
    Data Scientist vs. Data Engineer

    Data Scientist vs Data Engineer: A Comparison

    3 min read · Jan. 5, 2024
    Table of contents

    Two roles compared.

    \(definitions)

    \(body)

    \(jobs)
    """
}

let defaultDefinitions = """
    Definitions

    Data Scientist: A Data Scientist analyses data.

    Data Engineer: A Data Engineer builds pipelines.
    """

/// Article parts several parser suites build on.
enum ParserFixtures {
    static let skills = """
        Required Skills
        Data Scientist
        - Statistics.
        - Python.
        Data Engineer
        - SQL.
        """

    /// A Featured Job block of the usual layout.
    static let featuredJob = """
        Featured Job 👀
        Senior Data Scientist

        @ Acme | Berlin, Germany

        Full Time Senior-level / Expert EUR 70K - 90K
        """

    /// Tight layout: no markers, each meta line runs into the next title.
    static let gluedJobs = """
        Data Engineer
        @ Acme | Remote
        Full Time Mid-level / Intermediate USD 100K - 130KSenior Data Scientist
        @ Beta | Paris, France
        Full Time Senior-level / Expert EUR 70K - 90K
        """

    /// Per-role responsibilities and skills, shared tips and a closing paragraph.
    static let listsAndTips = """
        Responsibilities

        Data Scientist

        - Train models.

        Data Engineer

        - Build pipelines.

        Required Skills

        Data Scientist

        - Statistics.

        Data Engineer

        - SQL.

        Practical Tips

        - Build a portfolio.

        By understanding both roles you can choose the path that suits you best.
        """

    /// Per-role responsibilities only.
    static let responsibilities = """
        Responsibilities

        Data Scientist

        - Train models.

        Data Engineer

        - Build pipelines.
        """

    /// The tools of each profile, with `bullets` as the Data Scientist's tool list (Data Engineer: Airflow).
    static func toolsByRole(_ bullets: String) throws -> [String: [ToolItem]] {
        let body = """
            Tools of the Trade

            Data Scientist

            \(bullets)

            Data Engineer

            - Airflow.
            """
        let article = try parseArticle(sampleArticle(body: body))
        var result: [String: [ToolItem]] = [:]
        for profile in article.profiles { result[profile.title] = profile.tools }
        return result
    }

    /// [name, category] of the Data Scientist's tools when `line` is their one tool bullet.
    static func dataScientistTools(_ line: String) throws -> [[String?]] {
        let body = """
            Tools and Software Used

            Data Scientist

            - \(line)
            """
        let article = try parseArticle(sampleArticle(body: body))
        return (article.profile("Data Scientist")?.tools ?? []).map { [$0.name, $0.category] }
    }
}

/// The articles under Fixtures/Articles: a corpus written as a new operator's would be (older and
/// newer site templates, Markdown, HTML entities, mojibake), not edits of the seeds.
enum ParserCorpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("Articles")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func article(_ name: String) throws -> Article {
        try ArticleParser.parse(bytes: bytes(name), fileName: name)
    }
}
