import Foundation
import HTTPServer
import Testing

/// Keep-alive, pipelining, bodies, Expect, HEAD and the fields the core adds (RFC 9112 §9, RFC 9110).
@Suite struct ConnectionSemanticsTests {
    @Test func http11KeepsAliveByDefault() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            for _ in 0..<3 {
                try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.bodyText == "hello")
                #expect(response.header("Connection") == "keep-alive")
            }
        }
    }

    @Test func connectionCloseClosesAfterTheResponse() throws {
        try withServer { server, _ in
            let (response, client) = try exchange("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port)
            #expect(response.status == 200)
            #expect(response.header("Connection") == "close")
            #expect(try client.isClosedByServer())
        }
    }

    @Test func responderConnectionCloseClosesTheConnection() throws {
        try withServer { server, _ in
            let (response, client) = try exchange("GET /close HTTP/1.1\r\nHost: x\r\n\r\n", port: server.port)
            #expect(response.header("Connection") == "close")
            #expect(response.headerCount("Connection") == 1)
            #expect(try client.isClosedByServer())
        }
    }

    @Test func http10ClosesByDefault() throws {
        try withServer { server, _ in
            let (response, client) = try exchange("GET / HTTP/1.0\r\n\r\n", port: server.port)
            #expect(response.header("Connection") == "close")
            #expect(try client.isClosedByServer())
        }
    }

    @Test func http10KeepAliveOnRequest() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            for _ in 0..<2 {
                try client.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.header("Connection") == "keep-alive")
            }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            try client.send((0..<100).map { "GET /echo?n=\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            for i in 0..<100 {
                let response = try client.readResponse()
                #expect(response.header("X-Target") == "/echo?n=\(i)")
            }
        }
    }

    @Test func unreadRequestBodyIsConsumedBeforeTheNextRequest() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            // "/" ignores its body: the next request must still parse where it starts.
            try client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 18\r\n\r\nGET /oops HTTP/1.1GET /echo HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().bodyText == "hello")
            let second = try client.readResponse()
            #expect(second.header("X-Target") == "/echo")
        }
    }

    @Test func contentLengthBodyReachesResponder() throws {
        try withServer { server, _ in
            let (response, _) = try exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world", port: server.port)
            #expect(response.bodyText == "hello world")
            #expect(response.header("X-Method") == "POST")
        }
    }

    @Test func chunkedBodyWithExtensionsAndTrailersIsDecoded() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            try client.send(
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;name=value;quoted=\"a \\\"b\\\" c\"\r\nhello\r\n1 ; ext\r\n \r\n00000000000000000A\r\n0123456789\r\n"
                    + "0\r\nX-Trailer: yes\r\nX-Other: 2\r\n\r\n"
                    + "GET /echo HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.bodyText == "hello 0123456789")
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test(arguments: ["zz\r\n", "-1\r\n", "0x5\r\n", "\r\n", "5 \r\n", "1234567890123456\r\n", "10000000000000000\r\n", "5;\r\n", "5;a=\"x\r\n", "5\nhello",
                      "5\r\nhello\n0\r\n\r\n", "5\r\nhello\r\n0\n\n", "5\r\nhello\r\n0\r\nX-T: 1\n\r\n"])
    func malformedOrLFOnlyChunkFramingIs400(line: String) throws {
        try withServer { server, _ in
            let (response, client) = try exchange(
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\(line)", port: server.port)
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(try client.isClosedByServer())
        }
    }

    @Test func chunkDataWithoutCRLFIs400() throws {
        try withServer { server, _ in
            let (response, _) = try exchange(
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n", port: server.port)
            #expect(response.status == 400)
        }
    }

    @Test func expect100ContinueGetsContinueThenTheFinalResponse() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
            let interim = try client.readResponse()
            #expect(interim.status == 100)
            try client.send("ping")
            let final = try client.readResponse()
            #expect(final.status == 200)
            #expect(final.bodyText == "ping")
        }
    }

    @Test func expect100ContinueWithTooLargeBodyGetsTheFinalErrorInstead() throws {
        try withServer(configure: { $0.maxBodyBytes = 10 }) { server, _ in
            let (response, client) = try exchange(
                "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 100\r\n\r\n", port: server.port)
            #expect(response.status == 413)
            #expect(try client.isClosedByServer())
        }
    }

    @Test func headGetsTheHeadersOfGetAndNoBody() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            try client.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET /echo HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.readResponse(head: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "5")
            #expect(head.header("Content-Type") == "text/plain")
            // The next response starts right after the head: no body bytes were sent.
            #expect(try client.readResponse().header("X-Target") == "/echo")
        }
    }

    @Test func dateAndContentLengthOnEveryResponse() throws {
        try withServer { server, _ in
            let (ok, _) = try exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n", port: server.port)
            let (refused, _) = try exchange("BREW / HTTP/1.1\r\nHost: x\r\n\r\n", port: server.port)
            for response in [ok, refused] {
                #expect(response.headerCount("Date") == 1)
                #expect(response.headerCount("Content-Length") == 1)
                #expect(response.headerCount("X-Request-Id") == 1)
                let date = try #require(response.header("Date"))
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "GMT")
                formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
                let parsed = try #require(formatter.date(from: date))
                #expect(abs(parsed.timeIntervalSinceNow) < 5)
            }
        }
    }

    @Test func noContentHasNoContentLength() throws {
        try withServer { server, _ in
            let (response, _) = try exchange("GET /nocontent HTTP/1.1\r\nHost: x\r\n\r\n", port: server.port)
            #expect(response.status == 204)
            #expect(response.header("Content-Length") == nil)
        }
    }

    @Test func wellFormedRequestIdIsKeptOtherwiseGenerated() throws {
        try withServer { server, _ in
            let (kept, _) = try exchange("GET /echo HTTP/1.1\r\nHost: x\r\nX-Request-Id: abc.DEF_1:2-3\r\n\r\n", port: server.port)
            #expect(kept.header("X-Request-Id") == "abc.DEF_1:2-3")
            #expect(kept.header("X-Seen-Request-Id") == "abc.DEF_1:2-3")
            let bad = String(repeating: "a", count: 129)
            for value in [bad, "has space", "semi;colon"] {
                let (generated, _) = try exchange("GET /echo HTTP/1.1\r\nHost: x\r\nX-Request-Id: \(value)\r\n\r\n", port: server.port)
                let id = try #require(generated.header("X-Request-Id"))
                #expect(id != value && !id.isEmpty && id.count <= 128)
                #expect(generated.header("X-Seen-Request-Id") == id)
            }
        }
    }

    @Test func requestDeliveredOneBytePerWriteIsServed() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            for byte in Array("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n".utf8) {
                try client.send([byte])
            }
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.bodyText == "abc")
        }
    }

    @Test func halfClosedClientStillGetsItsResponses() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
            client.shutdownWrite()
            #expect(try client.readResponse().status == 200)
            #expect(try client.readResponse().status == 200)
            #expect(try client.isClosedByServer())
        }
    }

    @Test func ipv6LoopbackIsServed() throws {
        try withServer(host: "::1") { server, _ in
            let client = try RawClient(port: server.port, host: "::1")
            try client.send("GET /echo HTTP/1.1\r\nHost: [::1]\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func portInUseErrorNamesTheAddress() throws {
        try withServer { server, _ in
            var configuration = ServerConfiguration()
            configuration.port = server.port
            let second = HTTPServer(configuration: configuration, responder: TestResponder())
            do {
                try second.start()
                second.shutdown()
                Issue.record("a second server bound the same port")
            } catch {
                #expect("\(error)".contains("127.0.0.1:\(server.port)"))
            }
        }
    }
}

@Suite struct ListenerAddressTests {
    @Test func unspecifiedIPv6AddressServesIPv4AndIPv6() throws {
        try withServer(host: "::") { server, _ in
            for host in ["127.0.0.1", "::1"] {
                let client = try RawClient(port: server.port, host: host)
                try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
        }
    }
}
