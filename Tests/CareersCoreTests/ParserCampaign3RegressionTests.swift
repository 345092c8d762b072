import CareersCore
import Testing

/// One small article per defect the third parser campaign found on unseen articles (D1, D2, … in
/// the campaign's report). Each reproduces the shape, not the campaign's strings.
@Suite struct ParserCampaign3RegressionTests {
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

    static let body = """
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

    /// D1: postings before the first section heading (after "Table of contents") are taken out;
    /// the article is not rejected, and the job title ("Data Engineer") is no role line.
    @Test(arguments: [featuredJob, gluedJobs])
    func jobBlockBeforeFirstHeading(jobs: String) throws {
        let text = """
            Data Scientist vs. Data Engineer

            3 min read · Jan. 5, 2024
            Table of contents

            \(jobs)

            Two roles compared in this article today.

            \(defaultDefinitions)

            \(Self.body)
            """
        let article = try parseArticle(text)
        #expect(article.jobs.count == (jobs == Self.featuredJob ? 1 : 2))
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data.")
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
        #expect(article.intro == "Two roles compared in this article today.")
        #expect(article.conclusion == "By understanding both roles you can choose the path that suits you best.")
    }

    /// D2: postings between sections (or before the closing paragraph) do not end the body: every
    /// later section, the tips and the conclusion are kept.
    @Test(arguments: ["Required Skills", "Data Engineer\n\n- Build", "Practical Tips", "By understanding"])
    func jobBlockBetweenSections(before anchor: String) throws {
        for jobs in [Self.featuredJob, Self.gluedJobs] {
            let body = Self.body.replacing(anchor, with: jobs + "\n" + anchor)
            #expect(body != Self.body)
            let article = try parseArticle(sampleArticle(body: body))
            #expect(article.jobs.count == (jobs == Self.featuredJob ? 1 : 2))
            #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
            #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
            #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
            #expect(article.section(.tips)?.shared.map(\.text) == ["Build a portfolio."])
            #expect(article.conclusion == "By understanding both roles you can choose the path that suits you best.")
        }
    }

    /// D2: lines after the last postings that read like no part of an article stay out of it.
    @Test func furnitureAfterTrailingJobsIsNotBody() throws {
        let article = try parseArticle(sampleArticle(body: Self.body, jobs: Self.featuredJob + "\nApply now\nShare"))
        #expect(article.jobs.count == 1)
        #expect(article.conclusion == "By understanding both roles you can choose the path that suits you best.")
    }
}

extension ParserCampaign3RegressionTests {
    /// D6: a group line that repeats the title's "Role (ABBR)" form opens that role's list; an
    /// abbreviation may keep a known short form whole ("ML Engineer (MLE)").
    @Test(arguments: [
        ("Data Scientist", "Data Engineer", "Data Scientist (DS)", "Data Engineer (DE)"),
        ("Data Scientist", "ML Engineer", "Data Scientists (DS)", "ML Engineer (MLE)"),
        ("Data Scientist", "Machine Learning Engineer", "Data Scientist", "Machine Learning Engineer (MLE)"),
    ])
    func groupLineWithAbbreviation(roles: (String, String, String, String)) throws {
        let text = """
            \(roles.0) vs. \(roles.1)

            Responsibilities

            \(roles.2)

            - Train models.

            \(roles.3)

            - Build pipelines.
            - Run jobs.
            """
        let article = try parseArticle(text)
        #expect(article.profile(roles.0)?.responsibilities.map(\.text) == ["Train models."])
        #expect(article.profile(roles.1)?.responsibilities.map(\.text) == ["Build pipelines.", "Run jobs."])
    }

    /// D6: a last word that is no abbreviation of the role still makes another line ("Data
    /// Engineer Intern", "Data Engineer Day").
    @Test(arguments: ["Data Engineer Intern", "Data Engineer Day", "Data Engineer Ed"])
    func lastWordThatIsNoAbbreviation(line: String) throws {
        let text = """
            Data Scientist vs. Data Engineer

            Responsibilities

            Data Scientist

            - Train models.

            \(line)

