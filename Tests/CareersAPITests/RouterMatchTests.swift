import CareersAPI
import HTTPServer
import Testing

/// The byte-wise router: every template reached, ids decoded, and near misses kept apart.
@Suite struct RouterMatchTests {
    let api = sharedAPI

    @Test(arguments: [
        "/", "/healthz", "/readyz", "/openapi.json", "/roles", "/roles/lead-machine-learning-engineer",
        "/compare?roles=machine-learning-engineer,ai-scientist", "/comparisons", "/jobs", "/salaries",
    ])
    func everyTemplateIsReached(target: String) {
        #expect(api.call(target).status == 200, "\(target)")
    }

    @Test func idSegmentsArePercentDecoded() {
        let plain = api.call("/roles/lead-machine-learning-engineer")
        let encoded = api.call("/roles/lead%2Dmachine%2dlearning-engineer")
        #expect(encoded.status == 200)
        #expect(encoded.body == plain.body)
    }

    @Test func undecodableIdIsNamedAsSent() {
        let response = api.call("/roles/%E2%82")
        expectProblem(response, status: 404)
        #expect(response.text.contains("%E2%82"), "\(response.text)")
    }

    @Test(arguments: [
        "/rolesx", "/role", "/roles//", "/compare/", "/jobs/", "/healthz/", "/roles/x/", "/a/b/c/d", "//roles",
        "/openapi.jsonx", "/comparison/x",
    ])
    func nearMissesAre404(path: String) {
        expectProblem(api.call(path), status: 404)
    }
}
