@testable import CareersCore
import Testing

/// The classifier as a table: a line, the context it is read in (layout state, role, list
/// cursor, earlier sections, next line) and the kind it must get. Roles: 0 = Data Scientist,
/// 1 = Data Engineer.
@Suite struct ParserLineClassifierTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var line: String
        var state: LayoutState
        var role: Int? = nil
        var list: ListCursor = .closed
        var earlier: Set<SectionKind> = []
        var next: String? = nil
        /// The line's indent and Markdown heading level (as `ArticleLines` reads them).
        var indent = 0
        var headingLevel = 0
        var bulletIndent: Int? = nil
        var category: ToolCategoryLine? = nil
        var expected: LineKind

        var testDescription: String { "\(line.debugDescription) in \(state)" }
    }

    static let title = "Data Scientist vs. Data Engineer"
    static let header = LayoutState.header(contentsSeen: false)
    static let afterContents = LayoutState.header(contentsSeen: true)

    static let cases: [Case] = [
        // Furniture and header fields
        Case(line: "Table of contents", state: header, expected: .furniture),
        Case(line: "4 min read · Oct. 30, 2024", state: header, expected: .header(.byline(minutes: 4, date: "2024-10-30"))),
        Case(line: "Data Scientist vs. Data Engineer", state: header, expected: .header(.repeatedTitle)),
        Case(line: "Data Scientist vs Data Engineer: A Detailed Comparison", state: header, expected: .header(.subtitle)),
        Case(line: "Two roles are compared in this article.", state: afterContents, expected: .prose),
        // Headings
        Case(line: "Definitions", state: afterContents, expected: .sectionHeading(.definitions, role: nil, heading: "Definitions")),
        Case(line: "Required Skills", state: .section(.responsibilities), expected: .sectionHeading(.skills, role: nil, heading: "Required Skills")),
        Case(line: "2. Responsibilities", state: .section(.definitions), next: "Data Scientist",
             expected: .sectionHeading(.responsibilities, role: nil, heading: "Responsibilities")),
        Case(line: "Data Engineer Skills:", state: .section(.skills), expected: .sectionHeading(.skills, role: 1, heading: "Data Engineer Skills:")),
        Case(line: "Tools and Software Used", state: .section(.education), expected: .sectionHeading(.tools, role: nil, heading: "Tools and Software Used")),
        Case(line: "Key Differences", state: .section(.skills), expected: .sectionHeading(.other, role: nil, heading: "Key Differences")),
        Case(line: "What Does a Data Scientist Do?", state: .section(.definitions), next: "- Train models.",
             expected: .sectionHeading(.responsibilities, role: 0, heading: "What Does a Data Scientist Do?")),
        // Role lines
        Case(line: "Data Scientist", state: .section(.skills), expected: .roleLine(0, outer: false)),
        Case(line: "Data Engineers:", state: .section(.skills), expected: .roleLine(1, outer: false)),
        Case(line: "For Data Scientists", state: .section(.skills), expected: .roleLine(0, outer: false)),
        Case(line: "Data Scientist", state: .section(.definitions), next: "Responsibilities", expected: .roleLine(0, outer: true)),
        Case(line: "Data Scientist", state: .section(.industries), next: "Tips", expected: .roleLine(0, outer: false)),
        // Role-labelled lines and lead-ins
        Case(line: "Data Engineer: A Data Engineer builds pipelines.", state: .section(.definitions),
             expected: .roleLabelled(role: 1, text: "A Data Engineer builds pipelines.")),
        Case(line: "- Data Scientist: Finance, retail.", state: .section(.industries), expected: .roleLabelled(role: 0, text: "Finance, retail.")),
        Case(line: "The responsibilities of a Data Scientist include:", state: .section(.definitions),
             expected: .leadIn(.responsibilities, role: 0, heading: "The responsibilities of a Data Scientist include")),
        Case(line: "Data Engineers are responsible for the following.", state: .section(.responsibilities), next: "- Build pipelines.",
             expected: .leadIn(.responsibilities, role: 1, heading: "Data Engineers are responsible for the following.")),
        // Bullets
        Case(line: "- Build pipelines.", state: .section(.responsibilities), role: 1,
             expected: .bullet(Bullet(depth: 0, label: nil, text: "Build pipelines."))),
        Case(line: "• Team Leadership: Manage people.", state: .section(.skills),
             expected: .bullet(Bullet(depth: 0, label: "Team Leadership", text: "Team Leadership: Manage people."))),
        Case(line: "-", state: .section(.skills), expected: .loneMarker),
        Case(line: "Statistics", state: .section(.skills), list: .awaitingItem, expected: .bullet(Bullet(depth: 0, label: nil, text: "Statistics"))),
        Case(line: "Data Engineer", state: .section(.skills), list: .awaitingItem, expected: .roleLine(1, outer: false)),
        Case(line: "- Education", state: .section(.industries), earlier: [.education], expected: .bullet(Bullet(depth: 0, label: nil, text: "Education"))),
        // Continuation of a wrapped item
        Case(line: "court records, and budgets.", state: .section(.skills), list: .open(continuable: true, indent: 0), expected: .continuation),
        Case(line: "court records, and budgets.", state: .section(.skills), list: .open(continuable: false, indent: 0), expected: .prose),
        Case(line: "Python and SQL, daily.", state: .section(.skills), list: .open(continuable: true, indent: 2), indent: 4, expected: .continuation),
        // Markdown headings (markup already removed by ArticleLines), unknown sections
        Case(line: "Responsibilities", state: .section(.definitions), headingLevel: 2,
             expected: .sectionHeading(.responsibilities, role: nil, heading: "Responsibilities")),
        Case(line: "Frequently Asked Questions", state: .section(.tips), headingLevel: 2,
             expected: .sectionHeading(.other, role: nil, heading: "Frequently Asked Questions")),
        Case(line: "A Closer Look", state: .section(.outlook), next: "Both roles share a love of data and a habit of asking questions.",
             expected: .sectionHeading(.other, role: nil, heading: "A Closer Look")),
        Case(line: "RESPONSIBILITIES:", state: .section(.definitions), expected: .sectionHeading(.responsibilities, role: nil, heading: "RESPONSIBILITIES:")),
        Case(line: "Key Responsibilities", state: .section(.definitions), expected: .sectionHeading(.responsibilities, role: nil, heading: "Key Responsibilities")),
        Case(line: "Career Outlook", state: .section(.industries), expected: .sectionHeading(.outlook, role: nil, heading: "Career Outlook")),
        Case(line: "Final Thoughts", state: .section(.tips), expected: .sectionHeading(.conclusion, role: nil, heading: "Final Thoughts")),
        // Roles written otherwise in the body
        Case(line: "Data Engineer (Big Data)", state: .section(.skills), expected: .roleLine(1, outer: false)),
        // Lead-ins with a role label, and as a bullet
        Case(line: "Data Scientist: The responsibilities of a Data Scientist include:", state: .section(.responsibilities),
             expected: .leadIn(.responsibilities, role: 0, heading: "Data Scientist: The responsibilities of a Data Scientist include")),
        Case(line: "Data Engineer: A Data Engineer is typically responsible for:", state: .section(.responsibilities),
             expected: .leadIn(.responsibilities, role: 1, heading: "Data Engineer: A Data Engineer is typically responsible for")),
        Case(line: "- The key responsibilities include:", state: .section(.responsibilities), role: 0,
             expected: .leadIn(.responsibilities, role: nil, heading: "The key responsibilities include")),
        // Tool categories and nested bullets
        Case(line: "- Experiment Tracking:", state: .section(.tools), role: 0, indent: 2,
             expected: .category(ToolCategoryLine(name: "Experiment Tracking", indent: 2, isBullet: true))),
        Case(line: "Frameworks:", state: .section(.tools), expected: .category(ToolCategoryLine(name: "Frameworks", indent: 0, isBullet: false))),
        Case(line: "- MLflow", state: .section(.tools), indent: 4, category: ToolCategoryLine(name: "Experiment Tracking", indent: 2, isBullet: true),
             expected: .bullet(Bullet(depth: 1, label: nil, text: "MLflow", indent: 4))),
        Case(line: "* Airflow", state: .section(.skills), indent: 4, bulletIndent: 0, expected: .bullet(Bullet(depth: 1, label: nil, text: "Airflow", indent: 4))),
        // Prose
        Case(line: "Both roles are in demand across industries.", state: .section(.outlook), expected: .prose),
    ]

    @Test(arguments: cases)
    func classifies(_ testCase: Case) {
        let lines = [ArticleLine(number: 1, text: Self.title)]
        let classifier = LineClassifier(roles: ArticleRoles(lines: lines), titleFolded: lines[0].folded)
        var context = LayoutContext()
        context.state = testCase.state
        context.role = testCase.role
        context.list = testCase.list
        context.earlierKinds = testCase.earlier
        context.next = testCase.next.map { ArticleLine(number: 3, text: $0) }
        context.bulletIndent = testCase.bulletIndent
        context.category = testCase.category
        let line = ArticleLine(number: 2, text: testCase.line, indent: testCase.indent, headingLevel: testCase.headingLevel)
        #expect(classifier.classify(line, in: context) == testCase.expected)
    }
}
