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
    public var rejected: [ArticleRejection]

    public init(loadedFiles: [String] = [], rejected: [ArticleRejection] = []) {
        self.loadedFiles = loadedFiles
        self.rejected = rejected
    }
}

/// The immutable, in-memory repository: articles, roles merged across them, deduplicated jobs, and
/// the indexes the API's queries run on. Built once, then shared read-only (a reload builds a new
/// one and swaps it in whole). (Stub: the article-parser issue fills it in.)
public final class Repository: Sendable {
    public let articles: [Article]
    public let roles: [Role]
    public let jobs: [Job]
    public let report: LoadReport

    public init(articles: [Article], report: LoadReport = LoadReport()) {
        self.articles = articles
        self.roles = []
        self.jobs = []
        self.report = report
    }

    /// Parses every (name, bytes) pair; rejected files are reported and skipped.
    public static func build(files: [(name: String, bytes: [UInt8])]) -> Repository {
        var articles: [Article] = []
        var report = LoadReport()
        for file in files {
            do {
                articles.append(try ArticleParser.parse(bytes: file.bytes, fileName: file.name))
                report.loadedFiles.append(file.name)
            } catch {
                report.rejected.append(error)
            }
        }
        return Repository(articles: articles, report: report)
    }

    public func article(id: String) -> Article? { articles.first { $0.id == id } }
    public func role(id: String) -> Role? { roles.first { $0.id == id } }
    public func job(id: String) -> Job? { jobs.first { $0.id == id } }

    /// Resolves an id, title or alias, tolerating case, accents and typos.
    public func resolveRole(_ nameOrId: String) -> Role? { nil }
    /// The closest role ids to an unknown one, best first.
    public func suggestRoleIDs(for text: String, limit: Int = 3) -> [String] { [] }
    /// Roles matching every given filter, ranked by relevance when `query` is set, else by id.
    public func searchRoles(_ filter: RoleFilter) -> [Role] { [] }
    /// Jobs matching every filter, in the given order (stable: ties by id); nil sort → by id.
    public func searchJobs(_ filter: JobFilter, sort: JobSort?) -> [Job] { [] }
    /// Statistics grouped by level, and by role and/or currency when asked.
    public func salaryStats(byRole: Bool, byCurrency: Bool, filter: JobFilter) -> [SalaryStats] { [] }
}
