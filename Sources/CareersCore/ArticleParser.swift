/// Why a file could not be read as an article. `line` is 1-based where it applies.
public struct ArticleRejection: Error, Sendable, Hashable, Codable {
    public var file: String
    public var reason: String
    public var line: Int?

    public init(file: String, reason: String, line: Int? = nil) {
        self.file = file
        self.reason = reason
        self.line = line
    }
}

/// Reads one article's bytes into an `Article`. (Stub: the article-parser issue fills it in.)
public enum ArticleParser {
    public static func parse(bytes: [UInt8], fileName: String) throws(ArticleRejection) -> Article {
        throw ArticleRejection(file: fileName, reason: "parser not implemented yet")
    }
}
