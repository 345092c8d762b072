// The product's data model. Every statement carries the article id(s) it came from (`sources`),
// so that the API can show provenance per item. All types are plain values: the repository is
// built once and shared read-only across threads.

/// One bullet or line of a list section. `label` is set for labelled bullets
/// ("Team Leadership: Manage …" → label "Team Leadership", text "Manage …").
public struct ListItem: Sendable, Hashable, Codable {
    public var label: String?
    public var text: String
    public var sources: [String]
    /// What few items have, in an array that is empty (one word, no allocation) for the others:
    /// every item of every article pays for this field.
    private var extras: [Extras]

    private struct Extras: Sendable, Hashable {
        var inheritedFrom: String?
        var inheritedIn: [String] = []
        var variants: [ItemVariant] = []
        var entities: [String] = []
        var isEmpty: Bool { inheritedFrom == nil && inheritedIn.isEmpty && variants.isEmpty && entities.isEmpty }
    }

    /// The id of the role this item is inherited from, when an article gives it by reference
    /// ("Same as Machine Learning Engineer, plus …"); nil when no article does.
    public var inheritedFrom: String? {
        get { extras.first?.inheritedFrom }
        set { updateExtras { $0.inheritedFrom = newValue } }
    }
    /// The articles (among `sources`) that give the item by reference; the others list it for
    /// the role directly.
    public var inheritedIn: [String] {
        get { extras.first?.inheritedIn ?? [] }
        set { updateExtras { $0.inheritedIn = newValue } }
    }
    /// Other articles' wordings of the same piece of advice (see `SameAdvice`), first seen first.
    public var variants: [ItemVariant] {
        get { extras.first?.variants ?? [] }
        set { updateExtras { $0.variants = newValue } }
    }
    /// Ids of the entities (skills, tools; industries in industry lists) the text names, in
    /// order of first mention. Set on merged roles by the repository; empty as parsed (ask
    /// `Knowledge.entityIDs(of:)` for an article's items).
    public var entities: [String] {
        get { extras.first?.entities ?? [] }
        set { updateExtras { $0.entities = newValue } }
    }

    /// Adds another article's wording in place. Through the `variants` setter each append
    /// would copy the whole array (the getter hands out a second reference): quadratic for a
    /// piece of advice thousands of articles give.
    mutating func appendVariant(_ variant: ItemVariant) {
        if extras.isEmpty { extras = [Extras()] }
        extras[0].variants.append(variant)
    }

    /// Records, in place, that `source` gives the item by reference (as `appendVariant`).
    mutating func appendInheritedIn(_ source: String) {
        if extras.isEmpty { extras = [Extras()] }
        extras[0].inheritedIn.append(source)
    }

    private mutating func updateExtras(_ change: (inout Extras) -> Void) {
        var value = extras.first ?? Extras()
        extras = []
        change(&value)
        if !value.isEmpty { extras = [value] }
    }

    public init(
        label: String? = nil, text: String, sources: [String] = [], inheritedFrom: String? = nil, inheritedIn: [String] = [],
        variants: [ItemVariant] = [], entities: [String] = []
    ) {
        self.label = label
        self.text = text
        self.sources = sources
        let extras = Extras(inheritedFrom: inheritedFrom, inheritedIn: inheritedIn, variants: variants, entities: entities)
        self.extras = extras.isEmpty ? [] : [extras]
    }

    private enum CodingKeys: String, CodingKey {
        case label, text, sources, inheritedFrom, inheritedIn, variants, entities
    }

    // Absent fields stay absent: an item without inheritance or variants encodes as before.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        text = try container.decode(String.self, forKey: .text)
        sources = try container.decode([String].self, forKey: .sources)
        let extras = Extras(
            inheritedFrom: try container.decodeIfPresent(String.self, forKey: .inheritedFrom),
            inheritedIn: try container.decodeIfPresent([String].self, forKey: .inheritedIn) ?? [],
            variants: try container.decodeIfPresent([ItemVariant].self, forKey: .variants) ?? [],
            entities: try container.decodeIfPresent([String].self, forKey: .entities) ?? [])
        self.extras = extras.isEmpty ? [] : [extras]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(label, forKey: .label)
        try container.encode(text, forKey: .text)
        try container.encode(sources, forKey: .sources)
        try container.encodeIfPresent(inheritedFrom, forKey: .inheritedFrom)
        if !inheritedIn.isEmpty { try container.encode(inheritedIn, forKey: .inheritedIn) }
        if !variants.isEmpty { try container.encode(variants, forKey: .variants) }
        if !entities.isEmpty { try container.encode(entities, forKey: .entities) }
    }
}

/// Another article's wording of an item merged with it: its label and text as written there.
public struct ItemVariant: Sendable, Hashable, Codable {
    public var label: String?
    public var text: String
    public var source: String

    public init(label: String? = nil, text: String, source: String) {
        self.label = label
        self.text = text
        self.source = source
    }
}

