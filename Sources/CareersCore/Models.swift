// The product's data model. Every statement carries the article id(s) it came from (`sources`),
// so that the API can show provenance per item. All types are plain values: the repository is
// built once and shared read-only across threads.

/// One bullet or line of a list section. `label` is set for labelled bullets
/// ("Team Leadership: Manage …" → label "Team Leadership", text "Manage …").
public struct ListItem: Sendable, Hashable, Codable {
    public var label: String?
    public var text: String
    public var sources: [String]

    public init(label: String? = nil, text: String, sources: [String] = []) {
        self.label = label
        self.text = text
        self.sources = sources
    }
}

/// A tool, normalised ("tensorflow", "Tensorflow" → "TensorFlow") with its category when the
/// article gives one ("Frameworks: TensorFlow, PyTorch").
public struct ToolItem: Sendable, Hashable, Codable {
    public var name: String
    public var category: String?
    public var sources: [String]

    public init(name: String, category: String? = nil, sources: [String] = []) {
        self.name = name
        self.category = category
        self.sources = sources
    }
}

/// A paragraph of prose attributed to one article (definitions, outlook).
public struct SourcedText: Sendable, Hashable, Codable {
    public var text: String
    public var source: String

    public init(text: String, source: String) {
        self.text = text
        self.source = source
    }
}

/// What an article says about one of its roles, as parsed (before merging across articles).
public struct RoleProfile: Sendable, Hashable, Codable {
    public var title: String
    public var definition: String?
    public var responsibilities: [ListItem]
    public var skills: [ListItem]
    public var education: [ListItem]
    public var tools: [ToolItem]
    public var industries: [ListItem]
    public var tips: [ListItem]
    /// What the article's outlook says about this role alone, when it splits the outlook by role.
    public var outlook: String?

    public init(
        title: String, definition: String? = nil, responsibilities: [ListItem] = [],
        skills: [ListItem] = [], education: [ListItem] = [], tools: [ToolItem] = [],
        industries: [ListItem] = [], tips: [ListItem] = [], outlook: String? = nil
    ) {
        self.outlook = outlook
        self.title = title
        self.definition = definition
        self.responsibilities = responsibilities
        self.skills = skills
        self.education = education
        self.tools = tools
        self.industries = industries
        self.tips = tips
    }
}

/// The kind of an article section, in the order articles of this site use.
public enum SectionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case intro, definitions, responsibilities, skills, education, tools, industries, outlook, tips,
        conclusion, other
}

/// One section of an article, in document order. Per-role content sits in `roles` (keyed by role
/// title as the article writes it); content the article does not split by role sits in `shared`
/// (items) and `text` (prose).
public struct ArticleSection: Sendable, Hashable, Codable {
    public struct RoleBlock: Sendable, Hashable, Codable {
        public var role: String
        public var text: String?
        public var items: [ListItem]
        public var tools: [ToolItem]

        public init(role: String, text: String? = nil, items: [ListItem] = [], tools: [ToolItem] = []) {
            self.role = role
            self.text = text
            self.items = items
            self.tools = tools
        }
    }

    public var kind: SectionKind
    public var heading: String
    public var text: String?
    public var shared: [ListItem]
    /// Tools the article lists without splitting them by role.
    public var tools: [ToolItem]
    public var roles: [RoleBlock]

    public init(
        kind: SectionKind, heading: String, text: String? = nil, shared: [ListItem] = [], tools: [ToolItem] = [],
        roles: [RoleBlock] = []
    ) {
        self.tools = tools
        self.kind = kind
        self.heading = heading
        self.text = text
        self.shared = shared
        self.roles = roles
    }
}

public enum EmploymentType: String, Sendable, Hashable, Codable, CaseIterable {
    case fullTime = "full_time"
    case partTime = "part_time"
    case contract
    case internship
    case temporary
    case freelance
}

public enum JobLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case entry, mid, senior, executive
}

public enum SalaryPeriod: String, Sendable, Hashable, Codable, CaseIterable {
    case hour, day, week, month, year
}

/// A salary as the posting gives it, plus annualised figures. Annualisation uses
/// `Salary.hoursPerYear` (and 260 days, 52 weeks, 12 months) — one declared constant each.
public struct Salary: Sendable, Hashable, Codable {
    public static let hoursPerYear = 2080.0
    public static let daysPerYear = 260.0
    public static let weeksPerYear = 52.0

    public var currency: String
    public var min: Double
    /// Nil for an open-ended salary ("USD 200K+": at least 200K, no upper figure given).
    public var max: Double?
    public var period: SalaryPeriod
    public var annualMin: Double
    /// The annual upper figure, or for an open-ended salary the annual minimum, which is the
    /// most the posting promises: filters and sorts compare it; `max == nil` says it is open.
    public var annualMax: Double
    /// False for figures no real posting has (e.g. "USD 1111111K"); such salaries are kept but
    /// left out of statistics and salary filters.
    public var plausible: Bool

