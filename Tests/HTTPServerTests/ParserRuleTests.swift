import Foundation
import HTTPServer
import Testing

/// RFC 9112 rules of the request parser, each over a real socket: the exact status, a
/// problem+json body, and the connection closed after it.
@Suite struct ParserRuleTests {
    /// Sends `raw`, expects `status` with problem+json, then the server closes.
    private func expectRefusal(_ raw: String, _ status: Int, configure: (inout ServerConfiguration) -> Void = { _ in },
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        try withServer(configure: configure) { server, responder in
            let (response, client) = try exchange(raw, port: server.port)
            #expect(response.status == status, sourceLocation: sourceLocation)
            #expect(response.header("Content-Type") == "application/problem+json", sourceLocation: sourceLocation)
            #expect(response.header("Connection") == "close", sourceLocation: sourceLocation)
            let body = try problem(response)
            #expect(body.status == status && body.type == "about:blank" && !body.detail.isEmpty, sourceLocation: sourceLocation)
            #expect(try client.isClosedByServer(), sourceLocation: sourceLocation)
            #expect(responder.calls.load(ordering: .relaxed) == 0, sourceLocation: sourceLocation)
        }
    }

    @Test func requestTargetOverLimitIs414() throws {
        let target = "/" + String(repeating: "a", count: 8 * 1024)
        try expectRefusal("GET \(target) HTTP/1.1\r\nHost: a\r\n\r\n", 414)
    }

    @Test func requestTargetOverLimitIs414BeforeTheLineEnds() throws {
        let target = "/" + String(repeating: "a", count: 9 * 1024)
        try expectRefusal("GET \(target)", 414)
    }

    @Test func headerSectionOverLimitIs431() throws {
        let big = String(repeating: "b", count: 17 * 1024)
        try expectRefusal("GET / HTTP/1.1\r\nHost: a\r\nX-Big: \(big)\r\n\r\n", 431)
    }

    @Test func tooManyHeaderFieldsIs431() throws {
        let fields = (0..<101).map { "X-F\($0): v\r\n" }.joined()
        try expectRefusal("GET / HTTP/1.1\r\nHost: a\r\n\(fields)\r\n", 431)
    }

    @Test func headerLimitsAreConfigurable() throws {
        try expectRefusal("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n", 431) { $0.maxHeaderFields = 2 }
        try expectRefusal("GET /abcdefghijk HTTP/1.1\r\nHost: a\r\n\r\n", 414) { $0.maxTargetBytes = 10 }
    }

    @Test func bodyOverMaxBodyIs413() throws {
        try expectRefusal("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", 413) { $0.maxBodyBytes = 10 }
    }

    @Test func chunkedBodyOverMaxBodyIs413() throws {
        try expectRefusal("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\nabcdef\r\n", 413) {
            $0.maxBodyBytes = 10
        }
    }

    @Test(arguments: ["HTTP/2.0", "HTTP/0.9", "HTTP/3.0"])
    func unsupportedMajorVersionIs505(version: String) throws {
        try expectRefusal("GET / \(version)\r\nHost: a\r\n\r\n", 505)
    }

