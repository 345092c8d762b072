import HTTPServer
import Testing

@Suite struct KeepAliveTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            for _ in 0..<3 {
                try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.bodyText == "hello")
                #expect(response.header("Connection") == "keep-alive")
                #expect(response.header("Content-Length") == "5")
                #expect(response.header("Date")?.hasSuffix(" GMT") == true)
                #expect(response.header("X-Request-Id") != nil)
            }
        }
    }
}
