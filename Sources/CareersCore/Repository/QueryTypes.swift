/// Filters of `GET /jobs`, all optional and combinable. Salary bounds are annualised figures and
/// never match implausible salaries.
public struct JobFilter: Sendable, Hashable {
    public var query: String?
    public var role: String?
    public var company: String?
    public var location: String?
    public var remote: Bool?
    public var workplace: Workplace?
    public var employmentType: EmploymentType?
    public var level: JobLevel?
    public var salaryMin: Double?
    public var salaryMax: Double?
    public var currency: String?
    /// A skill or tool entity (id, name or alias): the jobs whose titles name it.
    public var skill: String?
    public var tool: String?
    /// `salaryMin`/`salaryMax` without `currency` apply to postings in this currency only: there
    /// are no exchange rates, and USD is the site's usual currency.
    public static let defaultSalaryCurrency = "USD"

    public init(
        query: String? = nil, role: String? = nil, company: String? = nil, location: String? = nil, remote: Bool? = nil,
        employmentType: EmploymentType? = nil, level: JobLevel? = nil, salaryMin: Double? = nil, salaryMax: Double? = nil,
        currency: String? = nil, workplace: Workplace? = nil, skill: String? = nil, tool: String? = nil
    ) {
        self.workplace = workplace
        self.skill = skill
        self.tool = tool
        self.query = query
        self.role = role
        self.company = company
        self.location = location
        self.remote = remote
        self.employmentType = employmentType
        self.level = level
        self.salaryMin = salaryMin
        self.salaryMax = salaryMax
        self.currency = currency
    }
}

public enum JobSort: String, Sendable, Hashable, CaseIterable {
    case salaryDesc = "salary_desc"
    case salaryAsc = "salary_asc"
    case title
    case company
    /// By `firstSeen` (when the job was first featured: its posting date), newest or oldest
    /// first; undated jobs last in both orders.
    case dateDesc = "date_desc"
    case dateAsc = "date_asc"
}

/// Filters of `GET /roles`.
public struct RoleFilter: Sendable, Hashable {
    public var query: String?
    public var skill: String?
    public var tool: String?
    public var industry: String?

    public init(query: String? = nil, skill: String? = nil, tool: String? = nil, industry: String? = nil) {
        self.query = query
        self.skill = skill
        self.tool = tool
        self.industry = industry
    }
}

/// Salary statistics over one group of postings (annualised; implausible figures excluded).
public struct SalaryStats: Sendable, Hashable, Codable {
    public var level: JobLevel?
    public var role: String?
    public var currency: String?
    public var count: Int
    public var min: Double?
    public var median: Double?
    public var max: Double?
    /// Postings of the group left out because their salary is implausible.
    public var excludedImplausible: Int
    /// Quantiles of the postings' midpoints (the median is the 0.5 one).
    public var percentiles: SalaryPercentiles
    public var histogram: SalaryHistogram

    public init(
        level: JobLevel?, role: String?, currency: String?, count: Int, min: Double?, median: Double?, max: Double?,
        excludedImplausible: Int, percentiles: SalaryPercentiles = SalaryPercentiles(),
        histogram: SalaryHistogram = SalaryHistogram(width: SalaryHistogram.defaultWidth, buckets: [])
    ) {
        self.level = level
        self.role = role
        self.currency = currency
        self.count = count
        self.min = min
        self.median = median
        self.max = max
        self.excludedImplausible = excludedImplausible
        self.percentiles = percentiles
        self.histogram = histogram
    }
}

public struct SalaryPercentiles: Sendable, Hashable, Codable {
    public var p10: Double?
    public var p25: Double?
    public var p75: Double?
    public var p90: Double?

    public init(p10: Double? = nil, p25: Double? = nil, p75: Double? = nil, p90: Double? = nil) {
        self.p10 = p10
        self.p25 = p25
        self.p75 = p75
        self.p90 = p90
    }
}

/// How a group's annualised midpoints spread: counts per bucket of equal width.
public struct SalaryHistogram: Sendable, Hashable, Codable {
    /// Annual amount per bucket when the request gives none.
    public static let defaultWidth = 10_000.0
    /// The widths a request may ask for (in the group's currency units per year).
    public static let widthRange = 1_000.0...10_000_000.0
    /// More buckets than this in one group widen the buckets instead (see `init(sorted:width:)`).
    public static let maxBuckets = 200

    /// The width used, which is the one asked for unless the group needed wider buckets.
    public var width: Double
    public var buckets: [SalaryBucket]

    public init(width: Double, buckets: [SalaryBucket]) {
        self.width = width
        self.buckets = buckets
    }
}

/// Postings whose annualised midpoint is in `[from, to)`.
public struct SalaryBucket: Sendable, Hashable, Codable {
    public var from: Double
    public var to: Double
    public var count: Int

    public init(from: Double, to: Double, count: Int) {
        self.from = from
        self.to = to
        self.count = count
    }
}

/// What a load read and what it rejected.
public struct LoadReport: Sendable, Hashable, Codable {
    public var loadedFiles: [String]
    /// Files: articles that do not parse, and directories or files that cannot be read.
    public var rejected: [ArticleRejection]
    /// Lines of `--jobs` files skipped (each file itself loads, so these are not rejected files).
    public var rejectedJobLines: [JobLineRejection] = []
    /// Lines that refer to another role's items without naming a role of their article; they
    /// stay text items (filled in by the repository, in article id order).
    public var unresolvedReferences: [UnresolvedReference]
    /// When the newest `--jobs` file was last modified, in seconds since the epoch: its postings
    /// carry no date of their own, so a changed file must still move the data's date (nil when
    /// no such file was read).
    public var jobFilesModified: Int?

    public init(loadedFiles: [String] = [], rejected: [ArticleRejection] = [], unresolvedReferences: [UnresolvedReference] = []) {
        self.loadedFiles = loadedFiles
        self.rejected = rejected
        self.unresolvedReferences = unresolvedReferences
    }
}


/// One page of a job search: the matching total and the requested slice, in order.
public struct JobPage: Sendable, Hashable {
    public var total: Int
    public var items: [Job]
    /// The id of the role the filter's `role` resolved to: each item's link to it (`Job.roles`)
    /// says why it is listed.
    public var role: String?

    public init(total: Int, items: [Job], role: String? = nil) {
        self.total = total
        self.items = items
        self.role = role
    }
}

/// Sizes of a repository, for start-up logs and `GET /`.
public struct RepositoryCounts: Sendable, Hashable, Codable {
    public var articles: Int
    public var roles: Int
    public var jobs: Int
    /// Postings as the articles list them, before deduplication.
    public var postings: Int
    public var rejectedFiles: Int

    public init(articles: Int, roles: Int, jobs: Int, postings: Int, rejectedFiles: Int) {
        self.articles = articles
        self.roles = roles
        self.jobs = jobs
        self.postings = postings
        self.rejectedFiles = rejectedFiles
    }
}
