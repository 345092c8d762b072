import CareersCore
import Testing

@Suite struct ParserRejectionTests {
    @Test func emptyFileIsRejected() {
        #expect(rejection([])?.reason == "empty file")
        #expect(rejection(Array(" \n\r\n\t".utf8))?.reason == "empty file")
    }

    @Test func binaryFileIsRejectedWithLine() {
        let bytes = Array("Title vs. Other\nline two\n".utf8) + [0x00, 0x01, 0xFF]
        let rejected = rejection(bytes)
        #expect(rejected?.reason.hasPrefix("not text") == true)
        #expect(rejected?.line == 3)
        #expect(rejected?.file == "bad.txt")
    }

    /// More than a few control bytes make a file binary (the first one is named); a few, or
    /// tabs and escapes, do not; a NUL anywhere does, named even after other control bytes.
    @Test func controlBytesDecideBinaryContent() {
        let title = Array("Title vs. Other\n".utf8)
        let many = title + (0..<9).flatMap { _ in Array("abcdefghij".utf8) + [0x01] }
        #expect(rejection(many)?.reason == "not text: binary content (byte 0x1 at offset 26)")
        let few = title + (0..<8).flatMap { _ in Array("abcdefghij".utf8) + [0x01] } + Array("\t\u{1B}x".utf8)
        #expect(rejection(few)?.reason.hasPrefix("not text") != true)
        let nulAfterControls = title + [0x01, 0x02] + Array("abcdefghijklmnop".utf8) + [0x00]
        #expect(rejection(nulAfterControls)?.reason == "not text: binary content (byte 0x0 at offset 34)")
    }

    @Test func textWithoutArticleStructureIsRejected() {
        let rejected = rejection(Array("Just a note\nabout nothing in particular.\n".utf8))
        #expect(rejected?.reason.hasPrefix("no recognisable article structure") == true)
        #expect(rejected?.line != nil)
    }

    @Test func pathologicalInputIsRejectedQuickly() {
        let longLine = [UInt8](repeating: UInt8(ascii: "a"), count: 100_000)
        #expect(rejection(Array("A vs. B\n".utf8) + longLine)?.line == 2)
        let huge = [UInt8](repeating: UInt8(ascii: "\n"), count: 5 << 20)
        #expect(rejection(huge)?.reason.hasPrefix("file too large") == true)
    }

    /// Many short lines of every kind the classifier looks at must still parse in linear time.
    @Test func manyTrickyLinesParse() throws {
        let line = "- Skills: a, b, or c\n-\nÂ·ðŸ‘€ Data Scientist: The responsibilities include:\n@ X | Y\n"
        let text = sampleArticle(body: "Required Skills\n" + String(repeating: line, count: 1_000))
        let article = try parseArticle(text)
        #expect(article.roles.count == 2)
    }
}

/// Pages that are not articles of this family are rejected whole, with a reason.
@Suite struct ParserNonArticleTests {
    @Test(arguments: [
        "<!DOCTYPE html>\n<html><head><title>Data Scientist vs. Data Engineer</title></head>\n<body>\n<h2>Definitions</h2>\n<p>A Data Scientist analyses data.</p>\n</body></html>\n",
        "<html>\n<head>\n<title>Data Scientist vs. Data Engineer</title>\n</head>\n<body>\n<h2>Responsibilities</h2>\n</body>\n</html>\n",
    ])
    func htmlPageSavedAsTextIsRejected(page: String) {
        let rejected = rejection(Array(page.utf8), fileName: "page.txt")
        #expect(rejected?.reason.hasPrefix("not an article: an HTML page") == true)
        #expect(rejected?.line == 1)
    }

    /// A title and 3 MiB of prose without one known section heading: no structure, rejected (the
    /// time it takes is measured by Benchmarks/scale, not here).
    @Test func largeFileWithTitleAndNoSectionsIsRejected() {
        var text = "Data Scientist vs. Data Engineer\n\n"
        let paragraph = "Some Thoughts About Work\n\nThis paragraph talks about many things at length, none of them a section of the article, and it goes on.\n\n"
        while text.utf8.count < 3 << 20 { text += paragraph }
        let rejected = rejection(Array(text.utf8))
        #expect(rejected?.reason.hasPrefix("no recognisable article structure") == true)
    }
}

/// Inputs that once made a path super-linear (a line of many "[", a long run of "*"): each line
/// is now read in one pass. Without the fix these took minutes; with it, milliseconds.
@Suite struct ParserLinearTimeTests {
    @Test(arguments: ["[", "*", "_", "&", "[a](", "**x", "- "])
    func longRunsOfMarkupParse(unit: String) throws {
        let line = String(repeating: unit, count: 19_000 / unit.utf8.count)
        let text = sampleArticle(body: "Required Skills\nData Scientist\n- " + line + "\n" + line + "\n")
        let article = try parseArticle(text)
        #expect(article.roles.count == 2)
    }
}
