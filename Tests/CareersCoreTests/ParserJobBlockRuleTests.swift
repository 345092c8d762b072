import CareersCore
import Testing

/// Featured Job blocks are taken out of the body wherever they sit (`JobBlockRule`) and read by `JobParser`.
@Suite struct ParserJobBlockRuleTests {
    /// "@Company | Place" without a space, and a lower-case title glued after a long level label.
    @Test func gluedJobsWithoutSpaceAndLowerCaseTitle() throws {
        let jobs = """
            Senior AI Engineer
            @Occam AI | New York
            Full Time Senior-level / ExpertiOS Machine Learning Engineer
            @OVHcloud | Remote - EU
            Full Time Mid-level / Intermediate EUR 55K - 70K
            """
        let article = try parseArticle(sampleArticle(body: ParserFixtures.skills, jobs: jobs))
        #expect(article.jobs.map(\.title) == ["Senior AI Engineer", "iOS Machine Learning Engineer"])
        #expect(article.jobs.map(\.company) == ["Occam AI", "OVHcloud"])
        #expect(article.jobs.first?.levelLabel == "Senior-level / Expert")
        #expect(article.jobs.last?.salary?.currency == "EUR")
    }

    /// every posting on one physical line gives each posting, and the outlook stays clean.
    @Test func postingsOnOneLine() throws {
        let body = ParserFixtures.skills + """


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

    /// postings before the first section heading (after "Table of contents") are taken out;
    /// the article is not rejected, and the job title ("Data Engineer") is no role line.
    @Test(arguments: [ParserFixtures.featuredJob, ParserFixtures.gluedJobs])
    func jobBlockBeforeFirstHeading(jobs: String) throws {
        let text = """
            Data Scientist vs. Data Engineer

            3 min read · Jan. 5, 2024
            Table of contents

            \(jobs)

            Two roles compared in this article today.

            \(defaultDefinitions)

            \(ParserFixtures.listsAndTips)
            """
        let article = try parseArticle(text)
        #expect(article.jobs.count == (jobs == ParserFixtures.featuredJob ? 1 : 2))
        #expect(article.profile("Data Scientist")?.definition == "A Data Scientist analyses data.")
        #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
        #expect(article.intro == "Two roles compared in this article today.")
        #expect(article.conclusion == "By understanding both roles you can choose the path that suits you best.")
    }

    /// postings between sections (or before the closing paragraph) do not end the body: every
    /// later section, the tips and the conclusion are kept.
    @Test(arguments: ["Required Skills", "Data Engineer\n\n- Build", "Practical Tips", "By understanding"])
    func jobBlockBetweenSections(before anchor: String) throws {
        for jobs in [ParserFixtures.featuredJob, ParserFixtures.gluedJobs] {
            let body = ParserFixtures.listsAndTips.replacing(anchor, with: jobs + "\n" + anchor)
            #expect(body != ParserFixtures.listsAndTips)
            let article = try parseArticle(sampleArticle(body: body))
            #expect(article.jobs.count == (jobs == ParserFixtures.featuredJob ? 1 : 2))
            #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
            #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
            #expect(article.profile("Data Engineer")?.skills.map(\.text) == ["SQL."])
            #expect(article.section(.tips)?.shared.map(\.text) == ["Build a portfolio."])
            #expect(article.conclusion == "By understanding both roles you can choose the path that suits you best.")
        }
    }

    /// lines after the last postings that read like no part of an article stay out of it.
    @Test func furnitureAfterTrailingJobsIsNotBody() throws {
        let article = try parseArticle(sampleArticle(body: ParserFixtures.listsAndTips, jobs: ParserFixtures.featuredJob + "\nApply now\nShare"))
        #expect(article.jobs.count == 1)
        #expect(article.conclusion == "By understanding both roles you can choose the path that suits you best.")
    }

    /// postings below the site's salary links ("Salary Insights", "View salary info for …")
    /// are still postings; the links themselves stay out of the article.
    @Test func postingsAfterSalaryInsightsAreKept() throws {
        let jobs = """
            Salary Insights

            View salary info for Data Scientist (global) Details

            Featured Job 👀
            Senior Data Scientist

            @ Acme | Berlin, Germany

            Full Time Senior-level / Expert EUR 70K - 90K
            Featured Job 👀
            Data Engineer

            @ Beta | Remote

            Full Time Mid-level / Intermediate USD 100K - 130K

            Related articles
            """
        let article = try parseArticle(sampleArticle(body: ParserFixtures.responsibilities, jobs: jobs))
        #expect(article.jobs.map(\.title) == ["Senior Data Scientist", "Data Engineer"])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
        #expect(article.conclusion == nil)
    }
}
