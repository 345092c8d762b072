import CareersCore
import Testing

/// One small article per defect the second parser campaign found on unseen articles (D1, D2, … in
/// the campaign's report). Each reproduces the shape, not the campaign's strings.
@Suite struct ParserCampaign2RegressionTests {
    /// D1: "What does a X do?" under Responsibilities heads X's list; it is no definitions heading.
    @Test(arguments: [
        ("What Does a Data Scientist Do?", "What Does a Data Engineer Do?"),
        ("What a Data Scientist Does", "What a Data Engineer Does"),
        ("A Day in the Life of a Data Scientist", "A Day in the Life of a Data Engineer"),
    ])
    func roleActivityHeadingsGroupResponsibilities(headings: (String, String)) throws {
        let body = """
            Responsibilities

            \(headings.0)

            - Train models.
            - Run experiments.

            \(headings.1)

            - Build pipelines.

            Required Skills

            Data Scientist

            - Statistics.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models.", "Run experiments."])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data.")
        #expect(article.sections.filter { $0.kind == .definitions }.count == 1)
    }

    /// D1: without a Responsibilities heading, "A Day in the Life of a X" or "What does a X do?"
    /// over a list is X's duties; over a paragraph, "What does a X do?" stays a definition.
    @Test func roleActivityHeadingsWithoutListHeading() throws {
        let text = """
            Data Scientist vs. Data Engineer

            3 min read · Jan. 5, 2024

            What Does a Data Scientist Do?

            A Data Scientist analyses data.

            What Does a Data Engineer Do?

            A Data Engineer builds pipelines.

            A Day in the Life of a Data Scientist

            - Train models.

            What Does a Data Engineer Do?

            - Build pipelines.
            """
        let article = try parseArticle(text)
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data.")
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer builds pipelines.")
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
    }
}

@Suite struct ParserCampaign2DefinitionTests {
    /// D2: two roles defined in one sentence; the clause naming the second role is its definition.
    @Test(arguments: [", whereas a", ", while a", ", but a", ", and a", "; a", ", whereas the"])
    func twoRolesDefinedInOneSentence(joint: String) throws {
        let paragraph = "A Data Scientist analyses data, definitions, and trends\(joint) Data Engineer builds and runs pipelines."
        let article = try parseArticle(sampleArticle(definitions: "Definitions\n\n" + paragraph, body: ParserEncodingTests.skills))
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data, definitions, and trends.")
        let engineer = try #require(article.profile("Data Engineer")?.definition)
        #expect(engineer.hasSuffix("Data Engineer builds and runs pipelines."))
        #expect(engineer.first?.isUppercase == true)
    }

    /// D2: a clause about the same role, or naming a role only as an object, does not split.
    @Test func clauseWithoutAnotherRoleAsSubjectStays() throws {
        let paragraph = "A Data Scientist analyses data, and a Data Scientist also reports to a Data Engineer. A Data Engineer builds pipelines, but a lot of them break."
        let article = try parseArticle(sampleArticle(definitions: "Definitions\n\n" + paragraph, body: ParserEncodingTests.skills))
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data, and a Data Scientist also reports to a Data Engineer.")
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer builds pipelines, but a lot of them break.")
    }
}

@Suite struct ParserCampaign2ToolTests {
    static func tools(_ bullets: String) throws -> [String: [ToolItem]] {
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

    /// D3: "Tool: description" and "Tool – description" bullets name the tool, without a category.
    @Test func toolWithDescription() throws {
        let tools = try Self.tools("""
            - Excel: The go-to tool for quick analyses and pivot tables.
            - Tableau: Used to build interactive dashboards.
            - SQL: For querying relational databases.
            - Weights & Biases – for experiment tracking
            - Frameworks: PyTorch, JAX.
            - Version control: essential for working in a team.
            - Visualization: dashboards for every team.
            - Jupyter Notebook: For interactive experimentation.
            - Python: The main language, with libraries like pandas and scikit-learn.
            """)
        let scientist = try #require(tools["Data Scientist"])
        #expect(scientist.map(\.name) == [
            "Excel", "Tableau", "SQL", "Weights & Biases", "PyTorch", "JAX", "Jupyter Notebook", "Python", "pandas", "scikit-learn",
        ])
        #expect(scientist.map(\.category) == [nil, nil, nil, nil, "Frameworks", "Frameworks", nil, nil, nil, nil])
        #expect(tools["Data Engineer"]?.map(\.name) == ["Airflow"])
    }
}

@Suite struct ParserCampaign2SpaceTests {
    /// D5: non-breaking and other Unicode spaces read as spaces in the byline, salaries and meta lines.
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
        let text = sampleArticle(body: ParserEncodingTests.skills, jobs: jobs)
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
}

@Suite struct ParserCampaign2OpenListTests {
    /// D4 (and D11's "and more"): a list that ends in "etc." or "and more" still names its tools.
    @Test func listEndingInEtcOrMore() throws {
        let tools = try ParserCampaign2ToolTests.tools("""
            - CAD: SolidWorks, Fusion 360, etc.
            - Frameworks: PyTorch, JAX, and more.
            - Google Sheets, R, Python, etc.
            - Visualization – Tableau, Looker, and others
            """)
        let scientist = try #require(tools["Data Scientist"])
        #expect(scientist.map(\.name) == ["SolidWorks", "Fusion 360", "PyTorch", "JAX", "Google Sheets", "R", "Python", "Tableau", "Looker"])
        #expect(scientist.map(\.category) == ["CAD", "CAD", "Frameworks", "Frameworks", nil, nil, nil, "Visualization", "Visualization"])
    }
}

@Suite struct ParserCampaign2MojibakeTests {
    /// D8: "”" in Windows-1252 mojibake whose last byte (0x9D, undefined there) was dropped or
    /// written "?" is repaired; so is "”" damaged twice ("Ã¢â‚¬Â" + U+009D), and the quotes next to it.
    @Test(arguments: ["â€", "â€?", "Ã¢â‚¬Â\u{9D}"])
    func closingQuoteWithoutItsLastByte(quote: String) throws {
        let subtitle = "Data Scientist vs Data Engineer: â€œResearch\(quote) vs â€œImpact\(quote)"
        let text = sampleArticle(
            definitions: "Definitions\n\nData Scientist: A â€œData Scientist\(quote) analyses data.\n\nData Engineer: A Data Engineer builds pipelines.",
            body: ParserEncodingTests.skills
        ).replacingOccurrences(of: "Data Scientist vs Data Engineer: A Comparison", with: subtitle)
        let article = try parseArticle(text)
        #expect(article.subtitle == "Data Scientist vs Data Engineer: “Research” vs “Impact”")
        #expect(article.profile("Data Scientist")?.definition == "A “Data Scientist” analyses data.")
    }
}

@Suite struct ParserCampaign2GreekTests {
    /// D7: in Windows-1253 mojibake, a Greek letter whose image is two letters ("ΞΈ" for θ) is
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
        let article = try parseArticle(sampleArticle(body: ParserEncodingTests.skills, jobs: jobs))
        #expect(article.jobs.first?.company == "Αθήνα Labs")
        #expect(article.jobs.first?.location == "Λευκωσία, Cyprus")
        #expect(article.jobs.last?.location == "ΑΘΉΝΑ, Greece")
    }
}

@Suite struct ParserCampaign2AlternativeToolTests {
    /// D9 and D11: "a or b" with long names, "a / b / c" and "A/B" name each tool; "CI/CD" stays whole.
    @Test func toolsSeparatedByOrAndSlashes() throws {
        let tools = try ParserCampaign2ToolTests.tools("""
            - SQL Server Management Studio or Azure Data Studio
            - Notebooks: Jupyter / Databricks / Colab
            - Frameworks: PyTorch/TensorFlow, Detectron2.
            - Pipelines: CI/CD, PL/SQL.
            """)
        let scientist = try #require(tools["Data Scientist"])
        #expect(scientist.map(\.name) == [
            "SQL Server Management Studio", "Azure Data Studio", "Jupyter", "Databricks", "Colab", "PyTorch", "TensorFlow", "Detectron2",
            "CI/CD", "PL/SQL",
        ])
        #expect(scientist.map(\.category) == [nil, nil, "Notebooks", "Notebooks", "Notebooks", "Frameworks", "Frameworks", "Frameworks", "Pipelines", "Pipelines"])
    }
}

@Suite struct ParserCampaign2OneLineJobsTests {
    /// D10: every posting on one physical line gives each posting, and the outlook stays clean.
    @Test func postingsOnOneLine() throws {
        let body = ParserEncodingTests.skills + """


            Job Outlook

            Demand keeps growing.

            Biostatistician @ Pfizer | New York, NY Full Time Mid-level / Intermediate USD 110K - 140KData Scientist, Growth @ Duolingo | Pittsburgh, PA Full Time Senior-level / Expert USD 160K - 210KAnalyst @ Acme | Remote Contract
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.jobs.map(\.title) == ["Biostatistician", "Data Scientist, Growth", "Analyst"])
        #expect(article.jobs.map(\.company) == ["Pfizer", "Duolingo", "Acme"])
        #expect(article.jobs.map(\.location) == ["New York, NY", "Pittsburgh, PA", "Remote"])
        #expect(article.jobs.map(\.level) == [.mid, .senior, nil])
        #expect(article.jobs.map { $0.salary?.max } == [140_000, 210_000, nil])
        #expect(article.jobs.last?.employmentTypes == [.contract])
        #expect(article.outlook == "Demand keeps growing.")
    }
}

