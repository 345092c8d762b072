import CareersAPI
import HTTPServer
import Testing

/// Plain 200s carry fields serialised once at start-up (`PreparedFields`); they must be exactly
/// the fields the general path builds for the same request, in the same order.
@Suite struct PreparedFieldsTests {
    let api = sharedAPI

    static let paths = [
        "/", "/roles", "/roles/ai-scientist", "/openapi.json", "/comparisons", "/salaries",
        "/comparisons/lead-machine-learning-engineer-vs-ai-scientist", "/jobs?level=senior&sort=salary_desc",
        "/compare?roles=ai-scientist,lead-machine-learning-engineer", "/healthz",
    ]

    @Test(arguments: paths, [false, true])
    func preparedFieldsAreTheGeneralPathsFields(path: String, gzip: Bool) throws {
        let encoding: [(String, String)] = gzip ? [("Accept-Encoding", "gzip")] : []
        _ = api.call(path, encoding)  // a query is prepared once it is cached
        let fast = api.call(path, encoding)
        // A non-matching If-None-Match takes the general path and still answers 200.
        let general = api.call(path, encoding + [("If-None-Match", "\"no-such-tag\"")])
        #expect(fast.status == 200 && general.status == 200)
        #expect(fast.body == general.body)
        #expect(fast.preparedFields != nil, "\(path) took the general path")
        #expect(fast.headers.map { "\($0.name): \($0.value)" } == general.headers.map { "\($0.name): \($0.value)" })
        if let prepared = fast.preparedFields {
            #expect(prepared.text == fast.headers.map { "\($0.name): \($0.value)\r\n" }.joined())
        }
    }

    @Test func healthAndReadinessAreUncachedJSON() throws {
        for path in ["/healthz", "/readyz"] {
            let response = api.call(path)
            #expect(response.preparedFields != nil)
            #expect(response.headers["Cache-Control"] == "no-store")
            #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
            #expect(response.headers["ETag"] == nil)
        }
    }

    @Test func changingTheHeadersDropsThePreparedBytes() throws {
        var response = api.call("/roles")
        #expect(response.preparedFields != nil)
        response.headers.add("X-Extra", "1")
        #expect(response.preparedFields == nil)
    }

    @Test func corsAnswersAreBuiltPerRequest() throws {
        let cors = CareersAPI(repository: api.repository, options: APIOptions(corsOrigins: ["https://a.example"]))
        let response = cors.call("/roles", [("Origin", "https://a.example")])
        #expect(response.preparedFields == nil)
        #expect(response.headers["Access-Control-Allow-Origin"] == "https://a.example")
    }
}
