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

/// Reads one article's bytes into an `Article`: decoding and repair (`ArticleLines`), then one
/// pass over the lines (`ArticleAssembler`) and the job postings (`JobParser`).
public enum ArticleParser {
    public static func parse(bytes: [UInt8], fileName: String) throws(ArticleRejection) -> Article {
        let lines = try ArticleLines.read(bytes: bytes, fileName: fileName)
        var assembler = ArticleAssembler(id: articleID(fileName: fileName), fileName: fileName, lines: lines)
        return try assembler.assemble()
    }

    /// Slug of the file name without its extension.
    public static func articleID(fileName: String) -> String {
        let base = fileName.splitFast(separators: [UInt8(ascii: "/")]).last.map(String.init) ?? fileName
        let stem = base.lastIndex(of: ".").map { String(base[..<$0]) } ?? base
        let slug = TextKey.slug(stem)
        return slug.isEmpty ? "article-" + TextKey.hex(TextKey.fnv1a64(base)).prefix(8) : slug
    }
}
