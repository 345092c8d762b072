import Foundation
import HTTPServer
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct LoadTests {
    @Test func burstOf100PipelinedRequestsInOneWrite() throws {
        try withServer { server, responder in
            let client = try RawClient(port: server.port)
            let batch = (0..<100).map { "GET /echo?i=\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined()
            try client.send(batch)
            for i in 0..<100 {
                #expect(try client.readResponse().header("X-Target") == "/echo?i=\(i)")
            }
            #expect(responder.calls.load(ordering: .relaxed) == 100)
        }
    }

    @Test func thousandConcurrentConnections() throws {
        // The test is about concurrency, not timeouts: on a loaded machine opening 1,000
        // connections can outlast the default header timeout, which would cut the first ones off.
        try withServer(configure: { $0.headerTimeout = 120; $0.idleTimeout = 120 }) { server, _ in
            var clients: [RawClient] = []
            for _ in 0..<1000 { clients.append(try RawClient(port: server.port)) }
            for client in clients { try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n") }
            var ok = 0
            for client in clients where try client.readResponse().status == 200 { ok += 1 }
            #expect(ok == 1000)
            #expect(server.metrics.openConnectionCount == 1000)
        }
    }

    @Test func manyClientsOnThreadsKeepAlive() throws {
        try withServer { server, responder in
            let failures = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                guard let client = try? RawClient(port: server.port) else { failures.add(1, ordering: .relaxed); return }
                for _ in 0..<200 {
                    guard (try? client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")) != nil,
                          let response = try? client.readResponse(), response.status == 200 else {
                        failures.add(1, ordering: .relaxed)
                        return
                    }
                }
            }
            #expect(failures.load(ordering: .relaxed) == 0)
            #expect(responder.calls.load(ordering: .relaxed) == 1600)
        }
    }
}
