import Foundation
import HTTPServer
import Synchronization
import Testing

/// Graceful shutdown end to end: what clients see. The drain's rules (grace, linger, which
/// connection closes when) are the state machine's (`ConnectionStateMachineTests`).
@Suite struct ShutdownTests {
    @Test func shutdownFlipsReadinessClosesIdleConnectionsAndStopsAccepting() throws {
        let (server, _) = try startServer()
        #expect(server.isReady)
        let idle = try RawClient(port: server.port)
        try idle.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try idle.readResponse().status == 200)
        server.shutdown()
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

    /// Runs `session` on `count` threads; returns once each has called `started` (or ended), with
    /// the group that is left when all have ended.
    private func spawnClients(_ count: Int, _ session: @escaping @Sendable (_ started: () -> Void) -> Void) -> DispatchGroup {
        let started = DispatchGroup()
        let done = DispatchGroup()
        for _ in 0..<count {
            started.enter()
            done.enter()
            Thread.detachNewThread {
                var signalled = false
                session {
                    if !signalled { signalled = true; started.leave() }
                }
                if !signalled { started.leave() }
                done.leave()
            }
        }
        _ = started.wait(timeout: .now() + 30)
        return done
    }

    @Test func shutdownUnderLoadLosesNoResponse() throws {
        let (server, responder) = try startServer()
        let port = server.port
        let received = Atomic<Int>(0)
        let broken = Atomic<Int>(0)
        let done = spawnClients(16) { started in
            guard let client = try? RawClient(port: port) else {
                broken.add(1, ordering: .relaxed)
                return
            }
            // Bounded: each client pipelines batches of 8 until the server says close.
            for _ in 0..<10_000 {
                do {
                    try client.send(String(repeating: "GET / HTTP/1.1\r\nHost: x\r\n\r\n", count: 8))
                } catch {
                    break
                }
                started()
                var closing = false
                for _ in 0..<8 {
                    guard let response = try? client.readResponse() else { break }
                    received.add(1, ordering: .relaxed)
                    if response.header("Connection") == "close" { closing = true; break }
                }
                if closing { break }
            }
        }
        #expect(eventually { responder.calls.load(ordering: .relaxed) > 200 })
        server.shutdown()
        #expect(done.wait(timeout: .now() + 10) == .success)
        // Every response the responder produced reached its client, complete.
        #expect(received.load(ordering: .relaxed) == responder.calls.load(ordering: .relaxed))
        #expect(broken.load(ordering: .relaxed) == 0)
        #expect(server.metrics.openConnectionCount == 0)
    }

    @Test func loopingKeepAliveClientsLoseNoRequestAtShutdown() throws {
        let (server, responder) = try startServer()
        let port = server.port
        let sent = Atomic<Int>(0)
        let answered = Atomic<Int>(0)
        let lost = Atomic<Int>(0)
        let done = spawnClients(32) { started in
            guard let client = try? RawClient(port: port, timeout: 30) else {
                lost.add(1, ordering: .relaxed)
                return
            }
            // One request at a time, until the server says close (bounded).
            for _ in 0..<1_000_000 {
                do {
                    try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                } catch {
                    lost.add(1, ordering: .relaxed)
                    break
                }
                sent.add(1, ordering: .relaxed)
                started()
                guard let response = try? client.readResponse() else {
                    lost.add(1, ordering: .relaxed)
                    break
                }
                answered.add(1, ordering: .relaxed)
                if response.header("Connection") == "close" { break }
                // A real client's work between requests (load shaping, not synchronisation):
                // the gap in which a drain that closes idle connections at once loses a request.
                usleep(UInt32.random(in: 0...5000))
            }
        }
        #expect(eventually(within: 30) { responder.calls.load(ordering: .relaxed) > 300 })
        server.shutdown()
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(lost.load(ordering: .relaxed) == 0)
        #expect(answered.load(ordering: .relaxed) == sent.load(ordering: .relaxed))
        #expect(server.metrics.openConnectionCount == 0)
    }
}
