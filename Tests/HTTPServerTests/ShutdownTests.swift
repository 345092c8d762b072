import Foundation
import HTTPServer
import Synchronization
import Testing

@Suite struct ShutdownTests {
    @Test func shutdownFlipsReadinessClosesIdleConnectionsAndStopsAccepting() throws {
        let (server, _) = try startServer()
        #expect(server.isReady)
        let idle = try RawClient(port: server.port)
        try idle.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try idle.readResponse().status == 200)
        let started = Date()
        server.shutdown()
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(!server.isReady)
        #expect(try idle.isClosedByServer())
        #expect(throws: (any Error).self) { _ = try RawClient(port: server.port) }
    }

    @Test func requestInFlightIsAnsweredWithConnectionClose() throws {
        let (server, responder) = try startServer()
        let client = try RawClient(port: server.port)
        try client.send("GET /slow?ms=300 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(eventually { responder.calls.load(ordering: .relaxed) == 1 })
        server.shutdown()
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.bodyText == "slow")
        #expect(response.header("Connection") == "close")
        #expect(try client.isClosedByServer())
    }

    @Test func shutdownUnderLoadLosesNoResponse() throws {
        let (server, responder) = try startServer()
        let port = server.port
        let clients = 16
        let received = Atomic<Int>(0)
        let broken = Atomic<Int>(0)
        let started = DispatchGroup()
        let done = DispatchGroup()
        for _ in 0..<clients {
            started.enter()
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                guard let client = try? RawClient(port: port) else {
                    broken.add(1, ordering: .relaxed)
                    started.leave()
                    return
                }
                var first = true
                // Bounded: each client pipelines batches of 8 until the server says close.
                for _ in 0..<10_000 {
                    do {
                        try client.send(String(repeating: "GET / HTTP/1.1\r\nHost: x\r\n\r\n", count: 8))
                    } catch {
                        break
                    }
                    if first { started.leave(); first = false }
                    var closing = false
                    for _ in 0..<8 {
                        guard let response = try? client.readResponse() else { break }
                        received.add(1, ordering: .relaxed)
                        if response.header("Connection") == "close" { closing = true; break }
                    }
                    if closing { break }
                }
                if first { started.leave() }
            }
        }
        _ = started.wait(timeout: .now() + 10)
        #expect(eventually { responder.calls.load(ordering: .relaxed) > 200 })
        server.shutdown()
        #expect(done.wait(timeout: .now() + 10) == .success)
        // Every response the responder produced reached its client, complete.
        #expect(received.load(ordering: .relaxed) == responder.calls.load(ordering: .relaxed))
        #expect(broken.load(ordering: .relaxed) == 0)
        #expect(server.metrics.openConnectionCount == 0)
    }
}
