import CareersCore
import Foundation
import Testing

/// Articles of the family written for these tests (Fixtures/Articles), one per template flavour,
/// read whole: every role's lists filled from its own lines, lead-ins never items, categories
/// never tools, unknown sections kept apart, postings complete.
@Suite struct ParserCorpusTests {
    /// Older template: numbered headings, template synonyms, "Role: … include:" lead-ins, CRLF,
    /// trailing tabs and spaces, tool categories the parser has no word for.
    @Test func olderTemplateWithNumberedHeadingsAndLabelledLeadIns() throws {
        let article = try ParserCorpus.article("data-analyst-vs-business-intelligence-analyst.txt")
        #expect(article.roles == ["Data Analyst", "Business Intelligence Analyst"])
        #expect(article.sections.map(\.kind) == [.definitions, .responsibilities, .skills, .education, .tools, .industries, .outlook, .tips, .conclusion])
        let analyst = try #require(article.profile("Data Analyst"))
        #expect(analyst.responsibilities.map(\.text) == [
            "Cleaning and validating raw data from several sources.", "Running ad-hoc analyses for product and finance teams.",
            "Presenting findings to stakeholders in plain language.",
        ])
        #expect(analyst.tools.filter { $0.category == "Experimentation" }.map(\.name) == ["internal A/B testing platforms", "Optimizely"])
        #expect(!analyst.tools.contains { $0.name == "Experimentation" })
        #expect(article.profile("Business Intelligence Analyst")?.responsibilities.count == 3)
        #expect(article.profile("Business Intelligence Analyst")?.tools.map(\.category) == Array(repeating: "Reporting", count: 3) + ["Warehousing", "Warehousing", "Orchestration", "Orchestration"])
        #expect(article.section(.tips)?.shared.map(\.label) == ["Learn SQL first", "Build a portfolio", "Practise storytelling"])
        #expect(article.conclusion?.hasPrefix("Both careers reward curiosity") == true)
    }

    /// Newer template in Markdown: "#" headings, "*" bullets, bold labels, a role with a qualifier
    /// in parentheses, labelled lead-ins, tools as sub-bullets of categories, HTML entities,
    /// postings with two employment types, no level line, and an open-ended salary.
    @Test func markdownTemplateWithEntitiesAndNestedTools() throws {
        let article = try ParserCorpus.article("data-engineer-big-data-vs-analytics-engineer.txt")
        #expect(article.roles == ["Data Engineer", "Analytics Engineer"])
        #expect(article.subtitle == "A side-by-side look at two data careers")
        #expect(article.intro?.contains("\"data person\"") == true)
        #expect(article.intro?.contains("&") == false)
        let engineer = try #require(article.profile("Data Engineer"))
        #expect(engineer.definition?.hasPrefix("A Data Engineer builds") == true)
        #expect(engineer.responsibilities.map(\.text) == [
            "Designing batch and streaming pipelines on Spark and Kafka.", "Running the data lake's storage layout and retention.",
            "Tuning cluster jobs for cost and speed.",
        ])
        #expect(engineer.skills.map(\.label) == ["Distributed computing", "Programming", "Data modelling"])
        #expect(engineer.tools.map { [$0.name, $0.category] } == [
            ["Apache Spark", "Processing"], ["Apache Flink", "Processing"], ["Kafka", "Streaming"], ["Kinesis", "Streaming"],
        ])
        let analytics = try #require(article.profile("Analytics Engineer"))
        #expect(analytics.responsibilities.map(\.text).contains("Maintaining the semantic layer & metric definitions."))
        #expect(analytics.responsibilities.map(\.text).contains("Reviewing analysts\u{2019} queries before they reach dashboards."))
        #expect(analytics.tools.map(\.name) == ["dbt", "SQLMesh", "Snowflake", "BigQuery"])
        #expect(article.sections.allSatisfy { $0.shared.isEmpty || $0.kind == .tips })
        #expect(article.jobs.count == 2)
        let streaming = try #require(article.jobs.first)
        #expect(streaming.company == "AT&T")
        #expect(streaming.employmentTypes == [.fullTime, .contract])
        #expect(streaming.salary?.min == 200_000)
        #expect(streaming.salary?.max == nil)
        #expect(streaming.salary?.isOpenEnded == true)
        let second = try #require(article.jobs.last)
        #expect(second.company == "Northwind Traders")
        #expect(second.employmentTypes == [.fullTime, .partTime])
        #expect(second.level == nil)
        #expect(second.salary?.max == 120_000)
    }

    /// Newer template with question headings, roles written with "&" and in other spellings in the
    /// body ("ML Ops Engineer", "MLOps Engineers:"), and sections the schema has no list for.
    @Test func questionHeadingsRoleSpellingsAndUnknownSections() throws {
        let article = try ParserCorpus.article("rd-engineer-vs-mlops-engineer.txt")
        #expect(article.roles == ["R&D Engineer", "MLOps Engineer"])
        #expect(article.profile("MLOps Engineer")?.definition?.hasPrefix("An ML Ops Engineer builds") == true)
        #expect(article.profile("R&D Engineer")?.responsibilities.count == 3)
        #expect(article.profile("MLOps Engineer")?.responsibilities.count == 3)
        #expect(article.profile("MLOps Engineer")?.skills.map(\.text) == ["Infrastructure as code.", "Kubernetes and container tooling."])
        #expect(article.profile("MLOps Engineer")?.tools.map(\.name) == ["Kubeflow", "Argo Workflows", "Triton", "KServe"])
        let other = article.sections.filter { $0.kind == .other }
        #expect(other.map(\.heading) == ["Key Differences", "Frequently Asked Questions"])
        #expect(other.last?.text?.contains("Which role pays more?") == true)
        // The unknown sections end where the next known one starts.
        #expect(article.conclusion?.hasPrefix("Choose R&D") == true)
    }

    /// Digits and dashes in role names (the body drops the dash), bullets wrapped over two lines,
    /// and mojibake of three kinds: Windows-1252, UTF-8 read as Latin-1 (C1 controls), and
    /// Windows-1252 twice over.
    @Test func wrappedBulletsAndMojibakeFlavours() throws {
        let article = try ParserCorpus.article("web3-developer-vs-full-stack-developer.txt")
        #expect(article.roles == ["Web3 Developer", "Full-Stack Developer"])
        #expect(article.byline == "4 min read · May 9, 2024")
        let web3 = try #require(article.profile("Web3 Developer"))
        #expect(web3.responsibilities.map(\.text) == [
            "Writing and auditing smart contracts for token and governance logic.", "Integrating wallets into the team\u{2019}s web front ends.",
        ])
        let fullStack = try #require(article.profile("Full-Stack Developer"))
        #expect(fullStack.definition?.contains("it\u{2019}s a broad role") == true)
        #expect(fullStack.responsibilities.map(\.text) == [
            "Building APIs and the pages that use them, from database schema to CSS.", "Deploying and monitoring the company\u{2019}s web services.",
        ])
        #expect(fullStack.skills.count == 2)
        #expect(fullStack.tools.map(\.name) == ["React", "Node.js", "PostgreSQL"])
    }

    /// Headings in capitals with a colon, lead-in sentences without a role label, a role named by
    /// its long form and its plural in the body, and an unknown section between known ones.
    @Test func capitalHeadingsUnlabelledLeadInsAndAliases() throws {
        let article = try ParserCorpus.article("product-analyst-vs-ux-researcher.txt")
        #expect(article.roles == ["Product Analyst", "UX Researcher"])
        #expect(article.profile("UX Researcher")?.definition?.hasPrefix("A UX Researcher studies") == true)
        #expect(article.profile("Product Analyst")?.responsibilities.map(\.text) == ["Defining and tracking product metrics.", "Analysing experiments and funnels."])
        #expect(article.profile("UX Researcher")?.responsibilities.count == 2)
        #expect(article.sections.map(\.kind) == [.definitions, .responsibilities, .skills, .other, .tools, .conclusion])
        #expect(article.profile("UX Researcher")?.tools.map(\.category) == ["Research repositories", "Research repositories", "Prototyping"])
    }

    /// A file saved as UTF-16 (either byte order, with its byte-order mark) reads as its UTF-8 twin.
    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func utf16WithByteOrderMark(encoding: String.Encoding) throws {
        let name = "product-analyst-vs-ux-researcher.txt"
        let text = String(decoding: try ParserCorpus.bytes(name), as: UTF8.self)
        let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        let bytes = bom + [UInt8](try #require(text.data(using: encoding)))
        #expect(try ArticleParser.parse(bytes: bytes, fileName: name) == ParserCorpus.article(name))
    }
}