    /// RFC 9110 §2.5: a higher minor version is handled as the highest supported (HTTP/1.1).
    @Test(arguments: ["HTTP/1.2", "HTTP/1.9"])
    func higherMinorVersionIsAnsweredAsHTTP11(version: String) throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            for _ in 0..<2 {
                try client.send("GET /echo \(version)\r\nHost: a\r\n\r\n")
                let response = try client.readResponse()  // fails on any status line but HTTP/1.1
                #expect(response.status == 200)
                #expect(response.header("Connection") == "keep-alive")
            }
            // HTTP/1.1 rules apply: Host is required.
            try expectRefusal("GET / \(version)\r\n\r\n", 400)
        }
    }

    @Test(arguments: ["http/1.1", "HTTP/1.10", "HTTP/1", "HTTP/1.1 ", "HTTP/11", "HTTPS/1.1", "HTTP/1.x"])
    func malformedVersionIs400(version: String) throws {
        try expectRefusal("GET / \(version)\r\nHost: a\r\n\r\n", 400)
    }

    @Test(arguments: ["FOO", "get", "PROPFIND", "BREW"])
    func unknownMethodIs501(method: String) throws {
        try expectRefusal("\(method) / HTTP/1.1\r\nHost: a\r\n\r\n", 501)
    }

    @Test(arguments: ["GET  / HTTP/1.1", "GET /", "GET / HTTP/1.1 extra", " GET / HTTP/1.1", "G(T / HTTP/1.1", "GET\t/ HTTP/1.1"])
    func malformedRequestLineIs400(line: String) throws {
        try expectRefusal("\(line)\r\nHost: a\r\n\r\n", 400)
    }

    @Test(arguments: ["/a b", "/a\u{7F}", "a/b", "*", "/a#frag", "/caf\u{E9}"])
    func invalidRequestTargetIs400(target: String) throws {
        try expectRefusal("GET \(target) HTTP/1.1\r\nHost: a\r\n\r\n", 400)
    }

    @Test func missingHostOnHTTP11Is400() throws {
        try expectRefusal("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400)
    }

    @Test func repeatedHostIs400() throws {
        try expectRefusal("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400)
        try expectRefusal("GET / HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n", 400)
    }

    @Test(arguments: ["a b", "a/b", "[::1", "a:80x", "a@b", "a:123456"])
    func invalidHostIs400(host: String) throws {
        try expectRefusal("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n", 400)
    }

    @Test func contentLengthWithTransferEncodingIs400AndCloses() throws {
        try expectRefusal(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
            400)
    }

    @Test func repeatedContentLengthIs400() throws {
        try expectRefusal("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx", 400)
    }

    @Test(arguments: ["abc", "-1", "+1", "1.0", "0x10", "1 2", "1,1", "", "99999999999999999999999"])
    func invalidContentLengthIs400(value: String) throws {
        try expectRefusal("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\n", 400)
    }

    @Test(arguments: ["gzip, chunked", "deflate,chunked", "x-custom, chunked"])
    func transferCodingBeforeChunkedIs501(value: String) throws {
        try expectRefusal("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(value)\r\n\r\n", 501)
    }

    /// RFC 9112 §6.3: without a final chunked the body length is unknown: 400 and close.
    @Test(arguments: ["gzip", "chunked, gzip", "chunked, chunked", "chunkedx", ""])
    func transferCodingWithoutFinalChunkedIs400(value: String) throws {
        try expectRefusal("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(value)\r\n\r\n", 400)
    }

    @Test func transferEncodingInHTTP10Is400() throws {
        try expectRefusal("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400)
    }

    @Test func obsFoldIs400() throws {
        try expectRefusal("GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n  continued\r\n\r\n", 400)
        try expectRefusal("GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n\tcontinued\r\n\r\n", 400)
    }

    @Test func whitespaceBeforeColonIs400() throws {
        try expectRefusal("GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400)
        try expectRefusal("GET / HTTP/1.1\r\nHost: a\r\nX-A\t: 1\r\n\r\n", 400)
    }

    @Test func bareCRIs400() throws {
        try expectRefusal("GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r2\r\n\r\n", 400)
        try expectRefusal("GET / HTTP/1.1\rHost: a\r\n\r\n", 400)
    }

    @Test(arguments: ["GET /healthz HTTP/1.1\rHost: x\r\r", "GET / HTTP/1.1\r\nHost: x\rX", "GET /a\rb"])
    func bareCRWithoutAnyLFIs400AtOnce(raw: String) throws {
        // The header timeout is far beyond the client's 5 s guard: only an immediate answer passes.
        try expectRefusal(raw, 400, configure: { $0.headerTimeout = 600 })
    }

    @Test func bareCRInAChunkSizeLineIs400AtOnce() throws {
        // The body timeout is far beyond the client's 5 s guard: only an immediate answer passes.
        try withServer(configure: { $0.bodyTimeout = 600 }) { server, _ in
            let (response, client) = try exchange(
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\rhello", port: server.port)
            #expect(response.status == 400)
            #expect(try client.isClosedByServer())
        }
    }

    @Test(arguments: ["x:443", "/path", "[::1]:80"])
    func connectIs501(target: String) throws {
        try expectRefusal("CONNECT \(target) HTTP/1.1\r\nHost: x:443\r\n\r\n", 501)
    }

    /// The core knows RFC 9457's members only; an application's own members come from its
    /// responder (`HTTPResponder.problemBody(for:)`).
    @Test func coreProblemHasTheMembersOfRFC9457() throws {
        try withServer { server, _ in
            let (response, _) = try exchange("GET /jobs/x?y=1 HTTP/1.1\r\n\r\n", port: server.port)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
            #expect(Set(object.keys) == ["type", "title", "status", "detail", "instance"])
            #expect(object["instance"] as? String == "/jobs/x")
            #expect(object["title"] as? String == "Bad Request")

            let (garbled, _) = try exchange("GET  / HTTP/1.1\r\n\r\n", port: server.port)
            let unknown = try #require(try JSONSerialization.jsonObject(with: Data(garbled.body)) as? [String: Any])
            #expect(unknown["instance"] is NSNull)
        }
    }

    @Test func bareLFIs400() throws {
        try expectRefusal("GET / HTTP/1.1\nHost: a\r\n\r\n", 400)
        try expectRefusal("GET / HTTP/1.1\r\nHost: a\n\n", 400)
    }

    @Test(arguments: ["\u{0}", "\u{1}", "\u{1B}", "\u{7F}", "\u{0B}"])
    func controlByteInFieldValueIs400(byte: String) throws {
        try expectRefusal("GET / HTTP/1.1\r\nHost: a\r\nX-A: a\(byte)b\r\n\r\n", 400)
    }

    @Test(arguments: ["X(A", "X A", "X\"A", "X/A", "X@A", "X\u{E9}A", ""])
    func nonTokenFieldNameIs400(name: String) throws {
        try expectRefusal("GET / HTTP/1.1\r\nHost: a\r\n\(name): 1\r\n\r\n", 400)
    }

    @Test func unsupportedExpectationIs417() throws {
        try expectRefusal("POST / HTTP/1.1\r\nHost: a\r\nExpect: something-else\r\nContent-Length: 1\r\n\r\nx", 417)
    }

    @Test func binaryGarbageIs400AtOnce() throws {
        // A TLS ClientHello on the plain port.
        try expectRefusal(String(decoding: [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03], as: UTF8.self), 400)
    }

    @Test func leadingEmptyLinesAreIgnored() throws {
        try withServer { server, _ in
            let (response, _) = try exchange("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", port: server.port)
            #expect(response.status == 200)
        }
    }

    @Test func http10WithoutHostIsServed() throws {
        try withServer { server, _ in
            let (response, client) = try exchange("GET / HTTP/1.0\r\n\r\n", port: server.port)
            #expect(response.status == 200)
            #expect(response.header("Connection") == "close")
            #expect(try client.isClosedByServer())
        }
    }

    @Test func absoluteFormTargetReachesResponderAsOriginForm() throws {
        try withServer { server, _ in
            let (response, _) = try exchange("GET http://example.com:8080/echo?x=1 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n", port: server.port)
            #expect(response.status == 200)
            #expect(response.header("X-Target") == "/echo?x=1")
        }
    }

    @Test func fieldValuesAreTrimmedAndObsTextAllowed() throws {
        try withServer { server, responder in
            let raw: [UInt8] = Array("GET / HTTP/1.1\r\nHost: a\r\nX-A: \t value \t\r\nX-B: caf".utf8) + [0xE9] + Array("\r\n\r\n".utf8)
            let client = try RawClient(port: server.port)
            try client.send(raw)
            #expect(try client.readResponse().status == 200)
            let request = responder.lastRequest.withLock { $0 }
            #expect(request?.headers["x-a"] == "value")
            #expect(request?.headers["X-B"]?.hasPrefix("caf") == true)
        }
    }

    @Test func rawNonASCIIByteInTheTargetIs400SayingSo() throws {
        try withServer { server, responder in
            let client = try RawClient(port: server.port)
            try client.send(Array("GET /roles/caf".utf8) + [0xC3, 0xA9] + Array(" HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(try problem(response).detail.contains("raw non-ASCII byte"))
            #expect(try client.isClosedByServer())
            #expect(responder.calls.load(ordering: .relaxed) == 0)
        }
    }

    /// RFC 3986 §6.2.2: percent-encoded unreserved characters are the characters themselves;
    /// reserved ones keep their encoding (hex upper-cased); "." and ".." segments are removed
    /// (§6.2.2.3, also when encoded); the query is passed on as sent.
    @Test(arguments: [
        ("/%68ealthz", "/healthz", nil),
        ("/%65%63%68%6F", "/echo", nil),
        ("/a%2fb%7E%2D%5f%2e", "/a%2Fb~-_.", nil),
        ("/%41%3f?q=%41%2f", "/A%3F", "q=%41%2f"),
        ("/50%25", "/50%25", nil),
        ("/a/b/c/./../../g", "/a/g", nil),
        ("/a/%2E%2e/healthz?x=/../", "/healthz", "x=/../"),
        ("/./echo", "/echo", nil),
        ("/../../echo", "/echo", nil),
        ("/a/.", "/a/", nil),
        ("/a/..", "/", nil),
        ("/a/..b/.c/", "/a/..b/.c/", nil),
        ("/a/%2F../b", "/a/%2F../b", nil),
        ("http://a/%68i?%68", "/hi", "%68"),
    ] as [(String, String, String?)])
    func pathIsNormalizedBeforeTheResponder(target: String, path: String, query: String?) throws {
        try withServer { server, responder in
            let (response, _) = try exchange("GET \(target) HTTP/1.1\r\nHost: a\r\n\r\n", port: server.port)
            #expect(response.status == 200)
            let request = responder.lastRequest.withLock { $0 }
            #expect(request?.path == path)
            #expect(request?.query == query)
        }
    }

    /// RFC 9112 §3.2 with RFC 3986 §3.3/§3.4: a "%" not followed by two hex digits, or a byte the
    /// path (or query) never holds unencoded, makes the request-line invalid: 400 and close,
    /// not a 404 for a path that happens to match nothing.
    @Test(arguments: [
        "/%zz", "/%", "/a%4", "/a%4g", "/a<b", "/a>b", "/a\"b", "/a{b}", "/a|b", "/a^b", "/a\\b", "/a`b", "/a[0]",
        "/?q=%zz", "/?q=%", "/?q=<", "/?q=\"", "http://a/%zz", "http://a/b?c=%",
    ])
    func targetOutsideRFC3986Is400(target: String) throws {
        try expectRefusal("GET \(target) HTTP/1.1\r\nHost: a\r\n\r\n", 400)
    }

    /// Browsers leave `` [ ] { } | ^ \ ` `` unencoded in a query (the WHATWG query set): accepted there
    /// and passed on as sent, with every RFC 3986 sub-delim, ":" "@" "/" "?" and pct-encoded triplets.
    @Test func lenientQueryCharactersAndAllPathCharactersAreAccepted() throws {
        try withServer { server, responder in
            let target = "/a-._~!$&'()*+,;=:@/%41?x[]={y}|^\\`&z=/?:@%2F"
            let (response, _) = try exchange("GET \(target) HTTP/1.1\r\nHost: a\r\n\r\n", port: server.port)
            #expect(response.status == 200)
            let request = responder.lastRequest.withLock { $0 }
            #expect(request?.path == "/a-._~!$&'()*+,;=:@/A")
            #expect(request?.query == "x[]={y}|^\\`&z=/?:@%2F")
        }
    }
}
