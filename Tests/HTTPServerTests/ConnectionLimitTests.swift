import HTTPServer
import Testing

@Suite struct ConnectionLimitTests {
    @Test func connectionsOverMaxConnectionsGet503AndAcceptingResumes() throws {
        try withServer(configure: { $0.maxConnections = 2 }) { server, _ in
            var held: [RawClient] = []
            for _ in 0..<2 {
                let client = try RawClient(port: server.port)
                try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try client.readResponse().status == 200)
                held.append(client)
            }
            let excess = try RawClient(port: server.port)
            let refused = try excess.readResponse()
            #expect(refused.status == 503)
            #expect(refused.header("Content-Type") == "application/problem+json")
            #expect(refused.header("Retry-After") == "1")
            #expect(try excess.isClosedByServer())
            #expect(server.metrics.rejectedConnectionCount == 1)

            held.removeAll()
            #expect(eventually { server.metrics.openConnectionCount == 0 })
            let later = try RawClient(port: server.port)
            try later.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try later.readResponse().status == 200)
        }
    }
}