@Suite struct ParserCampaign2WrappedBulletTests {
    /// D13: a hard-wrapped bullet keeps its continuation lines; a lower-case line after a finished
    /// item is not glued on.
    @Test func wrappedBulletKeepsItsContinuation() throws {
        let body = """
            Responsibilities

            Data Scientist

            - Find stories in public datasets such as census tables,
              court records, and budget
              documents.
            - Train models.
            also, note this paragraph.

            Data Engineer

            - Build pipelines
              and run them.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == [
            "Find stories in public datasets such as census tables, court records, and budget documents.", "Train models.",
        ])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines and run them."])
    }
}

@Suite struct ParserCampaign2HeadingTests {
    /// D15: "Job Descriptions" over definition paragraphs is a Definitions section; over role lines
    /// and bullets it still lists responsibilities.
    @Test func jobDescriptionsHeading() throws {
        let definitions = defaultDefinitions.replacingOccurrences(of: "Definitions\n", with: "Job Descriptions\n")
        let body = """
            Job Description

            Data Scientist

            - Train models.
            """
        let article = try parseArticle(sampleArticle(definitions: definitions, body: body))
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data.")
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer builds pipelines.")
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
    }
}

@Suite struct ParserCampaign2ParenthesisTests {
    /// D11: one tool in parentheses after another is a tool too, as lists in parentheses already
    /// were; a qualifier, a kind or a version in parentheses is not.
    @Test func singleToolInParentheses() throws {
        let tools = try ParserCampaign2ToolTests.tools("""
            - Libraries: NumPy (with SciPy), R (tidyverse), GCP (BigQuery).
            - Excel (advanced), Python (programming language), Java (17).
            - AWS (S3, Redshift)
            """)
        let scientist = try #require(tools["Data Scientist"])
        #expect(scientist.map(\.name) == [
            "NumPy", "SciPy", "R", "tidyverse", "GCP", "BigQuery", "Excel", "Python", "Java", "AWS", "S3", "Redshift",
        ])
    }
}
