import CareersCore
import Testing

/// Mojibake, code pages and Unicode spaces are repaired before any line is classified (`ArticleLines`, `Mojibake`, `UnicodeSpaces`).
@Suite struct ParserTextRepairTests {
    /// clean Thai and Greek are not "repaired"; mojibake next to them still is.
    @Test func cleanThaiAndGreekPassUnchanged() throws {
        let jobs = """
            Featured Job 👀
            Data Analyst (นักวิเคราะห์ข้อมูล)
            @ Agoda | กรุงเทพมหานคร, Thailand
            Full Time Mid-level / Intermediate USD 40K - 60K
            Featured Job 👀
            Data Engineer
            @ Upstream | ΑΘΉΝΑ, Greece
            Full Time Senior-level / Expert EUR 50K - 70K
            Featured Job 👀
            Data Scientist
            @ Sociรฉtรฉ Gรฉnรฉrale | Zรผrich, Switzerland
            Full Time Senior-level / Expert CHF 120K - 150K
            """
        let article = try parseArticle(sampleArticle(body: ParserFixtures.skills, jobs: jobs))
        #expect(article.jobs.map(\.title) == ["Data Analyst (นักวิเคราะห์ข้อมูล)", "Data Engineer", "Data Scientist"])
        #expect(article.jobs.map(\.location) == ["กรุงเทพมหานคร, Thailand", "ΑΘΉΝΑ, Greece", "Zürich, Switzerland"])
        #expect(article.jobs.last?.company == "Société Générale")
    }

    /// a non-UTF-8 file is Windows-1252 ("ANSI"): 0x95 is a bullet, 0x92 and 0x96 punctuation.
    @Test func windows1252FileKeepsBulletsAndPunctuation() throws {
        var bytes: [UInt8] = []
        let text = sampleArticle(
            definitions: "Definitions\n\nData Scientist: A Data Scientist\u{92}s day \u{96} models.\n\nData Engineer: A Data Engineer builds pipelines.",
            body: "Required Skills\nData Scientist\n  \u{95} Statistics.\n  \u{95} Python.\nData Engineer\n  \u{95} SQL.")
        for scalar in text.unicodeScalars {
            bytes.append(scalar.value < 0x100 ? UInt8(scalar.value) : UInt8(ascii: "?"))
        }
        let article = try ArticleParser.parse(bytes: bytes, fileName: "ansi.txt")
        #expect(article.profile("Data Scientist")?.skills.map(\.text) == ["Statistics.", "Python."])
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist’s day – models.")
    }

    /// "Ã"+NBSP at a line end and a mojibake'd BOM are repaired before trimming.
    @Test func mojibakeAtLineEdgesIsRepairedBeforeTrimming() throws {
        let jobs = """
            Featured Job 👀
            Research Fellow â€“ Data Science per la SanitÃ\u{A0}
            @ Roche | Basel, CittÃ\u{A0}
            Full Time Mid-level / Intermediate CHF 90K - 110K
            """
        let text = "ï»¿" + sampleArticle(body: ParserFixtures.skills, jobs: jobs)
        let article = try parseArticle(text)
        #expect(article.title == "Data Scientist vs. Data Engineer")
        #expect(article.roles == ["Data Scientist", "Data Engineer"])
        #expect(article.jobs.first?.title == "Research Fellow – Data Science per la Sanità")
        #expect(article.jobs.first?.location == "Basel, Città")
    }

    /// non-breaking and other Unicode spaces read as spaces in the byline, salaries and meta lines.
    @Test func unicodeSpacesAreSpaces() throws {
        let nbsp = "\u{A0}"
        let jobs = """
            Featured Job 👀
            Data Scientist
            @ Acme | Berlin, Germany
            Full\(nbsp)Time Mid-level\(nbsp)/\(nbsp)Intermediate EUR\(nbsp)50K\(nbsp)-\(nbsp)65K
            Featured Job 👀
            Data Engineer
            @ Beta | London, UK
            Full Time Senior-level / Expert GBP 80K\(nbsp) -\u{202F}110K
            Featured Job 👀
            Data Engineer
            @ Gamma | Paris, France
            Full Time Mid Level / Intermediate EUR 60K - 70K
            """
        let text = sampleArticle(body: ParserFixtures.skills, jobs: jobs)
            .replacingOccurrences(of: "3 min read · Jan. 5, 2024", with: "3\(nbsp)min read\(nbsp)·\(nbsp)Jan.\(nbsp)5, 2024")
        let article = try parseArticle(text)
        #expect(article.published == "2024-01-05")
        #expect(article.readingMinutes == 3)
        #expect(article.jobs.count == 3)
        let first = try #require(article.jobs.first)
        #expect(first.employmentTypes == [.fullTime])
        #expect(first.level == .mid)
        #expect(first.salary?.currency == "EUR")
        #expect(first.salary?.min == 50_000)
        #expect(first.salary?.max == 65_000)
        #expect(article.jobs.dropFirst().first?.salary?.max == 110_000)
        #expect(article.jobs.last?.level == .mid)
        #expect(article.jobs.last?.salary?.max == 70_000)
    }

    /// "”" in Windows-1252 mojibake whose last byte (0x9D, undefined there) was dropped or
    /// written "?" is repaired; so is "”" damaged twice ("Ã¢â‚¬Â" + U+009D), and the quotes next to it.
    @Test(arguments: ["â€", "â€?", "Ã¢â‚¬Â\u{9D}"])
    func closingQuoteWithoutItsLastByte(quote: String) throws {
        let subtitle = "Data Scientist vs Data Engineer: â€œResearch\(quote) vs â€œImpact\(quote)"
        let text = sampleArticle(
            definitions: "Definitions\n\nData Scientist: A â€œData Scientist\(quote) analyses data.\n\nData Engineer: A Data Engineer builds pipelines.",
            body: ParserFixtures.skills
        ).replacingOccurrences(of: "Data Scientist vs Data Engineer: A Comparison", with: subtitle)
        let article = try parseArticle(text)
        #expect(article.subtitle == "Data Scientist vs Data Engineer: “Research” vs “Impact”")
        #expect(article.profile("Data Scientist")?.definition == "A “Data Scientist” analyses data.")
    }

    /// in Windows-1253 mojibake, a Greek letter whose image is two letters ("ΞΈ" for θ) is
    /// repaired when the images around it are mojibake too; clean Greek still passes unchanged.
    @Test func greekLetterImagedAsTwoLetters() throws {
        let jobs = """
            Featured Job 👀
            Data Scientist
            @ Ξ‘ΞΈΞ®Ξ½Ξ± Labs | Ξ›ΞµΟ…ΞΊΟ‰ΟƒΞ―Ξ±, Cyprus
            Full Time Senior-level / Expert EUR 50K - 70K
            Featured Job 👀
            Data Engineer
            @ Upstream | ΑΘΉΝΑ, Greece
            Full Time Senior-level / Expert EUR 50K - 70K
            """
        let article = try parseArticle(sampleArticle(body: ParserFixtures.skills, jobs: jobs))
        #expect(article.jobs.first?.company == "Αθήνα Labs")
        #expect(article.jobs.first?.location == "Λευκωσία, Cyprus")
        #expect(article.jobs.last?.location == "ΑΘΉΝΑ, Greece")
    }
}
