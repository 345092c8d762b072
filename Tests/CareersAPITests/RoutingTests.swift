import CareersAPI
import CareersCore
import HTTPServer
import Testing

@Suite struct RoutingTests {
    let api = sharedAPI

    @Test func healthzAnswersOK() {
        let response = api.call("/healthz")
        #expect(response.status == 200)
        #expect(response.text == #"{"status":"ok"}"#)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(response.route == "/healthz")
    }

    @Test func rootLinksEveryEndpointAndCounts() {
        let response = api.call("/")
        #expect(response.status == 200)
        let body = response.json
        #expect(body["name"] as? String == "careers-api")
        let links = body["links"] as? [String: String] ?? [:]
        for path in ["/roles", "/compare?roles={a},{b}", "/comparisons", "/jobs", "/salaries", "/openapi.json", "/healthz", "/readyz", "/metrics"] {
            #expect(links.values.contains(path), "missing \(path)")
        }
        let counts = body["counts"] as? [String: Int] ?? [:]
        #expect(counts["roles"] == api.repository.roles.count)
        #expect(counts["jobs"] == api.repository.jobs.count)
        #expect(counts["comparisons"] == api.repository.articles.count)
    }

    @Test(arguments: ["/nope", "/roles/", "/roles/a/b", "//", "/ROLES", "/jobs/x/y"])
    func unknownPathsAre404Problems(path: String) {
        let response = api.call(path)
        expectProblem(response, status: 404)
        #expect(response.route == nil || path == "/roles/" || path.hasPrefix("/jobs"))
    }

    @Test(arguments: [HTTPMethod.POST, .PUT, .DELETE, .PATCH, .TRACE])
    func otherMethodsAre405WithAllow(method: HTTPMethod) {
        for path in ["/", "/roles", "/roles/x", "/jobs", "/compare", "/salaries", "/healthz"] {
            let response = api.call(path, method: method)
            expectProblem(response, status: 405)
            #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
        }
    }

    @Test func headAnswersLikeGet() {
        for path in ["/", "/roles", "/jobs?limit=3", "/openapi.json", "/healthz", "/comparisons"] {
            let get = api.call(path)
            let head = api.call(path, method: .HEAD)
            #expect(head.status == get.status)
            #expect(head.headers["ETag"] == get.headers["ETag"])
            #expect(head.headers["Content-Type"] == get.headers["Content-Type"])
            #expect(head.body.count == get.body.count, "the core strips HEAD bodies after taking their length")
        }
    }

    @Test func plainOptionsListsMethods() {
        let response = api.call("/roles", method: .OPTIONS)
        #expect(response.status == 204)
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
        #expect(response.headers["Access-Control-Allow-Origin"] == nil)
        #expect(api.call("/nowhere", method: .OPTIONS).status == 404)
    }

    @Test func readinessFollowsTheHook() {
        let ready = CareersAPI(repository: api.repository, options: APIOptions(isReady: { true }))
        #expect(ready.call("/readyz").status == 200)
        let draining = CareersAPI(repository: api.repository, options: APIOptions(isReady: { false }))
        expectProblem(draining.call("/readyz"), status: 503)
    }

    @Test func metricsUsesTheHook() {
        let api = CareersAPI(repository: api.repository, options: APIOptions(metricsText: { "requests_total 3\n" }))
        let response = api.call("/metrics")
        #expect(response.status == 200)
        #expect(response.text == "requests_total 3\n")
        #expect(response.headers["Content-Type"]?.hasPrefix("text/plain; version=0.0.4") == true)
    }

    @Test func routesWithoutParametersRejectAny() {
        for path in ["/?x=1", "/openapi.json?v=2", "/roles/x?y=1", "/metrics?a=b", "/comparisons/x?verbose"] {
            expectProblem(api.call(path), status: 400)
        }
        expectProblem(api.call("/metrics?verbose=1"), status: 400, naming: "verbose")
    }

    /// Load balancers' probes add cache-busters; liveness and readiness answer them all.
    @Test(arguments: ["/healthz?probe=1", "/healthz?verbose", "/readyz?z", "/readyz?%zz=1", "/healthz?&"])
    func healthProbesIgnoreTheQuery(target: String) {
        let response = api.call(target)
        #expect(response.status == 200, "\(target): \(response.text)")
        #expect(response.headers["Cache-Control"] == "no-store")
    }

    /// A query of nothing but separators is no query: the same answer, the same tag.
    @Test(arguments: ["/", "/roles", "/openapi.json", "/jobs", "/comparisons", "/salaries"])
    func emptyPairsAreNoQuery(path: String) {
        let plain = api.call(path)
        for suffix in ["?", "?&", "?&&"] {
            let response = api.call(path + suffix)
            #expect(response.status == 200, "\(path + suffix): \(response.text)")
            #expect(response.body == plain.body)
            #expect(response.headers["ETag"] == plain.headers["ETag"])
        }
    }

    @Test func replaceRepositorySwapsTheData() {
        let api = CareersAPI(repository: sharedAPI.repository)
        let before = api.call("/")
        api.replaceRepository(CareersCore.Repository.build(files: []))
        let after = api.call("/")
        #expect((after.json["counts"] as? [String: Int])?["comparisons"] == 0)
        #expect(before.headers["ETag"] != after.headers["ETag"] || sharedAPI.repository.articles.isEmpty)
    }

    @Test func repeatedQueriesAreServedAlikeAndReloadForgetsThem() {
        let api = CareersAPI(repository: sharedAPI.repository)
        let first = api.call("/jobs?level=senior&limit=2")
        let second = api.call("/jobs?level=senior&limit=2")
        #expect(first.body == second.body)
        #expect(first.headers["ETag"] == second.headers["ETag"])
        #expect((first.json["total"] as? Int ?? 0) > 0)
        api.replaceRepository(CareersCore.Repository.build(files: []))
        #expect(api.call("/jobs?level=senior&limit=2").json["total"] as? Int == 0)
    }
}
