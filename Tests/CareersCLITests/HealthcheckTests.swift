import Foundation
import Testing

@Suite struct HealthcheckTests {
    @Test func exitsZeroWhenTheServerAnswers200() throws {
        let server = try OneShotHTTPServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 15\r\n\r\n{\"status\":\"ok\"}")
        defer { server.stop() }
        let result = try CLIProcess.run(["healthcheck", "http://127.0.0.1:\(server.port)/healthz"])
        #expect(result.status == 0)
        #expect(server.received.first?.hasPrefix("GET /healthz HTTP/1.1\r\n") == true)
        #expect(server.received.first?.contains("Host: 127.0.0.1:\(server.port)\r\n") == true)
    }

    @Test func defaultURLUsesPortFromTheEnvironment() throws {
        let server = try OneShotHTTPServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
        defer { server.stop() }
        let result = try CLIProcess.run(["healthcheck"], environment: ["PORT": "\(server.port)"])
        #expect(result.status == 0)
        #expect(server.received.first?.hasPrefix("GET /healthz ") == true)
    }

    @Test func exitsOneWhenTheServerAnswers503() throws {
        let server = try OneShotHTTPServer(response: "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")
        defer { server.stop() }
        let result = try CLIProcess.run(["healthcheck", "http://127.0.0.1:\(server.port)/readyz"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("503"))
    }

    @Test func exitsOneWhenNothingListens() throws {
        // A port that was free a moment ago: bound, then released.
        let server = try OneShotHTTPServer(response: "")
        server.stop()
        let result = try CLIProcess.run(["healthcheck", "http://127.0.0.1:\(server.port)/healthz"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot connect"))
    }

    @Test func exitsOneOnAnAnswerThatIsNotHTTP() throws {
        let server = try OneShotHTTPServer(response: "SSH-2.0-OpenSSH_9.2\r\n")
        defer { server.stop() }
        let result = try CLIProcess.run(["healthcheck", "http://127.0.0.1:\(server.port)/"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not an HTTP answer"))
    }

    @Test func rejectsAURLThatIsNotPlainHTTP() throws {
        let result = try CLIProcess.run(["healthcheck", "ftp://127.0.0.1/"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("url"))
    }
}