            - Build pipelines.
            """
        let article = try parseArticle(text)
        #expect(article.profile("Data Scientist")?.responsibilities.count == 2)
        #expect(article.profile("Data Engineer")?.responsibilities.isEmpty == true)
    }
}

extension ParserCampaign3RegressionTests {
    static func tools(_ line: String) throws -> [[String?]] {
        let body = """
            Tools and Software Used

            Data Scientist

            - \(line)
            """
        let article = try parseArticle(sampleArticle(body: body))
        return (article.profile("Data Scientist")?.tools ?? []).map { [$0.name, $0.category] }
    }

    /// D3: " for " inside a tool's name ("Copilot for Microsoft 365") is no "tool for purpose"
    /// phrase when a capitalised name follows it; the line keeps every tool and its category.
    @Test(arguments: [
        ("Documentation: Model Cards, Datasheets for Datasets.", [["Model Cards", "Documentation"], ["Datasheets for Datasets", "Documentation"]]),
        ("Documentation: Model Cards and Datasheets for Datasets.", [["Model Cards", "Documentation"], ["Datasheets for Datasets", "Documentation"]]),
        ("Productivity: Copilot for Microsoft 365, Slack.", [["Copilot for Microsoft 365", "Productivity"], ["Slack", "Productivity"]]),
        ("Copilot for Microsoft 365, Notion, or Slack", [["Copilot for Microsoft 365", nil], ["Notion", nil], ["Slack", nil]]),
        ("Datasheets for Datasets or Model Cards", [["Datasheets for Datasets", nil], ["Model Cards", nil]]),
        // A purpose after "for" is still the category.
        ("Great Expectations for data validation", [["Great Expectations", "Data validation"]]),
    ] as [(String, [[String?]])])
    func toolNameWithFor(line: String, expected: [[String?]]) throws {
        #expect(try Self.tools(line) == expected)
    }
}

extension ParserCampaign3RegressionTests {
    /// D4: in a list under a category, "and" inside an item before the last is part of a name
    /// ("Weights and Biases"); in the last item it still joins two tools.
    @Test(arguments: [
        ("Experiment Tracking: Weights and Biases, Neptune.", [["Weights and Biases", "Experiment Tracking"], ["Neptune", "Experiment Tracking"]]),
        ("Tracking: MLflow, Weights and Biases, Neptune and Comet.",
         [["MLflow", "Tracking"], ["Weights and Biases", "Tracking"], ["Neptune", "Tracking"], ["Comet", "Tracking"]]),
        ("Languages: Python, R and SQL.", [["Python", "Languages"], ["R", "Languages"], ["SQL", "Languages"]]),
    ] as [(String, [[String?]])])
    func andInsideAToolName(line: String, expected: [[String?]]) throws {
        #expect(try Self.tools(line) == expected)
    }

    /// D10: "What They Do" (and "What Do They Do?") heads the responsibilities, in both layouts.
    @Test(arguments: ["What They Do", "What Do They Do?"])
    func whatTheyDoHeading(heading: String) throws {
        let listFirst = """
            \(heading)

            Data Scientist

            - Train models.

            Data Engineer

            - Build pipelines.
            """
        let article = try parseArticle(sampleArticle(body: listFirst))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data.")
    }
}

extension ParserCampaign3RegressionTests {
    /// D8: a plural title ("Data Scientists vs. Data Engineers") gives singular roles and
    /// profiles; words with no singular ("Analytics") keep their spelling.
    @Test func pluralTitleGivesSingularProfiles() throws {
        let text = """
            Data Scientists vs. Data Engineers: Which Career?

            Definitions

            Data Scientists: A Data Scientist analyses data.

            Data Engineers: A Data Engineer builds pipelines.

            Responsibilities

            Data Scientists

            - Train models.
            """
        let article = try parseArticle(text)
        #expect(article.roles == ["Data Scientist", "Data Engineer"])
        #expect(article.profiles.map(\.title) == ["Data Scientist", "Data Engineer"])
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
        #expect(article.profile("Data Engineer")?.definition == "A Data Engineer builds pipelines.")

        let analytics = try parseArticle("Data Analytics vs. Business Intelligence\n\nDefinitions\n\nData Analytics: Data Analytics is a field.\n")
        #expect(analytics.roles == ["Data Analytics", "Business Intelligence"])
    }
}
