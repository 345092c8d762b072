import CareersAPI
import HTTPServer
import Testing

@Suite struct CachingTests {
    let api = sharedAPI

    @Test(arguments: ["/", "/roles", "/openapi.json", "/jobs?limit=2", "/comparisons", "/salaries", "/compare?roles=ai-scientist,mle"])
    func etagIsStrongAndDerivedFromTheBytes(path: String) throws {
        let first = api.call(path)
        let etag = try #require(first.headers["ETag"])
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"))
        #expect(first.headers["Cache-Control"] == "public, max-age=300")
        #expect(first.headers["Vary"]?.contains("Accept-Encoding") == true)
        // Another instance over the same data (another replica) tags identically.
        let replica = CareersAPI(repository: api.repository)
        #expect(replica.call(path).headers["ETag"] == etag)
        #expect(replica.call(path).body == first.body)
    }

    @Test(arguments: ["/", "/roles", "/jobs?limit=2", "/openapi.json", "/roles/ai-scientist"])
    func ifNoneMatchGives304(path: String) throws {
        let etag = try #require(api.call(path).headers["ETag"])
        for header in [etag, "W/" + etag, "\"other\", " + etag, "*", "\"a\",W/\(etag)"] {
            let response = api.call(path, [("If-None-Match", header)])
            #expect(response.status == 304, "If-None-Match: \(header)")
            #expect(response.body.isEmpty)
            #expect(response.headers["ETag"] == etag)
            #expect(response.headers["Cache-Control"] == "public, max-age=300")
        }
        #expect(api.call(path, [("If-None-Match", "\"stale\"")]).status == 200)
        #expect(api.call(path, method: .HEAD, [("If-None-Match", etag)]).status == 304)
    }

    @Test func gzipWhenAcceptedWithItsOwnTag() throws {
        let plain = api.call("/roles")
        let zipped = api.call("/roles", [("Accept-Encoding", "br, gzip;q=0.8")])
        #expect(zipped.headers["Content-Encoding"] == "gzip")
        #expect(zipped.headers["Vary"]?.contains("Accept-Encoding") == true)
        #expect(zipped.headers["ETag"] != plain.headers["ETag"])
        #expect(try #require(gunzip(zipped.body)) == plain.body)
        #expect(zipped.body.count < plain.body.count)
        let etag = try #require(zipped.headers["ETag"])
        let revalidated = api.call("/roles", [("Accept-Encoding", "gzip"), ("If-None-Match", etag)])
        #expect(revalidated.status == 304)
        #expect(revalidated.headers["ETag"] == etag)
    }

    @Test func gzipOnQueryResponsesToo() throws {
        let plain = api.call("/jobs?limit=50")
        let zipped = api.call("/jobs?limit=50", [("Accept-Encoding", "gzip")])
        if plain.body.count >= 256 {
            #expect(zipped.headers["Content-Encoding"] == "gzip")
            #expect(try #require(gunzip(zipped.body)) == plain.body)
        }
    }

    @Test(arguments: ["gzip;q=0", "identity", "deflate, br", "*;q=0", "gzip;q=0, *", "x", "gzip;q=1.5", "gzip;q=inf", "gzip;q=1e0"])
    func noGzipUnlessAccepted(header: String) {
        let response = api.call("/roles", [("Accept-Encoding", header)])
        #expect(response.headers["Content-Encoding"] == nil)
        #expect(response.headers["ETag"] == api.call("/roles").headers["ETag"])
    }

    /// RFC 9110 §12.5.3: the higher weight wins between identity and gzip, and when the client
    /// refuses identity without accepting gzip, the answer goes without a coding (not 406).
    @Test(arguments: [
        ("gzip;q=0.5, identity;q=1", false), ("gzip;q=0.5, identity", false), ("*;q=0.5, identity;q=0.9", false),
        ("identity;q=0", false), ("identity;q=0, gzip;q=0", false), ("*;q=0", false),
        ("gzip, identity;q=0.5", true), ("identity;q=0, gzip;q=0.1", true), ("identity;q=0.5, *", true),
        ("gzip;q=0.5, identity;q=0.5", true), ("gzip;q=0.3", true),
    ])
    func qValuesDecideBetweenIdentityAndGzip(header: String, gzip: Bool) {
        let response = api.call("/roles", [("Accept-Encoding", header)])
        #expect(response.status == 200)
        #expect(response.headers["Content-Encoding"] == (gzip ? "gzip" : nil), "\(header)")
    }

