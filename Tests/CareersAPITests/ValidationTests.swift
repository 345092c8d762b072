import CareersAPI
import HTTPServer
import Testing

@Suite struct ValidationTests {
    let api = sharedAPI

    @Test(arguments: [
        ("/roles?bogus=1", "bogus"), ("/jobs?Limit=5", "Limit"), ("/salaries?sort=title", "sort"),
        ("/comparisons?q=x", "q"), ("/compare?roles=a,b&x=1", "x"),
    ])
    func unknownParametersAreNamed(target: String, name: String) {
        expectProblem(api.call(target), status: 400, naming: name)
    }

    @Test(arguments: [
        "limit=0", "limit=101", "limit=-1", "limit=abc", "limit=", "limit=1.5", "limit=99999999999999999999999",
        "offset=-1", "offset=x", "offset=1e3",
    ])
    func badPagingIs400(query: String) {
        let name = String(query.prefix { $0 != "=" })
        for path in ["/roles", "/jobs", "/comparisons"] {
            expectProblem(api.call(path + "?" + query), status: 400, naming: name)
        }
    }

    @Test(arguments: [
        ("remote=yes", "remote"), ("remote=", "remote"), ("level=junior", "level"), ("employment_type=full-time", "employment_type"),
        ("sort=salary", "sort"), ("salary_min=-5", "salary_min"), ("salary_max=lots", "salary_max"), ("salary_min=nan", "salary_min"),
        ("salary_min=inf", "salary_min"), ("salary_min=0x10", "salary_min"), ("currency=US", "currency"), ("currency=U5D", "currency"),
    ])
    func badJobFiltersAre400(query: String, name: String) {
        expectProblem(api.call("/jobs?" + query), status: 400, naming: name)
    }

    @Test(arguments: ["q=%zz", "q=%4", "q=%", "q=%C3%28", "role=%FF"])
    func malformedPercentEncodingIs400(query: String) {
        let name = String(query.prefix { $0 != "=" })
        expectProblem(api.call("/jobs?" + query), status: 400, naming: name)
    }

    @Test func routeWithoutParametersSaysSo() {
        let response = sharedAPI.call("/metrics?x=1")
        #expect(response.status == 400)
        #expect(response.json["detail"] as? String == "x: unknown parameter; this route takes no parameters")
    }

    @Test func repeatedSingleValuedParametersAre400() {
        expectProblem(api.call("/jobs?level=senior&level=mid"), status: 400, naming: "level")
        expectProblem(api.call("/roles?limit=5&limit=5"), status: 400, naming: "limit")
        expectProblem(api.call("/salaries?group_by=role&group_by=currency"), status: 400, naming: "group_by")
    }

    @Test func everyProblemIsReportedAtOnce() {
        let response = api.call("/jobs?limit=0&offset=-2&level=boss&nope=1")
        expectProblem(response, status: 400)
        #expect(Set(response.invalidParamNames) == ["limit", "offset", "level", "nope"])
    }

    @Test func badGroupingIs400() {
        expectProblem(api.call("/salaries?group_by=company"), status: 400, naming: "group_by")
        expectProblem(api.call("/salaries?group_by=role,"), status: 400, naming: "group_by")
        #expect(api.call("/salaries?group_by=role,currency").status == 200)
    }

    @Test func validValuesAreAccepted() {
        for target in [
            "/jobs?remote=true&level=senior&employment_type=full_time&sort=salary_desc&salary_min=1e5&salary_max=200000.5&currency=usd&limit=100&offset=0",
            "/jobs?q=&company=&location=Remote", "/jobs?q=caf%C3%A9+data", "/jobs?q=a%2Bb&&", "/roles?q=%E2%80%A8%00",
            "/roles?limit=1&offset=1000000", "/salaries?level=entry&currency=EUR&role=nobody", "/comparisons?limit=100",
        ] {
            let response = api.call(target)
            #expect(response.status == 200, "\(target): \(response.text)")
        }
    }

    @Test func compareNeedsTwoToFiveRoles() {
        expectProblem(api.call("/compare"), status: 400, naming: "roles")
        expectProblem(api.call("/compare?roles="), status: 400, naming: "roles")
        expectProblem(api.call("/compare?roles=a"), status: 400, naming: "roles")
        expectProblem(api.call("/compare?roles=a,b,c,d,e,f"), status: 400, naming: "roles")
        expectProblem(api.call("/compare?roles=a,b&a=c&b=d"), status: 400, naming: "roles")
        expectProblem(api.call("/compare?a=x"), status: 400, naming: "roles")
        expectProblem(api.call("/compare?a=x&a=y"), status: 400, naming: "a")
    }

    @Test func delimitersFollowedByCombiningScalarsStillDelimit() {
        // "," + U+1F3FB (an emoji modifier) is one Character but still two roles.
        let response = api.call("/compare?roles=zzqq%2Bx,%F0%9F%8F%BBD")
        expectProblem(response, status: 404, naming: "roles")
        #expect(api.call("/compare?roles=machine-learning-engineer,%CC%81ai-scientist").status == 200, "split in two, accent folded")
        #expect(api.call("/jobs?limit=2&\u{301}offset=1").status == 400)
        expectProblem(api.call("/jobs?limit=2&offset=1&level=x\u{301}"), status: 400, naming: "level")
    }
}
