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
    /// The newest published date (yyyy-MM-dd) among the articles: when the data last changed, as
    /// the data say, so every replica that loads the same files reports the same. Nil when no
    /// article is dated.
    public let newestPublished: String?
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
        // Roles and jobs are merged independently of each other: side by side. The roles take
        // longer, so the jobs' side also lays the groundwork of the job index (everything in it
        // but the role links).
        let ((roles, unresolvedReferences), (mergedJobs, groundwork)) = Parallel.both({
            var merger = RoleMerger()
            sorted.forEach { merger.add($0) }
            return (merger.roles(), merger.unresolvedReferences)
        }, {
            let (jobs, folded) = JobMerger.merge(sorted, extra: extraJobs)
            return (jobs, JobIndex.Groundwork(jobs: jobs, folded: folded))
        })
        let rolePositions = Dictionary(roles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Entities come from what the articles and the merged roles say, so they are found after
        // both; the roles' sentences and tools gain their entity ids here. The knowledge reads
        // only the jobs' postings and ids, and the job index's role links only the roles' names:
        // the two are built side by side.
        let (model, (jobIndex, jobs)) = Parallel.both({
            KnowledgeBuilder.build(articles: sorted, roles: roles, jobs: mergedJobs, vocabulary: vocabulary)
        }, {
            let featured = Self.featuredRoles(jobs: mergedJobs, articles: sorted, rolePositions: rolePositions)
            var jobs = mergedJobs
            let index = JobIndex(groundwork, jobs: &jobs, roles: roles, featured: featured)
            return (index, jobs)
        })
        knowledge = model.knowledge
        let jobPositions = Dictionary(jobs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var index = jobIndex
        (index.facetValues.skills, index.facetValues.tools) = (
            Self.mentions(.skill, model.knowledge, jobPositions, count: jobs.count),
            Self.mentions(.tool, model.knowledge, jobPositions, count: jobs.count)
        )
        self.jobIndex = index
        self.articles = sorted
        self.roles = model.roles
        self.jobs = jobs
        var report = report
        report.unresolvedReferences = unresolvedReferences
        self.report = report
        counts = RepositoryCounts(
            articles: sorted.count, roles: roles.count, jobs: jobs.count,
            postings: sorted.reduce(extraJobs.count) { $0 + $1.jobs.count }, rejectedFiles: report.rejected.count)
        newestPublished = sorted.compactMap { $0.published.flatMap(IsoDate.init) }.max()?.text
        articlePositions = Dictionary(sorted.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.rolePositions = rolePositions
        self.jobPositions = jobPositions
        roleSearch = RoleSearch(roles: roles)
    }

    /// The type-ahead index over the role, skill, tool and company names, built on each call.
    /// Not built with the repository: whoever serves suggestions builds it once, on first use
    /// (CareersAPI: on the first /suggest), so neither start-up nor a reload pays for a search
    /// box that may never be used (~0.8 ms of a seeds start-up, 2.2 % of it).
    public func makeSuggestIndex() -> SuggestIndex {
        let companies = jobIndex.facetValues.companies
        return SuggestIndex(
            roles: roles.indices.map { (roles[$0], jobIndex.roleJobs.ordered[$0].count) },
            entities: [(SuggestionType.skill, EntityType.skill), (.tool, .tool)].flatMap { suggestion, type in
                // Popularity: the roles naming it plus the jobs whose titles do.
                knowledge.list(type).map { entity in
                    (suggestion, entity, knowledge.roles(type, id: entity.id).count + knowledge.jobs(type, id: entity.id).count)
                }
            },
            companies: zip(companies.names, companies.totals).map { ($0, $1) })
    }

    /// The listed skills (or tools) with the positions of the jobs whose titles name each.
    private static func mentions(
        _ type: EntityType, _ knowledge: Knowledge, _ jobPositions: [String: Int], count: Int
    ) -> FacetValues.Linked {
        let values = knowledge.list(type).map { entity in
            (id: entity.id, label: entity.name, jobs: Set(knowledge.jobs(type, id: entity.id).compactMap { jobPositions[$0].map { Int32($0) } }).sorted())
        }
        return FacetValues.Linked(values: values, jobCount: count)
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
        let (scope, roleID) = self.scope(filter)
        let result = jobIndex.search(filter, scope: scope, sort: sort, offset: offset, limit: limit)
        return JobPage(total: result.total, items: result.positions.map { jobs[$0] }, role: roleID)
    }

    /// Value counts of each asked facet under `filter`, each counted with its own filter lifted;
    /// at most `limit` values per facet, by count then value.
    public func jobFacets(_ filter: JobFilter, facets: [JobFacet], limit: Int) -> [(facet: JobFacet, values: [FacetValue])] {
        jobIndex.facets(filter, scope: scope(filter).scope, asked: facets, limit: limit).map { (facet: $0.0, values: $0.1) }
    }

    /// The jobs the role, skill and tool filters keep. A known role (id, title, alias, typo) uses
    /// its precomputed jobs, in their listing order (`JobRoles`); any other text is matched as a
    /// phrase in job titles. A skill or tool keeps the jobs whose titles name the listed entity it
    /// resolves to, exactly the jobs its facet value counts; a value naming none keeps no job.
    private func scope(_ filter: JobFilter) -> (scope: JobIndex.Scope, roleID: String?) {
        var scope = JobIndex.Scope()
        func mentioning(_ text: String?, _ type: EntityType, _ linked: FacetValues.Linked) -> Bitset? {
            text.map { linked.set(of: knowledge.resolve(type, $0)?.id ?? "", count: jobs.count) }
        }
        scope.skill = mentioning(filter.skill, .skill, jobIndex.facetValues.skills)
        scope.tool = mentioning(filter.tool, .tool, jobIndex.facetValues.tools)
        guard let roleName = filter.role else { return (scope, nil) }
        if let role = resolveRole(roleName), let position = rolePositions[role.id] {
            scope.role = .ordered(jobIndex.roleJobs.ordered[position])
            return (scope, role.id)
        }
        scope.role = .set(jobIndex.titlePhrase(roleName))
        return (scope, nil)
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

    /// Statistics grouped by level, and by role and/or currency when asked; histogram buckets
    /// `bucketWidth` wide (clamped to `SalaryHistogram.widthRange`).
    public func salaryStats(
        byRole: Bool, byCurrency: Bool, filter: JobFilter, bucketWidth: Double = SalaryHistogram.defaultWidth
    ) -> [SalaryStats] {
        let matched = searchJobs(filter, sort: nil)
        // Grouped by the same links `/jobs?role=` uses.
        return SalaryStatistics.compute(jobs: matched, byRole: byRole, byCurrency: byCurrency, bucketWidth: bucketWidth) { job in
            job.roles.map(\.id).sorted()
        }
    }
}
