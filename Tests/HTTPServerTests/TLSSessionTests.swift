import COpenSSL
@testable import HTTPServer
import Testing

/// A server `TLSSession` against an OpenSSL client through byte arrays: no socket involved.
@Suite struct TLSSessionTests {
    let files = TLSTestFiles.shared

    func makeServer() throws -> (TLSContext, TLSSession) {
        let context = try TLSContext(configuration: files.configuration)
        let session = try #require(try context.makeSession() as? TLSSession)
        return (context, session)
    }

    @Test func handshakeNegotiatesTLS13WithALPNAndVerifiedCertificate() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert)
        #expect(!server.isHandshakeComplete)
        let result = client.handshake(with: server)
        #expect(result.serverError == nil)
        #expect(server.isHandshakeComplete && client.isHandshakeComplete)
        #expect(client.verified)
        #expect(client.version == "TLSv1.3")
        #expect(client.alpn == "http/1.1")
        #expect(server.alpn == "http/1.1")
        #expect(client.group == "X25519")
    }

    @Test func handshakeRecordArrivingByteByByteIsHeldUntilWholeThenCompletes() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert)
        _ = client.handshakeStep()
        let hello = client.takeOutput()
        #expect(hello.count > 5 && hello[0] == 22)
        var plaintext: [UInt8] = []
        var outbound: [UInt8] = []
        for byte in hello.dropLast() {
            try server.receive([byte], plaintext: &plaintext, outbound: &outbound)
        }
        // Nothing reached OpenSSL yet: no ServerHello.
        #expect(outbound.isEmpty)
        try server.receive([hello[hello.count - 1]], plaintext: &plaintext, outbound: &outbound)
        #expect(!outbound.isEmpty)
        client.give(outbound)
        #expect(client.handshake(with: server).serverError == nil)
        #expect(server.isHandshakeComplete && client.isHandshakeComplete)
    }

    @Test(arguments: [
        ([22, 3, 1, 0, 2, 9, 9], 7),  // one whole record
        ([22, 3, 1, 0, 2, 9], 0),  // a record short of its last byte: held
        ([22, 3], 0),  // a header short of its length: held
        ([22, 3, 1, 0, 0, 22, 3, 3, 0, 4, 1], 5),  // a whole record, then part of one
        ([71, 69, 84, 32], 4),  // "GET ": not a record, handed over at once
        ([22, 2, 1, 0, 2, 9, 9], 7),  // not TLS's major version: handed over at once
        ([22, 3, 1, 0xFF, 0xFF], 5),  // longer than any record: handed over at once
    ] as [([UInt8], Int)])
    func wholeRecordsAreCountedFromTheRecordHeaders(bytes: [UInt8], whole: Int) {
        #expect(TLSSession.wholeRecordsLength(bytes) == whole)
    }

    @Test func applicationDataFlowsBothWays() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert)
        _ = client.handshake(with: server)
        let request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
        let received = try client.send(request, to: server)
        #expect(received == Array(request.utf8))

        var outbound: [UInt8] = []
        let response = Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".utf8)
        try server.send(response, outbound: &outbound)
        #expect(!outbound.isEmpty && outbound != response)
        client.give(outbound)
        #expect(client.read().bytes == response)
    }

    @Test func largeBodyCrossesManyRecords() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert)
        _ = client.handshake(with: server)
        let big = [UInt8]((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var outbound: [UInt8] = []
        try server.send(big, outbound: &outbound)
        client.give(outbound)
        #expect(client.read().bytes == big)
    }

    @Test func handshakeDeliveredOneByteAtATime() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert)
        _ = client.handshakeStep()
        var plaintext: [UInt8] = []
        for _ in 0..<10 where !server.isHandshakeComplete || !client.isHandshakeComplete {
            for byte in client.takeOutput() {
                var outbound: [UInt8] = []
                try server.receive([byte], plaintext: &plaintext, outbound: &outbound)
                client.give(outbound)
            }
            _ = client.handshakeStep()
        }
        #expect(server.isHandshakeComplete && client.isHandshakeComplete)
    }

    @Test func tls12ClientGetsAnIntermediateCipher() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert, maxVersion: TLS1_2_VERSION)
        SSL_CTX_set_security_level(client.ctx, 1)
        _ = client.handshake(with: server)
        #expect(client.version == "TLSv1.2")
        #expect(SSLContextHandle.tls12Ciphers.split(separator: ":").contains(Substring(client.cipher)))
    }

    @Test(arguments: [
        ("ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256"),
        ("ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305"),
    ])
    func serverOrderPicksTheTLS12CipherButHonoursChaChaFirst(offer: String, expected: String) throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert, maxVersion: TLS1_2_VERSION, ciphers: offer)
        SSL_CTX_set_security_level(client.ctx, 1)
        #expect(client.handshake(with: server).serverError == nil)
        #expect(client.cipher == expected)
    }

    @Test(arguments: [TLS1_VERSION, TLS1_1_VERSION])
    func oldProtocolVersionIsRefused(version: Int32) throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert, maxVersion: version)
        let result = client.handshake(with: server)
        #expect(result.serverError?.description.contains("unsupported protocol") == true, "\(String(describing: result.serverError))")
        #expect(!server.isHandshakeComplete && !client.isHandshakeComplete)
    }

    @Test func groupsOutsideX25519P256P384AreRefused() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert, groups: "X448:P-521")
        let result = client.handshake(with: server)
        #expect(result.serverError != nil)
        #expect(!client.isHandshakeComplete)
    }

    @Test func weakTLS12CipherIsRefused() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert, maxVersion: TLS1_2_VERSION, ciphers: "AES128-SHA:ECDHE-ECDSA-AES128-SHA")
        let result = client.handshake(with: server)
        #expect(result.serverError != nil)
        #expect(!client.isHandshakeComplete)
    }

    @Test func clientOfferingOnlyOtherALPNGetsNoApplicationProtocolAlert() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert, alpn: ["h2"])
        let result = client.handshake(with: server)
        #expect(result.serverError != nil)
        #expect(!client.isHandshakeComplete)
        #expect(OpenSSLError.drain().contains("no application protocol"))
    }

    @Test func clientOfferingNoALPNProceedsWithout() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert, alpn: [])
        #expect(client.handshake(with: server).serverError == nil)
        #expect(client.isHandshakeComplete && server.isHandshakeComplete)
        #expect(server.alpn == nil)
    }

    @Test func plainHTTPOnTheTLSPortIsAnsweredInPlainHTTP() throws {
        let (_, server) = try makeServer()
        var plaintext: [UInt8] = [], outbound: [UInt8] = []
        let request = Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        #expect(throws: TransportError.self) {
            try server.receive(request, plaintext: &plaintext, outbound: &outbound)
        }
        #expect(String(decoding: outbound, as: UTF8.self).hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(plaintext.isEmpty)
    }

    @Test func randomBytesFailTheHandshakeAtOnce() throws {
        let (_, server) = try makeServer()
        var plaintext: [UInt8] = [], outbound: [UInt8] = []
        var generator = SystemRandomNumberGenerator()
        let junk = (0..<512).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0x80]
        // A first byte of 0x16 could be the start of a record; make sure it is not.
        let bytes = [UInt8(0x17 ^ 0xFF)] + junk
        #expect(throws: TransportError.self) {
            try server.receive(bytes, plaintext: &plaintext, outbound: &outbound)
        }
        // Further input is refused too, rather than fed to a failed session.
        #expect(throws: TransportError.self) {
            try server.receive(bytes, plaintext: &plaintext, outbound: &outbound)
        }
    }

    @Test func truncatedClientHelloWaitsForMoreWithoutError() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert)
        _ = client.handshakeStep()
        let hello = client.takeOutput()
        var plaintext: [UInt8] = [], outbound: [UInt8] = []
        try server.receive(Array(hello.prefix(hello.count / 2)), plaintext: &plaintext, outbound: &outbound)
        // Nothing to say yet: the connection's handshake timeout is what ends this one.
        #expect(outbound.isEmpty && !server.isHandshakeComplete)
    }

    @Test func closeSendsCloseNotify() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert)
        _ = client.handshake(with: server)
        var outbound: [UInt8] = []
        server.close(outbound: &outbound)
        #expect(!outbound.isEmpty)
        client.give(outbound)
        #expect(client.read().closed)
        var again: [UInt8] = []
        server.close(outbound: &again)
        #expect(again.isEmpty)
    }

    @Test func peerCloseNotifyIsAnsweredAndEndsTheSession() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert)
        _ = client.handshake(with: server)
        _ = SSL_shutdown(client.ssl)
        var plaintext: [UInt8] = [], outbound: [UInt8] = []
        let bytes = client.takeOutput()
        #expect(throws: TransportError.self) {
            try server.receive(bytes, plaintext: &plaintext, outbound: &outbound)
        }
        client.give(outbound)
        #expect(client.read().closed)
    }

    @Test func requestArrivingWithCloseNotifyIsStillDelivered() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert)
        _ = client.handshake(with: server)
        let request = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        client.write(request)
        _ = SSL_shutdown(client.ssl)
        var plaintext: [UInt8] = [], outbound: [UInt8] = []
        try server.receive(client.takeOutput(), plaintext: &plaintext, outbound: &outbound)
        #expect(plaintext == Array(request.utf8))
        // The answer can still be sent, followed by our close_notify.
        try server.send(Array("HTTP/1.1 204 No Content\r\n\r\n".utf8), outbound: &outbound)
        server.close(outbound: &outbound)
        client.give(outbound)
        let reply = client.read()
        #expect(reply.bytes == Array("HTTP/1.1 204 No Content\r\n\r\n".utf8) && reply.closed)
        #expect(throws: TransportError.self) { try server.receive([0x17], plaintext: &plaintext, outbound: &outbound) }
    }

    @Test func sendBeforeHandshakeIsAnError() throws {
        let (_, server) = try makeServer()
        var outbound: [UInt8] = []
        #expect(throws: TransportError.self) {
            try server.send([UInt8(1)], outbound: &outbound)
        }
    }

    @Test func clientRenegotiationIsRefused() throws {
        let (_, server) = try makeServer()
        let client = try TLSTestClient(caFile: files.cert, maxVersion: TLS1_2_VERSION)
        SSL_CTX_set_security_level(client.ctx, 1)
        _ = client.handshake(with: server)
        #expect(client.version == "TLSv1.2")
        #expect(SSL_renegotiate(client.ssl) == 1)
        _ = client.handshakeStep()
        var plaintext: [UInt8] = [], outbound: [UInt8] = []
        let bytes = client.takeOutput()
        try server.receive(bytes, plaintext: &plaintext, outbound: &outbound)
        // The server answers the renegotiation ClientHello with an alert record (content type 21),
        // not a ServerHello (22), and carries on with the existing session.
        #expect(outbound.first == 21)
        #expect(server.isHandshakeComplete)
    }
}
