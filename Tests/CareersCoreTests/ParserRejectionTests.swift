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
