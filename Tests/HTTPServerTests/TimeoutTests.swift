import Foundation
import HTTPServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Header, idle, body and write timeouts end to end, over real sockets. When and from what each
/// deadline runs is the state machine's (`ConnectionStateMachineTests`, with a fake clock); these
/// only check what a client sees once a timeout fired, waiting for the event itself (a response,
/// a close) with generous guards, never for a duration.
@Suite struct TimeoutTests {
    @Test func clientStalledMidHeadersGets408AndIsClosed() throws {
        try withServer(configure: { $0.headerTimeout = 0.2 }) { server, _ in
            let client = try RawClient(port: server.port, timeout: 30)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Partial: ")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.header("Connection") == "close")
            #expect(try client.isClosedByServer())
        }
    }

    @Test func idleKeepAliveConnectionIsClosedQuietly() throws {
        try withServer(configure: { $0.idleTimeout = 0.2 }) { server, _ in
            let client = try RawClient(port: server.port, timeout: 30)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            // Closed quietly: no 408 for a connection between requests.
            #expect(try client.isClosedByServer())
        }
    }

    @Test func stalledBodyGets408AndIsClosed() throws {
        try withServer(configure: { $0.bodyTimeout = 0.2 }) { server, _ in
            let client = try RawClient(port: server.port, timeout: 30)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
            #expect(try client.readResponse().status == 408)
            #expect(try client.isClosedByServer())
        }
    }

    @Test func nonReadingClientIsCutOff() throws {
        try withServer(configure: { $0.writeTimeout = 0.2 }) { server, _ in
            // Eight pipelined 1 MiB responses towards a 4 KiB receive window, never read: the
            // server's output backs up and stays.
            let client = try RawClient(port: server.port, receiveBuffer: 4096)
            try client.send((0..<8).map { _ in "GET /big HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            #expect(withExtendedLifetime(client) { eventually(within: 30) { server.metrics.openConnectionCount == 0 } })
        }
    }

    @Test func readingClientGetsALargeResponseWhole() throws {
        try withServer(configure: { $0.writeTimeout = 5 }) { server, _ in
            let client = try RawClient(port: server.port, receiveBuffer: 4096)
            try client.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.body.count == 1 << 20)
        }
    }
}
