import CareersAPI
import CareersCore
import HTTPServer
import Testing

@Suite struct HealthTests {
    @Test func healthzAnswersOK() {
        let api = CareersAPI(repository: Repository.build(files: []))
        let response = api.respond(to: HTTPRequest(method: .GET, target: "/healthz"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"status":"ok"}"#)
    }
}
