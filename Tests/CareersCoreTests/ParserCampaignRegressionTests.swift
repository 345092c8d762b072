import CareersCore
import Testing

/// One small article per defect the parser campaign found on unseen articles (findings-articles.md,
/// numbers in the test names' comments). Each reproduces the shape, not the campaign's strings.
@Suite struct ParserCampaignRegressionTests {
    /// Finding 2: a role whose name contains a section keyword ("Industrial", "Tooling") is a role line.
    @Test func roleNameContainingSectionKeywordIsARoleLine() throws {
        let text = """
            Industrial AI Engineer vs. Tooling Engineer

            Definitions

            Industrial AI Engineer: An Industrial AI Engineer automates plants.

            Tooling Engineer: A Tooling Engineer designs moulds.

            Responsibilities

            Industrial AI Engineer

            - Deploy models on the line.

            - Monitor sensors.

            Tooling Engineer

            - Design moulds.

            Tools

            Industrial AI Engineer

            - Python, PyTorch.

            Tooling Engineer

            - SolidWorks.

            Industries

            Industrial AI Engineer

            - Manufacturing.
            """
        let article = try parseArticle(text)
        #expect(article.profile("Industrial AI Engineer")?.responsibilities.count == 2)
        #expect(article.profile("Tooling Engineer")?.responsibilities.count == 1)
        #expect(article.profile("Industrial AI Engineer")?.tools.map(\.name) == ["Python", "PyTorch"])
        #expect(article.profile("Tooling Engineer")?.tools.map(\.name) == ["SolidWorks"])
        #expect(article.profile("Industrial AI Engineer")?.industries.map(\.text) == ["Manufacturing."])
        #expect(article.profile("Tooling Engineer")?.industries.isEmpty == true)
    }

    /// Finding 3: "(2025)", "in 2025", "(DS)" are not part of a role's title.
    @Test(arguments: [
        "Data Scientist vs. Data Engineer (2025)",
        "Data Scientist vs. Data Engineer in 2025: Which Pays More?",
        "Data Scientist (DS) vs. Data Engineer (DE)",
        "Data Scientist v Data Engineer",
    ])
    func titleDecorationsAreNotPartOfRoles(title: String) throws {
        let text = sampleArticle(body: ParserEncodingTests.skills).replacingOccurrences(
            of: "Data Scientist vs. Data Engineer\n", with: title + "\n")
        let article = try parseArticle(text)
        #expect(article.roles == ["Data Scientist", "Data Engineer"])
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
        #expect(article.profile("Data Scientist")?.skills.count == 2)
    }

    /// Finding 20: "X or Y: …" names two roles when both are role lines in the body.
    @Test func orTitleWhenBothPartsAreRoleLines() throws {
        let text = sampleArticle(body: ParserEncodingTests.skills).replacingOccurrences(
            of: "Data Scientist vs. Data Engineer\n", with: "Data Scientist or Data Engineer: Which Career Is Right for You?\n")
        let article = try parseArticle(text)
        #expect(article.roles == ["Data Scientist", "Data Engineer"])
    }

