import COpenSSL
import Foundation
import Glibc
@testable import HTTPServer
import Testing

/// TLS over real loopback sockets: the server from `withServer` with an HTTPS listener beside
/// the plain one, clients through OpenSSL (in the test), `curl` and `openssl s_client`.
@Suite struct TLSEndToEndTests {
    let files = TLSTestFiles.shared

    func withTLSServer<T>(
        cert: String? = nil, key: String? = nil, handshakeTimeout: Double = 10,
        _ body: (HTTPServer, Int) throws -> T
    ) throws -> T {
        try withServer(configure: {
            var tls = TLSConfiguration(certificatePath: cert ?? files.cert, privateKeyPath: key ?? files.key, port: 0)
            tls.handshakeTimeout = handshakeTimeout
            $0.tls = tls
        }) { server, _ in
            try body(server, try #require(server.tlsPort))
        }
    }

    func sendHalfAClientHello(to raw: RawClient) throws {
        let client = try TLSTestClient(caFile: files.cert)
        _ = client.handshakeStep()
        let hello = client.takeOutput()
        try raw.send(Array(hello.prefix(hello.count / 2)))
    }

    @Test func handshakeAndKeepAliveRequestsOverASocket() throws {
        try withTLSServer { _, port in
            let raw = try RawClient(port: port)
            let client = try TLSTestClient(caFile: files.cert)
            #expect(try client.handshake(over: raw))
            #expect(client.verified && client.alpn == "http/1.1" && client.version == "TLSv1.3")
            for _ in 0..<3 {
                let (responses, closed) = try client.exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n", over: raw)
                #expect(responses.count == 1 && !closed)
                #expect(responses.first?.hasPrefix("HTTP/1.1 200 OK\r\n") == true)
                #expect(responses.first?.hasSuffix("\r\n\r\nhello") == true)
            }
        }
    }

    @Test func tlsOnTheMainPortWhenNoSeparateTLSPort() throws {
        try withServer(configure: { $0.tls = TLSConfiguration(certificatePath: files.cert, privateKeyPath: files.key) }) { server, _ in
            #expect(server.tlsPort == server.port)
            let raw = try RawClient(port: server.port)
            let client = try TLSTestClient(caFile: files.cert)
            #expect(try client.handshake(over: raw))
            #expect(try client.exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n", over: raw).responses.count == 1)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrderThenCloseNotify() throws {
        try withTLSServer { _, port in
            let raw = try RawClient(port: port)
            let client = try TLSTestClient(caFile: files.cert)
            #expect(try client.handshake(over: raw))
            let batch = (1...5).map { "GET /echo?n=\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined()
                + "GET /echo?n=last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            let (responses, closed) = try client.exchange(batch, expecting: 7, over: raw)
            let targets = responses.compactMap { response in
                response.split(separator: "\r\n").first { $0.hasPrefix("X-Target:") }.map { String($0.dropFirst(10)) }
            }
            #expect(targets == (1...5).map { "/echo?n=\($0)" } + ["/echo?n=last"])
            // The last response carries Connection: close; the server then sends close_notify.
            #expect(closed)
            #expect(try raw.isClosedByServer())
        }
    }

    @Test func curlWithCacertReusesTheConnection() throws {
        try withTLSServer { _, port in
            let url = "https://127.0.0.1:\(port)/"
            let result = try runTool([
                "curl", "-sS", "--max-time", "10", "--cacert", files.cert, "--http1.1",
                "-w", "%{http_code} %{num_connects} %{ssl_verify_result}\n",
                "-o", "/dev/null", url, "-o", "/dev/null", url + "echo", "-o", "/dev/null", url,
            ])
            #expect(result.status == 0, "\(result.output)")
            // One connection (and one handshake) for three requests, certificate verified.
            #expect(result.output == "200 1 0\n200 0 0\n200 0 0\n")
        }
    }

    @Test(arguments: ["--tlsv1.2 --tls-max 1.2", "--tlsv1.3"])
    func curlNegotiatesEachSupportedVersion(flags: String) throws {
        try withTLSServer { _, port in
            let result = try runTool(
                ["curl", "-sS", "--max-time", "10", "--cacert", files.cert] + flags.split(separator: " ").map(String.init)
                    + ["-w", "\n%{http_code}", "https://127.0.0.1:\(port)/"])
            #expect(result.status == 0 && result.output == "hello\n200", "\(result.output)")
        }
    }

    @Test(arguments: ["-tls1", "-tls1_1"])
    func oldProtocolClientIsRefused(flag: String) throws {
        try withTLSServer { server, port in
            let result = try runTool(["openssl", "s_client", "-connect", "127.0.0.1:\(port)", flag, "-cipher", "ALL:@SECLEVEL=0"])
            #expect(result.status != 0)
            #expect(result.output.contains("alert protocol version"), "\(result.output)")
            #expect(server.metrics.tlsHandshakeFailureCount >= 1)
        }
    }

    @Test func tls11ClientThroughTheLibraryIsRefused() throws {
        try withTLSServer { _, port in
            let raw = try RawClient(port: port)
            let client = try TLSTestClient(caFile: files.cert, maxVersion: TLS1_1_VERSION)
            #expect(try !client.handshake(over: raw))
            #expect(OpenSSLError.drain().contains("protocol version"))
            #expect(try raw.isClosedByServer())
        }
    }

    @Test func plainHTTPOnTheTLSPortIsAnswered400AndClosed() throws {
        try withTLSServer { server, port in
            let raw = try RawClient(port: port)
            try raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let reply = String(decoding: try raw.readUntilClose(), as: UTF8.self)
            #expect(reply.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
            #expect(reply.contains("plain HTTP sent to the TLS port"))
            #expect(reply.contains("\r\nDate: ") && reply.contains("\r\nConnection: close\r\n"))
            #expect(reply.contains(#""instance":null}"#))
            #expect(server.metrics.tlsHandshakeFailureCount == 1)
        }
    }

    @Test func clientHelloOnThePlainPortIsAnswered400AndClosed() throws {
        try withTLSServer { server, _ in
            let raw = try RawClient(port: server.port)
            let client = try TLSTestClient(caFile: files.cert)
            _ = client.handshakeStep()
            try client.flush(to: raw)
            let reply = String(decoding: try raw.readUntilClose(), as: UTF8.self)
            #expect(reply.hasPrefix("HTTP/1.1 400 "), "\(reply.prefix(80))")
        }
    }

    @Test func truncatedHandshakeThenEOFIsClosedAtOnce() throws {
        // The handshake timeout is far beyond the client's guard: only an immediate close passes.
        try withTLSServer(handshakeTimeout: 60) { _, port in
            let raw = try RawClient(port: port, timeout: 3)
            try sendHalfAClientHello(to: raw)
            raw.shutdownWrite()
            #expect(try raw.isClosedByServer())
        }
    }

    @Test func stalledHandshakeIsCutOffByTheHandshakeTimeout() throws {
        try withTLSServer(handshakeTimeout: 0.3) { server, port in
            let raw = try RawClient(port: port, timeout: 5)
            let started = Date()
            try sendHalfAClientHello(to: raw)
            #expect(try raw.isClosedByServer())
            #expect(Date().timeIntervalSince(started) >= 0.25)
            #expect(server.metrics.tlsHandshakeFailureCount == 1)
        }
    }

    @Test func randomBytesOnTheTLSPortAreClosedAtOnce() throws {
        try withTLSServer(handshakeTimeout: 60) { _, port in
            let raw = try RawClient(port: port, timeout: 3)
            var generator = SystemRandomNumberGenerator()
            // First byte 0: neither a TLS record type, an SSLv2 header, nor an HTTP method.
            let junk = [UInt8(0)] + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try raw.send(junk)
            let reply = try raw.readUntilClose()
            #expect(!String(decoding: reply, as: UTF8.self).hasPrefix("HTTP/"))
        }
    }

    @Test func twoHundredConcurrentTLSConnections() throws {
        try withTLSServer { server, port in
            let count = 200
            var connections: [(RawClient, TLSTestClient)] = []
            // Every ClientHello is out before any handshake is finished: 200 handshakes in flight.
            for _ in 0..<count {
                let raw = try RawClient(port: port)
                let client = try TLSTestClient(caFile: files.cert)
                _ = client.handshakeStep()
                try client.flush(to: raw)
                connections.append((raw, client))
            }
            var completed = 0
            for (raw, client) in connections where try client.handshake(over: raw) { completed += 1 }
            #expect(completed == count)
            for (raw, client) in connections { client.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n"); try client.flush(to: raw) }
            var answered = 0
            for (raw, client) in connections {
                let (responses, _) = try client.exchange("", over: raw)
                if responses.first?.hasPrefix("HTTP/1.1 200 OK") == true { answered += 1 }
            }
            #expect(answered == count)
            #expect(server.metrics.tlsHandshakeFailureCount == 0)
        }
    }

    @Test func reloadServesTheNewCertificateToNewConnectionsAndKeepsOpenOnes() throws {
        let cert = files.write("e2e-reload-cert.pem", try String(contentsOfFile: files.cert, encoding: .utf8))
        let key = files.write("e2e-reload-key.pem", try String(contentsOfFile: files.key, encoding: .utf8))
        try withTLSServer(cert: cert, key: key) { server, port in
            let rawBefore = try RawClient(port: port)
            let before = try TLSTestClient(caFile: files.cert)
            #expect(try before.handshake(over: rawBefore) && before.verified)

            _ = files.write("e2e-reload-cert.pem", try String(contentsOfFile: files.chainCert, encoding: .utf8))
            _ = files.write("e2e-reload-key.pem", try String(contentsOfFile: files.chainKey, encoding: .utf8))
            try server.reloadTLS()

            // The open connection carries on with its session.
            #expect(try before.exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n", over: rawBefore).responses.count == 1)
            // A new one gets the CA-signed chain: a client trusting only that CA verifies it,
            let rawAfter = try RawClient(port: port)
            let after = try TLSTestClient(caFile: files.caCert)
            #expect(try after.handshake(over: rawAfter) && after.verified)
            // and one trusting only the old self-signed certificate does not.
            let rawOld = try RawClient(port: port)
            let old = try TLSTestClient(caFile: files.cert)
            #expect(try !old.handshake(over: rawOld))
            OpenSSLError.clear()
        }
    }

    @Test func failedReloadKeepsServing() throws {
        let key = files.write("e2e-bad-reload-key.pem", try String(contentsOfFile: files.key, encoding: .utf8))
        try withTLSServer(key: key) { server, port in
            _ = files.write("e2e-bad-reload-key.pem", try String(contentsOfFile: files.otherKey, encoding: .utf8))
            #expect(throws: ServerError.self) { try server.reloadTLS() }
            let raw = try RawClient(port: port)
            let client = try TLSTestClient(caFile: files.cert)
            #expect(try client.handshake(over: raw) && client.verified)
        }
    }

    @Test func startFailsNamingTheBadFileBeforeListening() {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.tls = TLSConfiguration(certificatePath: files.cert, privateKeyPath: files.otherKey, port: 0)
        let server = HTTPServer(configuration: configuration, responder: TestResponder())
        #expect(throws: ServerError.self) { try server.start() }
        do { try server.start() } catch {
            #expect(error.description == "TLS private key \(files.otherKey) does not match the certificate \(files.cert)")
        }
        #expect(server.tlsPort == nil && !server.isReady)
    }
}
