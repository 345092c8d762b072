import CareersCore
import Testing

/// One small article per defect the fourth parser campaign found on unseen articles (D1, D2, … in
/// the campaign's report). Each reproduces the shape, not the campaign's strings.
@Suite struct ParserCampaign4RegressionTests {
    /// D1: a role's one-line list ("- Role: a, b, and c.") keeps "and" inside its items; only the
    /// last item's conjunction separates. With the serial comma the last item stays whole too.
    @Test func inlineRoleListKeepsAndInsideItems() throws {
        let body = """
            Common Industries

            - Data Scientist: Technology and Software Development, Finance and Insurance, and Healthcare.
            - Data Engineer: Retail, Logistics, and Media and Entertainment.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.industries.map(\.text)
            == ["Technology and Software Development", "Finance and Insurance", "Healthcare"])
        #expect(article.profile("Data Engineer")?.industries.map(\.text) == ["Retail", "Logistics", "Media and Entertainment"])
    }

    /// D1: the seeds' short form still splits every item ("…, automotive, and telecommunications").
    @Test func inlineRoleListWithoutSerialCommaSplitsLastItem() throws {
        let body = """
            Common Industries

            - Data Scientist: Technology, finance, healthcare and retail.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.industries.map(\.text) == ["Technology", "Finance", "Healthcare", "Retail"])
    }
}

extension ParserCampaign4RegressionTests {
    static let body = """
        Responsibilities

        Data Scientist

        - Train models.

        Data Engineer

        - Build pipelines.
        """

    /// D2: postings below the site's salary links ("Salary Insights", "View salary info for …")
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
        let article = try parseArticle(sampleArticle(body: Self.body, jobs: jobs))
        #expect(article.jobs.map(\.title) == ["Senior Data Scientist", "Data Engineer"])
        #expect(article.profile("Data Engineer")?.responsibilities.map(\.text) == ["Build pipelines."])
        #expect(article.conclusion == nil)
    }
}
