import Foundation
import HTTPServer
import Testing

/// Memory for request bodies stays bounded whatever clients send: a body the responder refuses
/// from its head is never stored (and no 100 Continue invites it), and all connections together
/// buffer at most `maxBufferedBodyBytes`.
@Suite struct RequestBodyBoundTests {
    @Test func refusedBodyIsAnsweredFromTheHeadWithoutContinue() throws {
        try withServer { server, responder in
            let (response, client) = try exchange(
                "POST /readonly HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1000\r\n\r\n", port: server.port)
            #expect(response.status == 405)
            #expect(response.header("X-Body-Bytes") == "0")
            // The client waited for a 100 that never came: the connection cannot be reused.
            #expect(response.header("Connection") == "close")
            #expect(try client.isClosedByServer())
            #expect(responder.calls.load(ordering: .relaxed) == 1)
        }
    }

    @Test func refusedSmallBodyIsSkippedAndTheConnectionKept() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            try client.send("POST /readonly HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let refused = try client.readResponse()
            #expect(refused.status == 405)
            #expect(refused.header("Connection") == "keep-alive")
            let next = try client.readResponse()
            #expect(next.status == 200)
            #expect(next.bodyText == "hello")
        }
    }

    @Test func refusedChunkedBodyIsFramedAndSkippedBeforeTheAnswerAndTheConnectionKept() throws {
        try withServer { server, responder in
            let client = try RawClient(port: server.port)
            try client.send("POST /readonly HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")
            // The answer waits for the end of the body: its framing may still turn out bad.
            #expect(eventually { server.metrics.openConnectionCount == 1 })
            #expect(responder.calls.load(ordering: .relaxed) == 0)
            try client.send("lo\r\n0\r\nX-T: 1\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let refused = try client.readResponse()
            #expect(refused.status == 405)
            #expect(refused.header("X-Body-Bytes") == "0")
            #expect(refused.header("Connection") == "keep-alive")
            #expect(try client.readResponse().bodyText == "hello")
        }
    }

    @Test func refusedLargeBodyClosesWithoutWaitingForIt() throws {
        try withServer(configure: { $0.bodyTimeout = 30 }) { server, _ in
            let (response, client) = try exchange(
                "POST /readonly HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n", port: server.port)
            #expect(response.status == 405)
            #expect(response.header("Connection") == "close")
            #expect(try client.isClosedByServer())
        }
    }

    @Test func bodiesOverTheProcessBudgetGet503AndClose() throws {
        try withServer(configure: { $0.maxBufferedBodyBytes = 1000 }) { server, responder in
            let body = String(repeating: "a", count: 1500)
            let (response, client) = try exchange(
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1500\r\n\r\n" + body, port: server.port)
            #expect(response.status == 503)
            #expect(response.header("Retry-After") != nil)
            #expect(try client.isClosedByServer())
            #expect(responder.calls.load(ordering: .relaxed) == 0)
        }
    }

    @Test func bodyBudgetIsReleasedOnceTheResponseIsMade() throws {
        try withServer(configure: { $0.maxBufferedBodyBytes = 1000 }) { server, _ in
            let body = String(repeating: "b", count: 900)
            for _ in 0..<3 {
                let (response, _) = try exchange(
                    "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 900\r\n\r\n" + body, port: server.port)
                #expect(response.status == 200)
                #expect(response.body.count == 900)
            }
        }
    }

    /// A body the responder ignores is still framed before the answer, as nginx does: bad
    /// chunked framing is a 400 and a close, never a 200 followed by garbage read as a request.
    @Test(arguments: [
        "zz\r\n",
        "10000000000000000\r\n",
        "ffffffffffffffffffff\r\n",
        "5\r\nhelloXX0\r\n\r\n",
        "5\nhello\n0\n\n",
        "5\r\nhello\n0\r\n\r\n",
        "5\r\nhello\r\n0\r\nX-T: 1\n\r\n",
        "5\r\nhello\r\n0\r\n\n",
    ])
    func badChunkedFramingToARouteThatIgnoresBodiesIs400AndCloses(body: String) throws {
        try withServer { server, responder in
            let (response, client) = try exchange(
                "POST /readonly HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + body, port: server.port)
            #expect(response.status == 400)
            #expect(response.header("Connection") == "close")
            #expect(try client.isClosedByServer())
            #expect(responder.calls.load(ordering: .relaxed) == 0)
        }
    }
}
