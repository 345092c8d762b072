import CareersCore
import HTTPServer

/// The repository plus each list item serialised once; query responses are spliced from these.
struct Catalog: Sendable {
    let repository: Repository
    let version: String
    let roleItems: [String: [UInt8]]
    let jobItems: [String: [UInt8]]
    let comparisonItems: [[UInt8]]
    /// For each article, the ids its role titles resolve to, in the article's order.
    let articleRoleIDs: [String: [String?]]
    /// The type-ahead index, built on the first `/suggest` (`Repository.makeSuggestIndex`).
    let suggestions = MadeOnce<SuggestIndex>()

    init(repository: Repository, version: String) {
        self.repository = repository
        self.version = version
        var roleIDs: [String: [String?]] = [:]
        for article in repository.articles {
            roleIDs[article.id] = article.roles.map { repository.resolveRole($0)?.id }
        }
        articleRoleIDs = roleIDs
        roleItems = Dictionary(repository.roles.map { item in
            (item.id, Catalog.serialise(item) { $0.roleSummary($1, jobCount: repository.jobCount(ofRole: $1.id)) })
        }, uniquingKeysWith: { a, _ in a })
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

/// What one route serves from one snapshot: its answer kind with what it keeps between requests.
enum PreparedRoute: Sendable {
    case live(@Sendable (APIOptions) -> Route.LiveAnswer)
    /// `unqueried`: the answer to no query, serialised on its first request and kept.
    case query(@Sendable (Catalog, inout QueryReader) -> Outcome, unqueried: UnqueriedAnswer)
    case resource(Route.Lookup)
}

/// Everything one repository serves. Every response that does not depend on the query is
/// serialised and tagged once, on its first request (`DocumentTable`, `UnqueriedAnswer`), and
/// compressed once, on its first request for gzip (`GzipForm`). A reload builds a whole new
/// snapshot off to the side and swaps it in, so a request sees either the old data or the new,
/// never a mix.
final class Snapshot: Sendable {
    let catalog: Catalog
    /// Each route of `Routes.all`, at the same index.
    let routes: [PreparedRoute]
    /// Responses to queries seen so far (this snapshot's data only).
    let queryCache = QueryCache()

    var repository: Repository { catalog.repository }

    /// Fields of cacheable `200`s (nil with CORS): every document below gets them prepared.
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
        routes = Routes.all.map { route in
            switch route.serving {
            case .live(let answer):
                return .live(answer)
            case .query(let handler):
                return .query(handler, unqueried: UnqueriedAnswer {
                    var reader = QueryReader(query: nil, route: route)
                    guard case .ok(let representation, nil) = handler(catalog, &reader), reader.errors.isEmpty else { return nil }
                    return Representation(
                        body: representation.body, contentType: representation.contentType, precompress: true, caching: caching,
                        next: representation.next)
                })
            case .resource(let prepare):
                return .resource(prepare(catalog, caching))
            }
        }
    }
}