    public var isOpenEnded: Bool { max == nil }

    public init(currency: String, min: Double, max: Double?, period: SalaryPeriod, annualMin: Double, annualMax: Double, plausible: Bool) {
        self.currency = currency
        self.min = min
        self.max = max
        self.period = period
        self.annualMin = annualMin
        self.annualMax = annualMax
        self.plausible = plausible
    }
}

/// A featured job posting as one article lists it.
public struct JobPosting: Sendable, Hashable, Codable {
    public var title: String
    public var company: String?
    public var location: String?
    public var employmentTypes: [EmploymentType]
    public var level: JobLevel?
    /// The level as the article words it ("Senior-level / Expert").
    public var levelLabel: String?
    public var salary: Salary?

    public init(title: String, company: String?, location: String?, employmentTypes: [EmploymentType], level: JobLevel?, levelLabel: String?, salary: Salary?) {
        self.title = title
        self.company = company
        self.location = location
        self.employmentTypes = employmentTypes
        self.level = level
        self.levelLabel = levelLabel
        self.salary = salary
    }
}

/// One parsed article ("X vs. Y").
public struct Article: Sendable, Hashable, Codable {
    /// Slug of the file name without extension (stable across machines).
    public var id: String
    public var fileName: String
    public var title: String
    public var subtitle: String?
    public var readingMinutes: Int?
    /// The line the reading time and date come from, repaired ("5 min read · Dec. 6, 2023").
    public var byline: String?
    /// ISO 8601 date (yyyy-MM-dd) or nil.
    public var published: String?
    public var intro: String?
    /// The compared roles' titles, in the article's order.
    public var roles: [String]
    public var profiles: [RoleProfile]
    /// Items and prose the article does not split by role, by section kind.
    public var sections: [ArticleSection]
    public var outlook: String?
    public var conclusion: String?
    public var jobs: [JobPosting]
    /// What the parser could not read cleanly (`ReadingIssue`); nil when nothing (so a clean
    /// article encodes as before).
    public var readingIssues: [ReadingIssue]?

    public init(
        id: String, fileName: String, title: String, subtitle: String? = nil, readingMinutes: Int? = nil,
        published: String? = nil, intro: String? = nil, roles: [String] = [], profiles: [RoleProfile] = [],
        sections: [ArticleSection] = [], outlook: String? = nil, conclusion: String? = nil, jobs: [JobPosting] = []
    ) {
        self.id = id
        self.fileName = fileName
        self.title = title
        self.subtitle = subtitle
        self.readingMinutes = readingMinutes
        self.published = published
        self.intro = intro
        self.roles = roles
        self.profiles = profiles
        self.sections = sections
        self.outlook = outlook
        self.conclusion = conclusion
        self.jobs = jobs
        self.byline = nil
    }
}

/// A role merged across all articles that mention it. `id` is the slug of the normalised title.
public struct Role: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var aliases: [String]
    public var summary: String?
    public var definitions: [SourcedText]
    public var responsibilities: [ListItem]
    public var skills: [ListItem]
    public var education: [ListItem]
    public var tools: [ToolItem]
    public var industries: [ListItem]
    public var outlook: [SourcedText]
    public var tips: [ListItem]
    /// Ids of the articles that compare this role.
    public var comparisons: [String]
    /// Ids of the roles it is compared with in some article.
    public var related: [String]

    public init(
        id: String, title: String, aliases: [String] = [], summary: String? = nil, definitions: [SourcedText] = [],
        responsibilities: [ListItem] = [], skills: [ListItem] = [], education: [ListItem] = [], tools: [ToolItem] = [],
        industries: [ListItem] = [], outlook: [SourcedText] = [], tips: [ListItem] = [], comparisons: [String] = [],
        related: [String] = []
    ) {
        self.id = id
        self.title = title
        self.aliases = aliases
        self.summary = summary
        self.definitions = definitions
        self.responsibilities = responsibilities
        self.skills = skills
        self.education = education
        self.tools = tools
        self.industries = industries
        self.outlook = outlook
        self.tips = tips
        self.comparisons = comparisons
        self.related = related
    }
}

/// A job merged across articles. `id` is derived from content (title, company, location), so it
/// is the same on every restart and every replica.
public struct Job: Sendable, Hashable, Codable {
    public var id: String
    public var posting: JobPosting
    public var remote: Bool
    /// Remote, hybrid or on-site, read from the location ("Remote (anywhere in the U.S.)", "Hybrid - Berlin").
    public var workplace: Workplace
    /// Ids of the articles that feature it.
    public var sources: [String]

    public init(id: String, posting: JobPosting, remote: Bool, sources: [String], workplace: Workplace? = nil) {
        self.id = id
        self.posting = posting
        self.remote = remote
        self.workplace = workplace ?? (remote ? .remote : .onsite)
        self.sources = sources
    }
}

public enum Workplace: String, Sendable, Hashable, Codable, CaseIterable {
    case remote, hybrid, onsite
}
