import COpenSSL
import Foundation
@testable import HTTPServer
import Testing

/// A throw-away certificate directory made with the `openssl` CLI: a P-256 self-signed leaf for
/// localhost/127.0.0.1, plus variants for the start-up error tests. Made once per test process.
struct TLSTestFiles: Sendable {
    let directory: String
    var cert: String { directory + "/cert.pem" }
    var key: String { directory + "/key.pem" }
    var otherKey: String { directory + "/other-key.pem" }
    var expiredCert: String { directory + "/expired.pem" }
    var chainCert: String { directory + "/chain.pem" }
    var chainKey: String { directory + "/leaf-key.pem" }
    var caCert: String { directory + "/ca.pem" }

    static let shared: TLSTestFiles = {
        let directory = NSTemporaryDirectory() + "careers-tls-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = TLSTestFiles(directory: directory)
        let san = "subjectAltName=DNS:localhost,IP:127.0.0.1"
        openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                 "-keyout", files.key, "-out", files.cert, "-days", "2", "-subj", "/CN=localhost", "-addext", san])
        openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", files.otherKey])
        openssl(["x509", "-in", files.cert, "-signkey", files.key, "-days", "-1", "-out", files.expiredCert])
        // A CA and a leaf it signs; chain.pem holds leaf then CA.
        let caKey = directory + "/ca-key.pem", csr = directory + "/leaf.csr", leaf = directory + "/leaf.pem"
        let ext = directory + "/leaf.ext"
        _ = FileManager.default.createFile(atPath: ext, contents: Data(san.utf8))
        openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                 "-keyout", caKey, "-out", files.caCert, "-days", "2", "-subj", "/CN=Careers Test CA"])
        openssl(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                 "-keyout", files.chainKey, "-out", csr, "-subj", "/CN=localhost"])
        openssl(["x509", "-req", "-in", csr, "-CA", files.caCert, "-CAkey", caKey, "-CAcreateserial",
                 "-days", "2", "-extfile", ext, "-out", leaf])
        let chain = (try? String(contentsOfFile: leaf, encoding: .utf8)) ?? ""
        let ca = (try? String(contentsOfFile: files.caCert, encoding: .utf8)) ?? ""
        _ = FileManager.default.createFile(atPath: files.chainCert, contents: Data((chain + ca).utf8))
        return files
    }()

    /// Writes `contents` to a new file in the directory and returns its path.
    func write(_ name: String, _ contents: String, permissions: Int = 0o644) -> String {
        let path = directory + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: permissions])
        return path
    }

    var configuration: TLSConfiguration { TLSConfiguration(certificatePath: cert, privateKeyPath: key) }

    @discardableResult
    static func openssl(_ arguments: [String]) -> Int32 {
        (try? runTool(["openssl"] + arguments))?.status ?? -1
    }
}

/// A TLS client made directly with OpenSSL over memory BIOs, to talk to a `TLSSession` through
/// byte arrays (no socket).
final class TLSTestClient {
    let ctx: OpaquePointer
    let ssl: OpaquePointer
    private let network: OpaquePointer
    private let outgoing: OpaquePointer