/// A tool, normalised ("tensorflow", "Tensorflow" → "TensorFlow") with its category when the
/// article gives one ("Frameworks: TensorFlow, PyTorch").
public struct ToolItem: Sendable, Hashable, Codable {
    public var name: String
    public var category: String?
    public var sources: [String]
    /// Empty (one word, no allocation) for the tools nobody inherits, nearly all of them.
    private var inheritance: [Inheritance]

    private struct Inheritance: Sendable, Hashable {
        var from: String?
        var articles: [String]
    }

    /// The id of the role this tool is inherited from ("All tools used by Machine Learning
    /// Engineers."); nil when no article gives it by reference.
    public var inheritedFrom: String? {
        get { inheritance.first?.from }
        set { inheritance = Self.inheritance(newValue, inheritedIn) }
    }
    /// The articles (among `sources`) that give the tool by reference.
    public var inheritedIn: [String] {
        get { inheritance.first?.articles ?? [] }
        set { inheritance = Self.inheritance(inheritedFrom, newValue) }
    }

    private static func inheritance(_ from: String?, _ articles: [String]) -> [Inheritance] {
        from == nil && articles.isEmpty ? [] : [Inheritance(from: from, articles: articles)]
    }
    /// The tool entity's id. Set on merged roles by the repository (whose `name` is then the
    /// entity's); nil as parsed (ask `Knowledge.toolID(named:)` for an article's tools).
    public var id: String?

    public init(
        name: String, category: String? = nil, sources: [String] = [], inheritedFrom: String? = nil, inheritedIn: [String] = [],
        id: String? = nil
    ) {
        self.name = name
        self.category = category
        self.sources = sources
        self.id = id
        inheritance = Self.inheritance(inheritedFrom, inheritedIn)
    }

    private enum CodingKeys: String, CodingKey {
        case name, category, sources, inheritedFrom, inheritedIn, id
    }

    // Absent fields stay absent: a tool nobody inherits encodes as before.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        category = try container.decodeIfPresent(String.self, forKey: .category)
        sources = try container.decode([String].self, forKey: .sources)
        inheritance = Self.inheritance(
            try container.decodeIfPresent(String.self, forKey: .inheritedFrom),
            try container.decodeIfPresent([String].self, forKey: .inheritedIn) ?? [])
        id = try container.decodeIfPresent(String.self, forKey: .id)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(category, forKey: .category)
        try container.encode(sources, forKey: .sources)
        try container.encodeIfPresent(inheritedFrom, forKey: .inheritedFrom)
        if !inheritedIn.isEmpty { try container.encode(inheritedIn, forKey: .inheritedIn) }
        try container.encodeIfPresent(id, forKey: .id)
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
    /// The skill, tool and industry entities its sentences and lists name, with their sources.
    /// Set by the repository (`Knowledge`).
    public var entities: RoleEntities = RoleEntities()

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
    /// The roles it relates to and why (see `JobRoleLink`): title matches, then similar titles
    /// (best first), then roles of the articles that feature it.
    public var roles: [JobRoleLink]
    /// The earliest and latest published dates (yyyy-MM-dd) of those articles; nil when none of
    /// them is dated (or the job comes only from a `--jobs` file).
    public var firstSeen: String?
    public var lastSeen: String?

    public init(
        id: String, posting: JobPosting, remote: Bool, sources: [String], workplace: Workplace? = nil, roles: [JobRoleLink] = [],
        firstSeen: String? = nil, lastSeen: String? = nil
    ) {
        self.id = id
        self.posting = posting
        self.remote = remote
        self.workplace = workplace ?? (remote ? .remote : .onsite)
        self.sources = sources
        self.roles = roles
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    /// Widens the seen dates to include `date` (ISO dates order as strings).
    mutating func seen(on date: String?) {
        guard let date else { return }
        if firstSeen.map({ date < $0 }) ?? true { firstSeen = date }
        if lastSeen.map({ date > $0 }) ?? true { lastSeen = date }
    }
}

/// Why a job relates to a role, strongest first.
public enum JobRoleReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The job's title names the role or an alias once seniority and qualifiers are set aside
    /// ("Senior Data Scientist, Pricing" is a Data Scientist job).
    case title
    /// The title's words match the role's name closely (`JobRoles.similarThreshold`).
    case similar
    /// An article about the role features the job.
    case featured
}

/// One role a job relates to. `score` is how closely the job's title matches the role's name
/// (1 for a title match; 0–1 otherwise, also for featured jobs), rounded to two decimals.
public struct JobRoleLink: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var reason: JobRoleReason
    public var score: Double

    public init(id: String, title: String, reason: JobRoleReason, score: Double) {
        self.id = id
        self.title = title
        self.reason = reason
        self.score = score
    }
}

public enum Workplace: String, Sendable, Hashable, Codable, CaseIterable {
    case remote, hybrid, onsite
}