    /// Finding 4: clean Thai and Greek are not "repaired"; mojibake next to them still is.
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
        let article = try parseArticle(sampleArticle(body: ParserEncodingTests.skills, jobs: jobs))
        #expect(article.jobs.map(\.title) == ["Data Analyst (นักวิเคราะห์ข้อมูล)", "Data Engineer", "Data Scientist"])
        #expect(article.jobs.map(\.location) == ["กรุงเทพมหานคร, Thailand", "ΑΘΉΝΑ, Greece", "Zürich, Switzerland"])
        #expect(article.jobs.last?.company == "Société Générale")
    }

    /// Finding 5: a non-UTF-8 file is Windows-1252 ("ANSI"): 0x95 is a bullet, 0x92 and 0x96 punctuation.
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

    /// Finding 6: an unknown heading closes the previous section; its bullets join no role.
    @Test func unknownHeadingsCloseThePreviousSection() throws {
        let body = """
            Industries

            Data Scientist

            - Finance.

            Data Engineer

            - Retail.

            Key Differences

            - Data Scientists model, Data Engineers build.

            Salary Comparison

            - Data Scientist: USD 150K median.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.industries.map(\.text) == ["Finance."])
        #expect(article.profile("Data Engineer")?.industries.map(\.text) == ["Retail."])
        #expect(article.sections.filter { $0.kind == .other }.map(\.heading) == ["Key Differences", "Salary Comparison"])
    }

    /// Finding 9: the role after a subordinate clause's comma is the subject.
    @Test(arguments: [
        "A Data Engineer builds pipelines. Unlike a Data Engineer, a Data Scientist trains models.",
        "While Data Engineers build pipelines, Data Scientists train models.",
    ])
    func proseDefinitionAfterSubordinateClause(paragraph: String) throws {
        let article = try parseArticle(sampleArticle(definitions: "Definitions\n\n" + paragraph, body: ParserEncodingTests.skills))
        #expect(article.profile("Data Scientist")?.definition?.contains("train") == true)
        #expect((article.profile("Data Engineer")?.definition ?? "").contains("train") == false)
    }

    /// Finding 10: "… include the following." and "For Data Scientists" open a role's list.
    @Test func leadInEndingInPeriodAndForGroupLines() throws {
        let body = """
            Responsibilities

            The responsibilities of a Data Scientist include the following.

            - Train models.

            The responsibilities of a Data Engineer include the following.

            - Build pipelines.

            - Run jobs.

            Required Skills

            For Data Scientists

            - Statistics.

            For Data Engineers

            - SQL.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
        #expect(article.profile("Data Engineer")?.responsibilities.count == 2)
        #expect(article.profile("Data Scientist")?.skills.map(\.text) == ["Statistics."])
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
        // Finding 19: the lead-ins do not become sections of their own.
        #expect(article.sections.filter { $0.kind == .responsibilities }.count == 1)
    }

    /// Finding 11: a paragraph naming no role continues the definition before it.
    @Test func secondDefinitionParagraphStaysWithItsRole() throws {
        let definitions = """
            Definitions

            Data Scientist: A Data Scientist analyses data.

            They also present findings.

            Data Engineer: A Data Engineer builds pipelines.

            They also run the warehouse.

            Both roles need SQL.
            """
        let article = try parseArticle(sampleArticle(definitions: definitions, body: ParserEncodingTests.skills))
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data.\n\nThey also present findings.")
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer builds pipelines.\n\nThey also run the warehouse.")
        #expect(article.section(.definitions)?.text == "Both roles need SQL.")
    }

    /// Findings 12 and 23: phrase-like tool bullets and dash categories.
    @Test func toolPhrasesKeepTheirTools() throws {
        let body = """
            Tools

            Data Scientist

            - SQL databases such as PostgreSQL and Snowflake

            - Great Expectations for data validation

            - Python (pandas, PySpark) and dbt

            Data Engineer

            - Frameworks – Spark, Flink

            - Notebooks - Jupyter, Colab
            """
        let article = try parseArticle(sampleArticle(body: body))
        let scientist = article.profile("Data Scientist")?.tools.map { [$0.name, $0.category ?? "-"] }
        #expect(scientist == [
            ["PostgreSQL", "SQL databases"], ["Snowflake", "SQL databases"], ["Great Expectations", "Data validation"],
            ["Python", "-"], ["pandas", "-"], ["PySpark", "-"], ["dbt", "-"],
        ])
        let engineer = article.profile("Data Engineer")?.tools.map { [$0.name, $0.category ?? "-"] }
        #expect(engineer == [["Spark", "Frameworks"], ["Flink", "Frameworks"], ["Jupyter", "Notebooks"], ["Colab", "Notebooks"]])
    }

    /// Finding 13: numbered headings are headings; a numbered tips list stays a list.
    @Test func numberedSectionHeadings() throws {
        let text = """
            Data Scientist vs. Data Engineer

            1. Definitions

            Data Scientist: A Data Scientist analyses data.

            Data Engineer: A Data Engineer builds pipelines.

            2. Required Skills

            Data Scientist

            - Statistics.

            Data Engineer

            - SQL.

            3. Tips

            1. Improve your skills daily.

            2. Network.
            """
        let article = try parseArticle(text)
        #expect(article.profile("Data Scientist")?.skills.map(\.text) == ["Statistics."])
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
        #expect(article.sections.map(\.kind) == [.definitions, .skills, .tips])
        #expect(article.sections.map(\.heading) == ["Definitions", "Required Skills", "Tips"])
        #expect(article.section(.tips)?.shared.count == 2)
    }

    /// Findings 14 and 15: "Ã"+NBSP at a line end and a mojibake'd BOM are repaired before trimming.
    @Test func mojibakeAtLineEdgesIsRepairedBeforeTrimming() throws {
        let jobs = """
            Featured Job 👀
            Research Fellow â€“ Data Science per la SanitÃ\u{A0}
            @ Roche | Basel, CittÃ\u{A0}
            Full Time Mid-level / Intermediate CHF 90K - 110K
            """
        let text = "ï»¿" + sampleArticle(body: ParserEncodingTests.skills, jobs: jobs)
        let article = try parseArticle(text)
        #expect(article.title == "Data Scientist vs. Data Engineer")
        #expect(article.roles == ["Data Scientist", "Data Engineer"])
        #expect(article.jobs.first?.title == "Research Fellow – Data Science per la Sanità")
        #expect(article.jobs.first?.location == "Basel, Città")
    }

    /// Findings 16 and 18: "@Company | Place" without a space, and a lower-case title glued after a long level label.
    @Test func gluedJobsWithoutSpaceAndLowerCaseTitle() throws {
        let jobs = """
            Senior AI Engineer
            @Occam AI | New York
            Full Time Senior-level / ExpertiOS Machine Learning Engineer
            @OVHcloud | Remote - EU
            Full Time Mid-level / Intermediate EUR 55K - 70K
            """
        let article = try parseArticle(sampleArticle(body: ParserEncodingTests.skills, jobs: jobs))
        #expect(article.jobs.map(\.title) == ["Senior AI Engineer", "iOS Machine Learning Engineer"])
        #expect(article.jobs.map(\.company) == ["Occam AI", "OVHcloud"])
        #expect(article.jobs.first?.levelLabel == "Senior-level / Expert")
        #expect(article.jobs.last?.salary?.currency == "EUR")
    }

    /// Finding 17: role-first layout, with the sections under each role.
    @Test func roleFirstLayout() throws {
        let body = """
            Data Scientist

            Responsibilities

            - Train models.

            - Evaluate models.

            Skills

            - Statistics.

            Data Engineer

            Responsibilities

            - Build pipelines.

            Skills

            - SQL.

            Outlook

            Both roles grow.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.responsibilities.count == 2)
        #expect(article.profile("Data Scientist")?.skills.map(\.text) == ["Statistics."])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
        #expect(article.outlook == "Both roles grow.")
    }

    /// An empty per-role list before the next heading is not a role-first layout.
    @Test func emptyListBeforeHeadingIsNotAnOuterRole() throws {
        let body = """
            Industries
            Data Scientist
            - Finance.
            Data Engineer
            Required Skills
            - Communication.
            Data Scientist
            - Statistics.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Engineer")?.industries.isEmpty == true)
        #expect(article.profile("Data Engineer")?.skills.isEmpty == true)
        #expect(article.section(.skills)?.shared.map(\.text) == ["Communication."])
        #expect(article.profile("Data Scientist")?.skills.map(\.text) == ["Statistics."])
    }

    /// Finding 24: a stray lone "-" does not swallow the next role line.
    @Test func strayLoneMarkerBeforeRoleLine() throws {
        let body = """
            Responsibilities
            Data Scientist
            - Train models.
            -
            Data Engineer
            - Build pipelines.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
    }
}