    @Test(arguments: ["*", "x-gzip", "GZIP;Q=1.0", "deflate;q=0.5, gzip;q=0.1"])
    func gzipAcceptedSpellings(header: String) {
        #expect(api.call("/roles", [("Accept-Encoding", header)]).headers["Content-Encoding"] == "gzip")
    }

    /// Query answers are cached per route: the same query asked of another route afterwards
    /// gets that route's answer, as it does from an instance that has cached nothing yet.
    @Test func theSameQueryOnTwoRoutesGetsEachRoutesAnswer() {
        let jobsFirst = CareersAPI(repository: sharedAPI.repository)
        let rolesFirst = CareersAPI(repository: sharedAPI.repository)
        let jobs = jobsFirst.call("/jobs?limit=1").body
        let roles = rolesFirst.call("/roles?limit=1").body
        #expect(jobs != roles)
        #expect(jobsFirst.call("/roles?limit=1").body == roles)
        #expect(rolesFirst.call("/jobs?limit=1").body == jobs)
    }

    @Test func errorsAreNotCached() {
        let response = api.call("/roles?limit=0")
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(response.headers["ETag"] == nil)
    }

    @Test func maxAgeIsConfigurable() {
        let api = CareersAPI(repository: api.repository, options: APIOptions(cacheMaxAge: 60))
        #expect(api.call("/roles").headers["Cache-Control"] == "public, max-age=60")
    }
}

@Suite struct CORSTests {
    let api = CareersAPI(repository: sharedAPI.repository, options: APIOptions(corsOrigins: ["https://careers.example"]))

    @Test func preflightFromAllowedOrigin() {
        let response = api.call("/jobs", method: .OPTIONS, [
            ("Origin", "https://careers.example"), ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "if-none-match"),
        ])
        #expect(response.status == 204)
        #expect(response.headers["Access-Control-Allow-Origin"] == "https://careers.example")
        #expect(response.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS")
        #expect(response.headers["Access-Control-Allow-Headers"] == "if-none-match")
        #expect(response.headers["Access-Control-Max-Age"] != nil)
        #expect(response.body.isEmpty)
    }

    @Test func preflightFromOtherOriginGetsNoGrant() {
        let response = api.call("/jobs", method: .OPTIONS, [("Origin", "https://evil.example"), ("Access-Control-Request-Method", "GET")])
        #expect(response.status == 204)
        #expect(response.headers["Access-Control-Allow-Origin"] == nil)
    }

    @Test func simpleRequestsCarryTheGrant() {
        let allowed = api.call("/roles", [("Origin", "https://careers.example")])
        #expect(allowed.headers["Access-Control-Allow-Origin"] == "https://careers.example")
        #expect(allowed.headers["Access-Control-Expose-Headers"]?.contains("ETag") == true)
        #expect(allowed.headers["Vary"]?.contains("Origin") == true)
        let other = api.call("/roles", [("Origin", "https://evil.example")])
        #expect(other.headers["Access-Control-Allow-Origin"] == nil)
        #expect(other.headers["Vary"]?.contains("Origin") == true)
        let problem = api.call("/roles?bogus=1", [("Origin", "https://careers.example")])
        #expect(problem.headers["Access-Control-Allow-Origin"] == "https://careers.example")
    }

    @Test func wildcardAllowsAnyOrigin() {
        let api = CareersAPI(repository: sharedAPI.repository, options: APIOptions(corsOrigins: ["*"]))
        #expect(api.call("/", [("Origin", "https://a.example")]).headers["Access-Control-Allow-Origin"] == "*")
    }

    @Test func noCORSByDefault() {
        let response = sharedAPI.call("/roles", [("Origin", "https://careers.example")])
        #expect(response.headers["Access-Control-Allow-Origin"] == nil)
        #expect(response.headers["Vary"] == "Accept-Encoding")
    }
}
