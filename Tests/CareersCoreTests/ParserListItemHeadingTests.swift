import CareersCore
import Testing

/// An industry called "Education" (or a tip that reads "Tools") is a list item, not a heading,
/// once its own section came already: found by `scale-bench check` on a generated corpus, where
/// "5. Education" and "-" / "Education" among the industries opened a second education section
/// and moved the other role's industries into it.
@Suite struct ParserListItemHeadingTests {
    static let education = """
        Educational Background

        Data Scientist

        - A degree in statistics.

        Data Engineer

        - A degree in computer science.

        """

    @Test(arguments: [
        "  1. Finance\n  2. Education\n",
        "-\nFinance\n-\nEducation\n",
        "- Finance\n-\nEducation\n",
    ])
    func industryCalledLikeAnEarlierSectionIsAnItem(list: String) throws {
        let body = Self.education + """
            Common Industries

            Data Scientist

            \(list)
            Data Engineer

            - Retail
            - Energy
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.industries.map(\.text) == ["Finance", "Education"])
        #expect(article.profile("Data Engineer")?.industries.map(\.text) == ["Retail", "Energy"])
        #expect(article.profile("Data Engineer")?.education.map(\.text) == ["A degree in computer science."])
        #expect(article.sections.filter { $0.kind == .education }.count == 1)
    }

    /// After a lone marker, a heading-like line is an item when the list goes on after it.
    @Test func loneMarkerItemFollowedByMoreItems() throws {
        let body = """
            Common Industries

            Data Scientist

            -
            Education
            -
            Finance
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.industries.map(\.text) == ["Education", "Finance"])
    }

    /// Numbered headings still head their sections.
    @Test func numberedHeadingsStillHead() throws {
        let body = """
            1. Responsibilities

            Data Scientist

            - Train models.

            2. Educational Background

            Data Scientist

            - A degree.
            """
        let article = try parseArticle(sampleArticle(body: body))
        #expect(article.profile("Data Scientist")?.responsibilities.map(\.text) == ["Train models."])
        #expect(article.profile("Data Scientist")?.education.map(\.text) == ["A degree."])
    }
}
