import Foundation
import HTTPServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Header, idle, body and write timeouts, with short test-configured values.
@Suite struct TimeoutTests {
    @Test func clientStalledMidHeadersGets408() throws {
        try withServer(configure: { $0.headerTimeout = 0.2 }) { server, _ in
            let client = try RawClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Partial: ")
            let started = Date()
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(try client.isClosedByServer())
            #expect(Date().timeIntervalSince(started) < 3)
        }
    }

    @Test func connectionSilentBeforeItsFirstRequestGets408() throws {
        try withServer(configure: { $0.headerTimeout = 0.2 }) { server, _ in
            let client = try RawClient(port: server.port)
            #expect(try client.readResponse().status == 408)
            #expect(try client.isClosedByServer())
        }
    }

    @Test func headerTimeoutCountsTheWholeHeadNotEachByte() throws {
        try withServer(configure: { $0.headerTimeout = 0.3 }) { server, _ in
            let client = try RawClient(port: server.port)
            // A slowloris client: one byte every 50 ms never completes the head in time.
            var status: Int?
            for byte in Array("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n".utf8) {
                do { try client.send([byte]) } catch { break }
                usleep(50_000)
                if server.metrics.prometheusText().contains("reason=\"header_timeout\"") { break }
            }
            status = try client.readResponse().status
            #expect(status == 408)
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        try withServer(configure: { $0.idleTimeout = 0.2 }) { server, _ in
            let client = try RawClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            // Closed quietly: no 408 for a connection between requests.
            #expect(try client.isClosedByServer())
        }
    }

    @Test func stalledBodyGets408() throws {
        try withServer(configure: { $0.bodyTimeout = 0.2 }) { server, _ in
            let client = try RawClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
            #expect(try client.readResponse().status == 408)
            #expect(try client.isClosedByServer())
        }
    }

    @Test func bodyTimeoutIsADeadlineNotResetByEachByte() throws {
        try withServer(configure: { $0.bodyTimeout = 0.4 }) { server, _ in
            let client = try RawClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
            let started = Date()
            // A byte every 50 ms: an inactivity timer of 0.4 s would never fire.
            for _ in 0..<60 {
                if server.metrics.prometheusText().contains("reason=\"body_timeout\"") { break }
                do { try client.send("a") } catch { break }
                usleep(50_000)
            }
            #expect(try client.readResponse().status == 408)
            #expect(Date().timeIntervalSince(started) < 2)
        }
    }

    /// Eight pipelined 1 MiB responses towards a 4 KiB receive buffer: the server's output backs up.
    private func requestBigResponsesWithASmallReceiveBuffer(port: Int) throws -> RawClient {
        let client = try RawClient(port: port)
        var size: Int32 = 4096
        setsockopt(client.fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        try client.send((0..<8).map { _ in "GET /big HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
        return client
    }

    @Test func readerSlowerThanTheMinimumWriteRateIsCutOff() throws {
        try withServer(configure: { $0.writeTimeout = 0.3 }) { server, _ in
            let client = try requestBigResponsesWithASmallReceiveBuffer(port: server.port)
            // 512 bytes every 10 ms (50 KB/s): always some progress, far below 64 KiB per 0.3 s.
            var chunk = [UInt8](repeating: 0, count: 512)
            for _ in 0..<400 {
                let n = chunk.withUnsafeMutableBytes { recv(client.fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { break }
                usleep(10_000)
            }
            #expect(eventually { server.metrics.openConnectionCount == 0 })
        }
    }

    @Test func nonReadingClientIsCutOff() throws {
        try withServer(configure: { $0.writeTimeout = 0.2 }) { server, _ in
            // 1 MiB responses, never read: the output buffer stays full.
            let client = try requestBigResponsesWithASmallReceiveBuffer(port: server.port)
            #expect(withExtendedLifetime(client) { eventually { server.metrics.openConnectionCount == 0 } })
        }
    }

    @Test func slowButReadingClientIsNotCutOff() throws {
        try withServer(configure: { $0.writeTimeout = 0.5 }) { server, _ in
            let client = try RawClient(port: server.port)
            try client.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.body.count == 1 << 20)
        }
    }
}
