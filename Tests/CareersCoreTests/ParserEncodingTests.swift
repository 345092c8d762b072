import CareersCore
import Testing

@Suite struct ParserEncodingTests {
    @Test func crlfLineEnds() throws {
        let text = sampleArticle(body: ParserFixtures.skills).replacingOccurrences(of: "\n", with: "\r\n")
        let article = try parseArticle(text)
        #expect(article.profile("Data Scientist")?.skills.map(\.text) == ["Statistics.", "Python."])
        #expect(article.title == "Data Scientist vs. Data Engineer")
    }

    @Test func utf8ByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(sampleArticle(body: ParserFixtures.skills).utf8)
        let article = try ArticleParser.parse(bytes: bytes, fileName: "bom.txt")
        #expect(article.title == "Data Scientist vs. Data Engineer")
        #expect(article.roles == ["Data Scientist", "Data Engineer"])
    }

    @Test func noBlankLinesBetweenParagraphs() throws {
        let text = sampleArticle(body: ParserFixtures.skills).split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n")
        let article = try parseArticle(text)
        #expect(article.subtitle == "Data Scientist vs Data Engineer: A Comparison")
        #expect(article.intro == "Two roles compared.")
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
    }

    /// UTF-8 read as Windows-874 and written back: "·" → "ยท", "👀" → "๐Ÿ‘€", "–" → "โ€“".
    @Test func mojibakeWindows874RepairedInEveryField() throws {
        let text = sampleArticle(
            body: ParserFixtures.skills.replacingOccurrences(of: "SQL.", with: "SQL โ€“ mostly."),
            jobs: """
                Featured Job ๐Ÿ‘€
                Artificial Intelligence โ€“ Expert
                @ Café โ€“ Zürich | Zürich โ€“ Hybrid
                Full Time Senior-level / Expert CHF 120K - 150K
                """
        ).replacingOccurrences(of: "3 min read · ", with: "3 min read ยท ")
        let article = try parseArticle(text)
        #expect(article.published == "2024-01-05")
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL – mostly."])
        let job = try #require(article.jobs.first)
        #expect(job.title == "Artificial Intelligence – Expert")
        #expect(job.company == "Café – Zürich")
        #expect(job.location == "Zürich – Hybrid")
    }

    @Test func mojibakeWindows1253() throws {
        let text = sampleArticle(body: ParserFixtures.skills).replacingOccurrences(of: "3 min read · ", with: "3 min read Β· ")
            .replacingOccurrences(of: "Two roles compared.", with: "Two roles Β· compared.")
        let article = try parseArticle(text)
        #expect(article.intro == "Two roles · compared.")
        #expect(article.published == "2024-01-05")
    }

    @Test func mojibakeWindows1252() throws {
        let text = sampleArticle(
            body: ParserFixtures.skills.replacingOccurrences(of: "Statistics.", with: "Bachelorâ€™s degree."),
            jobs: """
                Featured Job ðŸ‘€
                Data Engineer
                @ Acme | Remote
                Full Time Mid-level / Intermediate USD 100K - 130K
                """
        ).replacingOccurrences(of: "3 min read · ", with: "3 min read Â· ")
        let article = try parseArticle(text)
        #expect(article.profile("Data Scientist")?.skills.first?.text == "Bachelor’s degree.")
        #expect(article.jobs.count == 1)
        #expect(!text.contains("👀"))
    }

    @Test func cleanNonASCIITextIsLeftAlone() throws {
        let text = sampleArticle(body: ParserFixtures.skills.replacingOccurrences(of: "SQL.", with: "Ingénieur · naïve — 👀 Zürich."))
        let article = try parseArticle(text)
        #expect(article.profile("Data Engineer")?.skills.first?.text == "Ingénieur · naïve — 👀 Zürich.")
    }
}
