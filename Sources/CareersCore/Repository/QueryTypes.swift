/// Filters of `GET /jobs`, all optional and combinable. Salary bounds are annualised figures and
/// never match implausible salaries.
public struct JobFilter: Sendable, Hashable {
    public var query: String?
    public var role: String?
    public var company: String?
    public var location: String?
    public var remote: Bool?
    public var employmentType: EmploymentType?
    public var level: JobLevel?
    public var salaryMin: Double?
    public var salaryMax: Double?
    public var currency: String?
    /// `salaryMin`/`salaryMax` without `currency` apply to postings in this currency only: there
    /// are no exchange rates, and USD is the site's usual currency.
    public static let defaultSalaryCurrency = "USD"

    public init(
        query: String? = nil, role: String? = nil, company: String? = nil, location: String? = nil, remote: Bool? = nil,
        employmentType: EmploymentType? = nil, level: JobLevel? = nil, salaryMin: Double? = nil, salaryMax: Double? = nil,
        currency: String? = nil
    ) {
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

    public init(level: JobLevel?, role: String?, currency: String?, count: Int, min: Double?, median: Double?, max: Double?, excludedImplausible: Int) {
        self.level = level
        self.role = role
        self.currency = currency
        self.count = count
        self.min = min
        self.median = median
        self.max = max
        self.excludedImplausible = excludedImplausible
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
