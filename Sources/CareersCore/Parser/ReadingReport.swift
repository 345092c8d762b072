/// What the parser could not read cleanly in one article, line by line, so that an operator
/// feeding hundreds of articles knows which few to look at. An article with issues still loads;
/// the issues say where its content may be wrong or missing. Clean articles have none.
public struct ReadingIssue: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A line that is neither structure nor prose where prose belongs (a sentence inside a
        /// per-role list, a tool bullet that names no tool).
        case lineNotUnderstood = "line_not_understood"
        /// A section the schema has no place for ("FAQ", "Key Differences"): kept as `.other`.
        case unknownSection = "unknown_section"
        /// A per-role list section where one role has no items while another has, and the
        /// article never opened that role's part (its items went elsewhere, or it was left out).
        /// A role line with nothing under it is the article's own empty list, not reported.
        case emptyRoleList = "empty_role_list"
        case roleWithoutDefinition = "role_without_definition"
        /// A line naming a role the article does not compare (a group line that matched no role).
        case unresolvedReference = "unresolved_reference"
        /// A salary no real posting has ("USD 1111111K"): kept, left out of statistics.
        case implausibleSalary = "implausible_salary"
        /// A bullet that announces a list ("- The key responsibilities include:"), read as a lead-in.
        case bulletReadsAsLeadIn = "bullet_reads_as_lead_in"

        public var severity: Severity {
            switch self {
            case .implausibleSalary: .notice
            case .lineNotUnderstood, .unknownSection, .emptyRoleList, .roleWithoutDefinition, .unresolvedReference, .bulletReadsAsLeadIn:
                .warning
            }
        }
    }

    /// How much an issue needs a reader. A warning: what is served from the article may be wrong
    /// or missing. A notice: a value read as written that the loader already sets aside (an
    /// implausible salary is kept, flagged `plausible: false` and left out of statistics and
    /// salary filters), so nothing served is wrong; the report lists notices on request. An
    /// article with notices only reads as clean.
    public enum Severity: String, Sendable, Hashable, Codable {
        case warning, notice
    }

    public var kind: Kind
    public var file: String
    /// 1-based; nil when the issue is about the article as a whole (a role without definition
    /// when there is no Definitions section).
    public var line: Int?
    public var message: String

    public init(kind: Kind, file: String, line: Int?, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    /// "file:line: kind: message", as compilers print diagnostics.
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(kind.rawValue): \(message)"
    }
}

extension ReadingIssue {
    public var severity: Severity { kind.severity }
}

extension Article {
    /// The article's reading issues, warnings and notices, in line order (empty when it was
    /// read cleanly).
    public var readingReport: [ReadingIssue] { readingIssues ?? [] }
    /// The issues that need a reader (`ReadingIssue.Severity.warning`).
    public var readingWarnings: [ReadingIssue] { readingReport.filter { $0.severity == .warning } }
}

/// The checks made on an assembled article (the line-level issues are noted as the lines are
/// applied): per-role lists empty for one role, roles without a definition, implausible salaries.
enum ReadingChecks {
    static func issues(
        of article: Article, sections: [SectionDraft], jobs: [(posting: JobPosting, line: Int)], lineIssues: [ReadingIssue], file: String
    ) -> [ReadingIssue] {
        var issues = lineIssues
        for section in sections where section.kind.isPerRoleList {
            let filled = Set(section.blocks.filter { !$0.items.isEmpty || !$0.tools.isEmpty }.map(\.role))
            let opened = Set(section.blocks.map(\.role))
            guard !filled.isEmpty else { continue }
            for role in article.roles where !opened.contains(role) {
                issues.append(ReadingIssue(
                    kind: .emptyRoleList, file: file, line: section.line == 0 ? nil : section.line,
                    message: "\(role) has no \(section.kind.rawValue) under \"\(section.heading)\", the other role has"))
            }
        }
        let definitions = sections.first { $0.kind == .definitions }
        for profile in article.profiles where profile.definition == nil {
            issues.append(ReadingIssue(
                kind: .roleWithoutDefinition, file: file, line: definitions.flatMap { $0.line == 0 ? nil : $0.line },
                message: "\(profile.title) has no definition"))
        }
        for (posting, line) in jobs {
            guard let salary = posting.salary, !salary.plausible else { continue }
            let range = salary.max.map { "\(Int(salary.min))–\(Int($0))" } ?? "\(Int(salary.min))+"
            issues.append(ReadingIssue(
                kind: .implausibleSalary, file: file, line: line,
                message: "salary \(salary.currency) \(range) per \(salary.period.rawValue) of \"\(posting.title)\" is implausible; left out of statistics"))
        }
        return issues.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
    }
}
