import CareersCore

/// The repository plus each list item serialised once; query responses are spliced from these.
struct Catalog: Sendable {
    let repository: Repository
    let version: String
    let roleItems: [String: [UInt8]]
    let jobItems: [String: [UInt8]]
    let comparisonItems: [[UInt8]]
    /// For each article, the ids its role titles resolve to, in the article's order.
    let articleRoleIDs: [String: [String?]]

    init(repository: Repository, version: String) {
        self.repository = repository
        self.version = version
        var roleIDs: [String: [String?]] = [:]
        for article in repository.articles {
            roleIDs[article.id] = article.roles.map { repository.resolveRole($0)?.id }
        }
        articleRoleIDs = roleIDs
        roleItems = Dictionary(repository.roles.map { item in (item.id, Catalog.serialise(item) { $0.roleSummary($1) }) }, uniquingKeysWith: { a, _ in a })
        jobItems = Dictionary(repository.jobs.map { item in (item.id, Catalog.serialise(item) { $0.job($1) }) }, uniquingKeysWith: { a, _ in a })
        comparisonItems = repository.articles.map { article in
            var w = JSONWriter(capacity: 512)
            w.comparisonSummary(article, roleIDs: roleIDs[article.id] ?? [])
            return w.bytes
        }
    }

    static func serialise<T>(_ value: T, _ write: (inout JSONWriter, T) -> Void) -> [UInt8] {
        var w = JSONWriter(capacity: 1024)
        write(&w, value)
        return w.bytes
    }
}

/// Everything one repository serves, with every response that does not depend on the query
/// serialised (and compressed, and tagged) up front. A reload builds a whole new snapshot off to
/// the side and swaps it in, so a request sees either the old data or the new, never a mix.
final class Snapshot: Sendable {
    let catalog: Catalog
    /// Responses of routes requested without a query string.
    let fixed: [Route: Representation]
    let roleDocs: [String: Representation]
    let comparisonDocs: [String: Representation]
    let jobDocs: [String: Representation]
    let jobLinkedData: [String: Representation]
    /// Responses to queries seen so far (this snapshot's data only).
    let queryCache = QueryCache()

    var repository: Repository { catalog.repository }

    /// Fields of cacheable `200`s (nil with CORS): every document below has them prepared.
    let caching: CachingFields?
    /// When the data last changed (from the articles' dates); nil when no article is dated.
    let lastModified: LastModified?

    init(repository: Repository, options: APIOptions) {
        let version = options.version
        let lastModified = LastModified(repository)
        let caching = CachingFields(options: options, lastModified: lastModified)
        self.lastModified = lastModified
        self.caching = caching
        let catalog = Catalog(repository: repository, version: version)
        self.catalog = catalog

        var fixed: [Route: Representation] = [
            .root: Representation(body: catalog.rootDocument(), precompress: true, caching: caching),
            .healthz: Representation(body: Array(#"{"status":"ok"}"#.utf8), caching: caching),
            .openapi: Representation(body: OpenAPIDocument.bytes(version: version, repository: repository), precompress: true, caching: caching),
        ]
        for route in [Route.roles, .comparisons, .jobs, .salaries] {
            var reader = QueryReader(query: nil, allowed: [])
            if case .ok(let representation, _) = catalog.respond(route, reader: &reader) {
                fixed[route] = Representation(body: representation.body, precompress: true, caching: caching)
            }
        }
        self.fixed = fixed

        roleDocs = Dictionary(repository.roles.map { role in
            (role.id, Representation(body: Catalog.serialise(role) { $0.role($1) }, precompress: true, caching: caching))
        }, uniquingKeysWith: { a, _ in a })
        comparisonDocs = Dictionary(repository.articles.map { article in
            var w = JSONWriter(capacity: 16384)
            let jobs = repository.jobs.filter { $0.sources.contains(article.id) }
            w.comparison(article, roleIDs: catalog.articleRoleIDs[article.id] ?? [], jobs: jobs)
            return (article.id, Representation(body: w.bytes, precompress: true, caching: caching))
        }, uniquingKeysWith: { a, _ in a })
        var docs: [String: Representation] = [:]
        var linked: [String: Representation] = [:]
        for job in repository.jobs {
            docs[job.id] = Representation(body: catalog.jobItems[job.id] ?? [], precompress: true, caching: caching)
            linked[job.id] = Representation(
                body: JobPostingLD.encode(job), contentType: JobPostingLD.contentType, precompress: true, caching: caching)
        }
        jobDocs = docs
        jobLinkedData = linked
    }
}
