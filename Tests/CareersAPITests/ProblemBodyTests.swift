import Foundation
import Testing

@testable import CareersAPI
@testable import HTTPServer

/// The API owns its problem shape: the answers the core gives itself (bad framing, limits,
/// overload) are rendered by the API, with the same members as every other error of the API.
@Suite struct ProblemBodyTests {
    func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func coreProblemsTakeTheAPIShape() throws {
        let report = ProblemReport(status: 431, detail: "the \"header\" section is too large", instance: "/roles")
        let body = try object(sharedAPI.problemBody(for: report))
        #expect(Set(body.keys) == ["type", "title", "status", "detail", "instance", "invalid_params", "suggestions"])
        #expect(body["title"] as? String == "Request Header Fields Too Large")
        #expect(body["status"] as? Int == 431)
        #expect(body["detail"] as? String == report.detail)
        #expect(body["instance"] as? String == "/roles")
        #expect(body["invalid_params"] is NSNull && body["suggestions"] is NSNull)
        let unusable = try object(sharedAPI.problemBody(for: ProblemReport(status: 400, detail: "x", instance: nil)))
        #expect(unusable["instance"] is NSNull)
    }

    @Test func theSerializerSendsTheBodyTheResponderRenders() throws {
        var date = DateCache()
        date.refresh()
        var out: [UInt8] = []
        ResponseSerializer.appendProblem(
            status: 414, detail: "target too long", instance: nil, requestID: "r1", date: date, into: &out,
            render: sharedAPI.problemBody(for:))
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 414 URI Too Long\r\n"))
        #expect(text.contains("Content-Type: application/problem+json\r\n"))
        let body = try #require(text.components(separatedBy: "\r\n\r\n").last)
        #expect(try object(Array(body.utf8)).keys.contains("invalid_params"))
    }

    @Test func theCoresOwnBodyHasRFC9457MembersOnlyAndIsEscaped() throws {
        let report = ProblemReport(status: 400, detail: "bad \"\u{1}\" byte", instance: "/a\\b")
        let body = try object(report.minimalBody)
        #expect(Set(body.keys) == ["type", "title", "status", "detail", "instance"])
        #expect(body["detail"] as? String == report.detail)
        #expect(body["instance"] as? String == "/a\\b")
    }
}
