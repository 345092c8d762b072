import Foundation
import HTTPServer
import Synchronization
import Testing

@Suite struct ObservabilityTests {
    @Test func accessHookGetsOneRecordPerRequest() throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        let records = Mutex<[AccessRecord]>([])
        let server = HTTPServer(configuration: configuration, responder: TestResponder())
        server.onRequestCompleted = { record in records.withLock { $0.append(record) } }
        try server.start()
        defer { server.shutdown() }
        let (_, client) = try exchange("GET /echo?q=1 HTTP/1.1\r\nHost: x\r\nX-Request-Id: rid-1\r\n\r\n", port: server.port)
        _ = client
        let (_, refused) = try exchange("BREW / HTTP/1.1\r\nHost: x\r\n\r\n", port: server.port)
        _ = refused
        #expect(eventually { records.withLock { $0.count } == 2 })
        let all = records.withLock { $0 }
        let first = try #require(all.first { $0.requestID == "rid-1" })
        #expect(first.method == "GET" && first.path == "/echo" && first.status == 200 && first.route == "/echo")
        #expect(first.remoteAddress.hasPrefix("127.0.0.1:"))
        #expect(first.bytesSent > 0)
        #expect(all.contains { $0.status == 501 && $0.route == nil })
    }

    @Test func prometheusTextHasRequestsLatencyConnectionsAndParseErrors() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse()
            _ = try exchange("GET / HTTP/1.1\r\n\r\n", port: server.port)
            let text = server.metrics.prometheusText()
            #expect(text.contains("# TYPE http_requests_total counter"))
            #expect(text.contains(#"http_requests_total{route="/",method="GET",status="200"} 1"#))
            #expect(text.contains("# TYPE http_request_duration_seconds histogram"))
            #expect(text.contains(#"http_request_duration_seconds_bucket{le="+Inf"} 2"#))
            #expect(text.contains("http_request_duration_seconds_count 2"))
            #expect(text.contains("http_request_duration_seconds_sum "))
            #expect(text.contains("http_open_connections 1") || text.contains("http_open_connections 2"))
            #expect(text.contains(#"http_parse_errors_total{reason="missing_host"} 1"#))
            #expect(text.contains("tls_handshake_failures_total 0"))
            // Every sample line belongs to a declared family.
            let families = Set(text.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.map { $0.split(separator: " ")[2] })
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let name = line.prefix { $0 != "{" && $0 != " " }
                #expect(families.contains { name == $0 || name.hasPrefix($0 + "_") }, "\(line)")
            }
        }
    }

    /// Requests are counted by route, method and status whatever order their keys come in:
    /// repeated keys, alternating ones, and a scrape in the middle of a run of one key.
    @Test func requestCountsAreExactWhateverTheOrderOfKeys() {
        let metrics = ServerMetrics()
        func line(_ route: String, _ status: Int, _ count: Int) -> String {
            #"http_requests_total{route="\#(route)",method="GET",status="\#(status)"} \#(count)"#
        }
        for (route, status) in [("/a", 200), ("/a", 200), ("/b", 200), ("/a", 200), ("/a", 404), ("/a", 200)] {
            metrics.recordRequest(route: route, method: "GET", status: status, seconds: 0.001)
        }
        let first = metrics.prometheusText()
        #expect(first.contains(line("/a", 200, 4)))
        #expect(first.contains(line("/b", 200, 1)))
        #expect(first.contains(line("/a", 404, 1)))
        metrics.recordRequest(route: "/a", method: "GET", status: 200, seconds: 0.001)
        metrics.recordRequest(route: "/b", method: "GET", status: 200, seconds: 0.001)
        let second = metrics.prometheusText()
        #expect(second.contains(line("/a", 200, 5)))
        #expect(second.contains(line("/b", 200, 2)))
        #expect(second.contains("http_request_duration_seconds_count 8"))
    }
}
