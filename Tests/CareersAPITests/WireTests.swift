import CareersAPI
import CareersCore
import Foundation
import HTTPServer
import Testing

/// The API behind the real HTTP core, over loopback sockets, asserting on the bytes returned.
@Suite(.serialized) struct WireTests {
    let live: LiveServer

    init() throws {
        live = try LiveServer(CareersAPI(repository: sharedAPI.repository, options: APIOptions(corsOrigins: ["https://careers.example"])))
    }

    @Test func getCarriesTheContractHeaders() throws {
        let response = try live.get("/roles")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("Content-Length") == String(response.body.count))
        #expect(response.header("ETag") == sharedAPI.call("/roles").headers["ETag"])
        #expect(response.header("Cache-Control") == "public, max-age=300")
        #expect(response.header("Vary")?.contains("Accept-Encoding") == true)
        #expect(response.header("Date") != nil)
        #expect(response.body == sharedAPI.call("/roles").body)
    }

    @Test func headHasTheLengthButNoBody() throws {
        let get = try live.get("/openapi.json")
        let head = try live.get("/openapi.json", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == get.header("Content-Length"))
        #expect(head.header("ETag") == get.header("ETag"))
        let raw = try live.exchange("HEAD /openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(raw.count < 1024, "no body bytes follow a HEAD response")
    }

    @Test func conditionalAndCompressedOverTheWire() throws {
        let first = try live.get("/jobs?limit=50", ["Accept-Encoding: gzip, deflate"])
        #expect(first.header("Content-Encoding") == "gzip")
        let plain = try live.get("/jobs?limit=50")
        #expect(try #require(gunzip(first.body)) == plain.body)
        let etag = try #require(first.header("ETag"))
        let again = try live.get("/jobs?limit=50", ["Accept-Encoding: gzip", "If-None-Match: W/\(etag)"])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(again.header("ETag") == etag)
    }

    @Test func acceptEncodingWeightsAreHonouredOverTheWire() throws {
        let identity = try live.get("/roles", ["Accept-Encoding: gzip;q=0.5, identity;q=1"])
        #expect(identity.status == 200)
        #expect(identity.header("Content-Encoding") == nil)
        #expect(identity.body == sharedAPI.call("/roles").body)
        let refused = try live.get("/roles", ["Accept-Encoding: identity;q=0"])
        #expect(refused.status == 200, "RFC 9110 §12.5.3: no acceptable coding is answered without one")
        #expect(refused.header("Content-Encoding") == nil)
        #expect(try live.get("/roles", ["Accept-Encoding: identity;q=0.5, gzip"]).header("Content-Encoding") == "gzip")
    }

    @Test func probesAndEmptyQueriesOverTheWire() throws {
        #expect(try live.get("/healthz?probe=1").status == 200)
        #expect(try live.get("/readyz?probe=1").status == 200)
        let root = try live.get("/?&")
        #expect(root.status == 200)
        #expect(root.body == sharedAPI.call("/").body)
    }

    @Test func errorsAreProblemDocuments() throws {
        let post = try live.get("/roles", ["Content-Length: 0"], method: "POST")
        #expect(post.status == 405)
        #expect(post.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(post.header("Content-Type") == "application/problem+json")
        let bad = try live.get("/jobs?limit=500&colour=red")
        #expect(bad.status == 400)
        let names = (bad.json["invalid_params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(Set(names) == ["limit", "colour"])
        let missing = try live.get("/roles/nobody")
        #expect(missing.status == 404)
        #expect(missing.json["status"] as? Int == 404)
    }

    @Test func corsPreflightOverTheWire() throws {
        let response = try live.get("/jobs", ["Origin: https://careers.example", "Access-Control-Request-Method: GET"], method: "OPTIONS")
        #expect(response.status == 204)
        #expect(response.header("Access-Control-Allow-Origin") == "https://careers.example")
        #expect(response.header("Access-Control-Allow-Methods") == "GET, HEAD, OPTIONS")
    }

    @Test func linkedDataOverTheWire() throws {
        let id = try #require(sharedAPI.repository.jobs.first?.id)
        let response = try live.get("/jobs/" + id, ["Accept: application/ld+json"])
        #expect(response.status == 200)
        #expect(response.header("Content-Type")?.hasPrefix("application/ld+json") == true)
        #expect(response.json["@type"] as? String == "JobPosting")
    }

    @Test func keepAliveServesPipelinedRequestsInOrder() throws {
        let responses = try live.send([
            "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
            "HEAD /roles HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /roles/machine-learning-engineer HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        ], heads: [1])
        #expect(responses.map(\.status) == [200, 200, 200])
        #expect(String(decoding: responses[0].body, as: UTF8.self) == #"{"status":"ok"}"#)
        #expect(responses[2].json["id"] as? String == "machine-learning-engineer")
    }

    @Test func walkingNextOverTheWireSeesEveryJobOnce() throws {
        var seen: [String] = []
        var target: String? = "/jobs?sort=title&limit=4"
        var pages = 0
        while let current = target, pages < 50 {
            let body = try live.get(current).json
            seen += (body["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            target = body["next"] as? String
            pages += 1
        }
        #expect(seen.count == sharedAPI.repository.jobs.count)
        #expect(Set(seen) == Set(sharedAPI.repository.jobs.map(\.id)))
    }
}