    /// `maxVersion`: e.g. TLS1_1_VERSION to act as an old client. `alpn`: protocols to offer.
    init(caFile: String, maxVersion: Int32? = nil, minVersion: Int32? = nil, alpn: [String] = ["http/1.1"],
         ciphers: String? = nil, groups: String? = nil) throws {
        let ctx = try #require(SSL_CTX_new(TLS_client_method()))
        #expect(SSL_CTX_load_verify_locations(ctx, caFile, nil) == 1)
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nil)
        if let minVersion { _ = careers_SSL_CTX_set_min_proto_version(ctx, minVersion) }
        if let maxVersion {
            _ = careers_SSL_CTX_set_max_proto_version(ctx, maxVersion)
            // Old versions need the legacy security level to be offered at all.
            SSL_CTX_set_security_level(ctx, 0)
            _ = SSL_CTX_set_cipher_list(ctx, "ALL:@SECLEVEL=0")
        }
        if let ciphers { _ = SSL_CTX_set_cipher_list(ctx, ciphers) }
        if let groups { _ = careers_SSL_CTX_set1_groups_list(ctx, groups) }
        if !alpn.isEmpty {
            let wire = alpn.flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) }
            _ = SSL_CTX_set_alpn_protos(ctx, wire, UInt32(wire.count))
        }
        let ssl = try #require(SSL_new(ctx))
        network = try #require(BIO_new(BIO_s_mem()))
        outgoing = try #require(BIO_new(BIO_s_mem()))
        careers_BIO_set_mem_eof_return(network, -1)
        SSL_set_bio(ssl, network, outgoing)
        _ = SSL_set1_host(ssl, "localhost")
        SSL_set_connect_state(ssl)
        self.ctx = ctx
        self.ssl = ssl
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(ctx)
    }

    /// Drives the client handshake one step; returns 1 when done, 0 when waiting, -1 on error.
    func handshakeStep() -> Int {
        ERR_clear_error()
        let r = SSL_do_handshake(ssl)
        if r == 1 { return 1 }
        let e = SSL_get_error(ssl, r)
        return e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE ? 0 : -1
    }

    var isHandshakeComplete: Bool { SSL_is_init_finished(ssl) == 1 }

    func takeOutput() -> [UInt8] {
        let pending = careers_BIO_pending(outgoing)
        var bytes = [UInt8](repeating: 0, count: pending)
        let n = BIO_read(outgoing, &bytes, Int32(pending))
        return Array(bytes.prefix(max(0, Int(n))))
    }

    func give(_ bytes: [UInt8]) {
        if !bytes.isEmpty { _ = BIO_write(network, bytes, Int32(bytes.count)) }
    }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = SSL_write(ssl, bytes, Int32(bytes.count))
    }

    /// Plaintext available now; `closed` is set once the server's close_notify arrived.
    func read() -> (bytes: [UInt8], closed: Bool) {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = SSL_read(ssl, &chunk, Int32(chunk.count))
            if n > 0 { out += chunk.prefix(Int(n)); continue }
            return (out, SSL_get_error(ssl, n) == SSL_ERROR_ZERO_RETURN)
        }
    }

    /// e.g. "TLSv1.3 TLS_AES_128_GCM_SHA256".
    var negotiated: String { TLSSession.negotiated(ssl) }
    var version: String { String(negotiated.prefix { $0 != " " }) }
    var cipher: String { String(negotiated.drop { $0 != " " }.dropFirst()) }
    var verified: Bool { SSL_get_verify_result(ssl) == X509_V_OK }
    var alpn: String? { TLSSession.alpn(ssl) }
    /// The key-exchange group name the handshake used (e.g. "X25519").
    var group: String {
        let nid = SSL_ctrl(ssl, SSL_CTRL_GET_NEGOTIATED_GROUP, 0, nil)
        return OBJ_nid2sn(Int32(nid)).map { String(cString: $0) } ?? "?"
    }
    /// Subject of the certificate the server presented.
    var peerSubject: String {
        guard let cert = careers_SSL_get1_peer_certificate(ssl) else { return "" }
        defer { X509_free(cert) }
        var buffer = [CChar](repeating: 0, count: 256)
        X509_NAME_oneline(X509_get_subject_name(cert), &buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Result of pumping bytes between a client and a server session.
struct PumpResult {
    var serverError: TransportError?
    var serverPlaintext: [UInt8] = []
}

extension TLSTestClient {
    /// Exchanges bytes with `server` until both handshakes finish or either side fails (bounded).
    func handshake(with server: TLSSession) -> PumpResult {
        var result = PumpResult()
        for _ in 0..<20 {
            let step = handshakeStep()
            let toServer = takeOutput()
            if step < 0 && toServer.isEmpty { return result }
            var outbound: [UInt8] = []
            do throws(TransportError) {
                try server.receive(toServer, plaintext: &result.serverPlaintext, outbound: &outbound)
            } catch {
                result.serverError = error
                give(outbound)
                _ = handshakeStep()
                return result
            }
            give(outbound)
            if isHandshakeComplete && server.isHandshakeComplete { return result }
        }
        return result
    }

    /// Sends client plaintext to the server session; returns what the server decrypted.
    func send(_ text: String, to server: TLSSession) throws(TransportError) -> [UInt8] {
        write(text)
        var plaintext: [UInt8] = []
        var outbound: [UInt8] = []
        let bytes = takeOutput()
        try server.receive(bytes, plaintext: &plaintext, outbound: &outbound)
        give(outbound)
        return plaintext
    }
}

extension TLSSession {
    /// `receive` for arrays (`withUnsafeBytes` does not forward typed throws).
    func receive(_ bytes: [UInt8], plaintext: inout [UInt8], outbound: inout [UInt8]) throws(TransportError) {
        var failure: TransportError?
        bytes.withUnsafeBytes { raw in
            do throws(TransportError) { try receive(raw, plaintext: &plaintext, outbound: &outbound) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    func send(_ bytes: [UInt8], outbound: inout [UInt8]) throws(TransportError) {
        var failure: TransportError?
        bytes.withUnsafeBytes { raw in
            do throws(TransportError) { try send(raw, outbound: &outbound) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
