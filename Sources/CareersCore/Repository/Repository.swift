/// The immutable, in-memory repository: articles, roles merged across them, deduplicated jobs, and
/// the indexes the API's queries run on. Built once, then shared read-only (a reload builds a new
/// one and swaps it in whole).
public final class Repository: Sendable {
    /// Sorted by id.
    public let articles: [Article]
    /// Sorted by id.
    public let roles: [Role]
    /// Sorted by id.
    public let jobs: [Job]
    public let report: LoadReport
    public let counts: RepositoryCounts
    private let articlePositions: [String: Int]
    private let rolePositions: [String: Int]
    private let jobPositions: [String: Int]
    private let roleSearch: RoleSearch
    private let jobIndex: JobIndex
    /// Skills, tools and industries as entities, with the roles and jobs naming each.
    public let knowledge: Knowledge

    /// `extraJobs` (from `--jobs` files) merge with the articles' postings by the same id rule.
    /// `vocabulary` is the curated list of names the entity matcher starts from.
    public init(
        articles: [Article], extraJobs: [SourcedPosting] = [], report: LoadReport = LoadReport(),
        vocabulary: Vocabulary = .embedded
    ) {
        var unique: [String: Article] = [:]
        for article in articles where unique[article.id] == nil { unique[article.id] = article }
        let sorted = unique.values.sorted { $0.id < $1.id }
        // Roles and jobs are merged independently of each other: side by side.
        let ((roles, unresolvedReferences), (mergedJobs, foldedJobs)) = Parallel.both({
            var merger = RoleMerger()
            sorted.forEach { merger.add($0) }
            return (merger.roles(), merger.unresolvedReferences)
        }, {
            JobMerger.merge(sorted, extra: extraJobs)
        })
        let rolePositions = Dictionary(roles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var jobs = mergedJobs
        jobIndex = JobIndex(
            jobs: &jobs, folded: foldedJobs, roles: roles,
            featured: Self.featuredRoles(jobs: jobs, articles: sorted, rolePositions: rolePositions))
        // Entities come from what the articles and the merged roles say, so they are found after
        // both; the roles' sentences and tools gain their entity ids here.
        let model = KnowledgeBuilder.build(articles: sorted, roles: roles, jobs: jobs, vocabulary: vocabulary)
        knowledge = model.knowledge
        self.articles = sorted
        self.roles = model.roles
        self.jobs = jobs
        var report = report
        report.unresolvedReferences = unresolvedReferences
        self.report = report
        counts = RepositoryCounts(
            articles: sorted.count, roles: roles.count, jobs: jobs.count,
            postings: sorted.reduce(extraJobs.count) { $0 + $1.jobs.count }, rejectedFiles: report.rejected.count)
        articlePositions = Dictionary(sorted.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.rolePositions = rolePositions
        jobPositions = Dictionary(jobs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        roleSearch = RoleSearch(roles: roles)
    }

    /// For each job, the positions of the roles compared by the articles that feature it.
    private static func featuredRoles(jobs: [Job], articles: [Article], rolePositions: [String: Int]) -> [[Int]] {
        // Articles name a few hundred roles between them: each title's id is worked out once.
        var positionOfTitle: [String: Int?] = [:]
        func position(_ title: String) -> Int? {
            if let known = positionOfTitle[title] { return known }
            let found = rolePositions[RoleNames.id(key: RoleNames.key(title))]
            positionOfTitle[title] = found
            return found
        }
        var byArticle: [String: [Int]] = [:]
        for article in articles where byArticle[article.id] == nil { byArticle[article.id] = article.roles.compactMap(position) }
        return jobs.map { job in job.sources.flatMap { byArticle[$0] ?? [] } }
    }

    public func article(id: String) -> Article? { articlePositions[id].map { articles[$0] } }
    public func role(id: String) -> Role? { rolePositions[id].map { roles[$0] } }
    public func job(id: String) -> Job? { jobPositions[id].map { jobs[$0] } }

    /// Resolves an id, title or alias, tolerating case, accents and typos ("ml engneer").
    public func resolveRole(_ nameOrId: String) -> Role? {
        if let role = role(id: nameOrId) { return role }
        var best: (score: Int, index: Int)?
        let query = RoleSearch.Query(nameOrId)
        for index in roles.indices {
            guard let score = roleSearch.score(query, role: index), score < 100 else { continue }
            if best == nil || score < (best?.score ?? .max) { best = (score, index) }
        }
        return best.map { roles[$0.index] }
    }

    /// The closest role ids to an unknown one, best first.
    public func suggestRoleIDs(for text: String, limit: Int = 3) -> [String] {
        roleSearch.nearest(text, limit: limit).map { roles[$0].id }
    }

    /// Roles matching every given filter, ranked by relevance when `query` is set, else by id.
    public func searchRoles(_ filter: RoleFilter) -> [Role] {
        var scored: [(score: Int, index: Int)] = []
        let query = filter.query.map(RoleSearch.Query.init)
        for index in roles.indices {
            let role = roles[index]
            var score = 0
            if let query, !query.variants.isEmpty {
                guard let value = roleSearch.score(query, role: index) else { continue }
                score = value
            }
            if let skill = filter.skill, !names(role, .skills, skill, as: .skill) { continue }
            if let tool = filter.tool, !names(role, .tools, tool, as: .tool) { continue }
            if let industry = filter.industry, !names(role, .industries, industry, as: .industry) { continue }
            scored.append((score, index))
        }
        return scored.sorted { $0.score != $1.score ? $0.score < $1.score : $0.index < $1.index }.map { roles[$0.index] }
    }

    /// Whether a role's section names the entity a filter value resolves to (id, name or alias);
    /// a value naming no entity matches no role.
    private func names(_ role: Role, _ section: EntitySection, _ value: String, as type: EntityType) -> Bool {
        guard let entity = knowledge.resolve(type, value) else { return false }
        return role.entities[section].contains { $0.id == entity.id }
    }

    /// Jobs matching every filter, in the given order (stable: ties by id); nil sort → by id.
    public func searchJobs(_ filter: JobFilter, sort: JobSort?) -> [Job] {
        searchJobs(filter, sort: sort, offset: 0, limit: jobs.count).items
    }

    /// One page of `searchJobs`, with the total number of matches. Runs on the precomputed indexes.
    public func searchJobs(_ filter: JobFilter, sort: JobSort?, offset: Int, limit: Int) -> JobPage {
        var scope: JobIndex.RoleScope?
        var roleID: String?
        if let roleName = filter.role {
            // A known role (id, title, alias, typo) uses its precomputed jobs, in their listing
            // order (`JobRoles`); any other text is matched as a phrase in job titles.
            if let role = resolveRole(roleName), let position = rolePositions[role.id] {
                scope = .ordered(jobIndex.roleJobs.ordered[position])
                roleID = role.id
            } else {
                scope = .set(jobIndex.titlePhrase(roleName))
            }
        }
        let result = jobIndex.search(filter, role: scope, sort: sort, offset: offset, limit: limit)
        return JobPage(total: result.total, items: result.positions.map { jobs[$0] }, role: roleID)
    }

    /// How many jobs relate to a role (title, similar or featured; as `/jobs?role=` lists them).
    public func jobCount(ofRole id: String) -> Int {
        rolePositions[id].map { jobIndex.roleJobs.ordered[$0].count } ?? 0
    }

    /// The ids of the roles a job relates to, sorted.
    public func roleIDs(ofJob id: String) -> [String] {
        guard let position = jobPositions[id] else { return [] }
        return jobs[position].roles.map(\.id).sorted()
    }

    /// Statistics grouped by level, and by role and/or currency when asked.
    public func salaryStats(byRole: Bool, byCurrency: Bool, filter: JobFilter) -> [SalaryStats] {
        let matched = searchJobs(filter, sort: nil)
        // Grouped by the same links `/jobs?role=` uses.
        return SalaryStatistics.compute(jobs: matched, byRole: byRole, byCurrency: byCurrency) { job in job.roles.map(\.id).sorted() }
    }
}
