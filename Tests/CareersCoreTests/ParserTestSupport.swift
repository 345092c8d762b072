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
