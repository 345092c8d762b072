import COpenSSL

/// One server-side TLS connection. OpenSSL reads ciphertext from one memory BIO and writes to
/// another; the connection moves bytes between those and the socket. OpenSSL never sees the fd,
/// so no OpenSSL call can block a queue or raise SIGPIPE, and WANT_READ simply means "wait for
/// the socket's next read event".
///
/// Confined to its connection's queue (see `TransportSession`); not Sendable.
final class TLSSession: TransportSession {
    private let ssl: OpaquePointer
    /// Ciphertext from the peer, for OpenSSL to read (owned by `ssl`).
    private let network: OpaquePointer
    /// Ciphertext from OpenSSL, for the peer (owned by `ssl`).
    private let outgoing: OpaquePointer
    private(set) var isHandshakeComplete = false
    private var failed = false
    private var closing = false
    /// The peer's close_notify arrived; nothing more can be read.
    private var peerClosed = false
    /// Handshake bytes short of a whole record (see `receive`).
    private var held: [UInt8] = []

    /// Bytes read from or into OpenSSL per call: one maximum-size TLS record.
    private static let chunk = 16 * 1024

    init(context: SSLContextHandle) throws(TransportError) {
        guard let ssl = SSL_new(context.pointer) else {
            throw TransportError("TLS: SSL_new failed: \(OpenSSLError.drain())")
        }
        guard let network = BIO_new(BIO_s_mem()), let outgoing = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw TransportError("TLS: out of memory for BIOs")
        }
        careers_BIO_set_mem_eof_return(network, -1)
        careers_BIO_set_mem_eof_return(outgoing, -1)
        SSL_set_bio(ssl, network, outgoing)
        SSL_set_accept_state(ssl)
        self.ssl = ssl
        self.network = network
        self.outgoing = outgoing
    }

    deinit { SSL_free(ssl) }  // frees both BIOs

    func receive(_ bytes: UnsafeRawBufferPointer, plaintext: inout [UInt8], outbound: inout [UInt8]) throws(TransportError) {
        guard !failed else { throw TransportError("TLS: connection already failed") }
        guard !peerClosed else { throw TransportError("TLS: peer sent close_notify") }
        if isHandshakeComplete {
            try feed(bytes)
        } else {
            // During the handshake OpenSSL gets whole records only: a client that sends part of
            // a record and stalls costs the bytes it sent here, not OpenSSL's record buffers
            // (about 40 KB per stalled handshake, measured with 1,000 of them).
            held.append(contentsOf: bytes)
            let whole = Self.wholeRecordsLength(held)
            guard whole > 0 else { return }
            try feedHeld(whole)
            try handshake(outbound: &outbound)
            guard isHandshakeComplete else { return }
            try feedHeld(held.count)
        }
        try readPlaintext(into: &plaintext, outbound: &outbound)
    }

    /// How many leading bytes of `bytes` are whole TLS records (RFC 8446 §5.1: type, version,
    /// 16-bit length). Bytes that do not start like a record are all handed over at once, so
    /// OpenSSL judges garbage and plain HTTP without waiting for more.
    static func wholeRecordsLength(_ bytes: [UInt8]) -> Int {
        var offset = 0
        while bytes.count - offset >= 5 {
            let type = bytes[offset], major = bytes[offset + 1]
            let length = Int(bytes[offset + 3]) << 8 | Int(bytes[offset + 4])
            guard (20...23).contains(type), major == 3, length <= maxRecordLength else { return bytes.count }
            guard bytes.count - offset >= 5 + length else { break }
            offset += 5 + length
        }
        if offset == 0, let first = bytes.first, !(20...23).contains(first) { return bytes.count }
        return offset
    }

    /// The largest TLSCiphertext length a peer may send (RFC 8446 §5.2: 2^14 + 256; TLS 1.2
    /// allows 2^14 + 2048).
    static let maxRecordLength = 16_384 + 2_048

    func send(_ plaintext: UnsafeRawBufferPointer, outbound: inout [UInt8]) throws(TransportError) {
        guard isHandshakeComplete, !failed else { throw TransportError("TLS: send before the handshake completed") }
        var offset = 0
        while offset < plaintext.count, let base = plaintext.baseAddress {
            let length = Int32(min(plaintext.count - offset, Int(Int32.max)))
            ERR_clear_error()
            let n = SSL_write(ssl, base + offset, length)
            guard n > 0 else {
                let error = fatal("TLS: write failed")
                drainOutgoing(into: &outbound)
                throw error
            }
            offset += Int(n)
        }
        drainOutgoing(into: &outbound)
    }

    func close(outbound: inout [UInt8]) {
        guard isHandshakeComplete, !failed, !closing else { return }
        closing = true
        ERR_clear_error()
        // 0 means "close_notify sent, peer's not yet seen": the connection closes without waiting.
        _ = SSL_shutdown(ssl)
        OpenSSLError.clear()
        drainOutgoing(into: &outbound)
    }

    /// Protocol version and cipher, e.g. "TLSv1.3 TLS_AES_128_GCM_SHA256" (for logs and tests).
    var negotiated: String { Self.negotiated(ssl) }

    /// The protocol chosen by ALPN, or nil when the client offered none.
    var alpn: String? { Self.alpn(ssl) }

    static func negotiated(_ ssl: OpaquePointer) -> String {
        let version = String(cString: SSL_get_version(ssl))
        let cipher = SSL_get_current_cipher(ssl).map { String(cString: SSL_CIPHER_get_name($0)) } ?? "none"
        return "\(version) \(cipher)"
    }

    static func alpn(_ ssl: OpaquePointer) -> String? {
        var data: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &data, &length)
        guard let data, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }

    // MARK: - Steps

    /// Hands the first `count` held bytes to OpenSSL.
    private func feedHeld(_ count: Int) throws(TransportError) {
        guard count > 0 else { return }
        var failure: TransportError?
        held.withUnsafeBytes { raw in
            do throws(TransportError) { try feed(UnsafeRawBufferPointer(rebasing: raw[0..<count])) } catch { failure = error }
        }
        if let failure { throw failure }
        held.removeSubrange(0..<count)
        if held.isEmpty { held = [] }
    }

    private func feed(_ bytes: UnsafeRawBufferPointer) throws(TransportError) {
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let length = Int32(min(bytes.count - offset, Int(Int32.max)))
            let n = BIO_write(network, base + offset, length)
            guard n > 0 else { throw fatal("TLS: cannot buffer input") }
            offset += Int(n)
        }
    }

    private func handshake(outbound: inout [UInt8]) throws(TransportError) {
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        if result == 1 {
            isHandshakeComplete = true
            drainOutgoing(into: &outbound)
            return
        }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            // WANT_WRITE cannot stall: the output BIO grows. Either way, send what OpenSSL wrote
            // and wait for the peer's next bytes.
            drainOutgoing(into: &outbound)
        default:
            if OpenSSLError.firstReason() == SSL_R_HTTP_REQUEST {
                // A plain-HTTP client on the TLS port: tell it in its own language.
                OpenSSLError.clear()
                failed = true
                outbound.append(contentsOf: ResponseSerializer.standaloneProblem(status: 400, detail: "plain HTTP sent to the TLS port"))
                throw TransportError("TLS: plain HTTP request on the TLS port")
            }
            let error = fatal("TLS handshake failed")
            drainOutgoing(into: &outbound)  // the alert, if OpenSSL queued one
            throw error
        }
    }

    private func readPlaintext(into plaintext: inout [UInt8], outbound: inout [UInt8]) throws(TransportError) {
        var closedByPeer = false
        var failure: TransportError?
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.chunk) { buffer in
            guard let base = buffer.baseAddress else { return }
            while true {
                ERR_clear_error()
                let n = SSL_read(ssl, base, Int32(buffer.count))
                if n > 0 {
                    plaintext.append(contentsOf: UnsafeBufferPointer(start: base, count: Int(n)))
                    continue
                }
                switch SSL_get_error(ssl, n) {
                case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                    return
                case SSL_ERROR_ZERO_RETURN:
                    closedByPeer = true
                    return
                default:
                    failure = fatal("TLS: bad record")
                    return
                }
            }
        }
        // Post-handshake messages (session tickets, key updates, alerts) go out in any case.
        drainOutgoing(into: &outbound)
        if let failure { throw failure }
        if closedByPeer {
            peerClosed = true
            // Requests that came with the close_notify still get their answers (TLS allows
            // writing after it); our close_notify goes when the connection closes. With nothing
            // to answer, end now.
            if plaintext.isEmpty {
                close(outbound: &outbound)
                throw TransportError("TLS: peer sent close_notify")
            }
        }
    }

    /// Marks the session failed and returns the error to throw, with OpenSSL's reason.
    private func fatal(_ what: String) -> TransportError {
        let reason = OpenSSLError.drain()
        failed = true
        return TransportError("\(what) (\(reason))")
    }

    private func drainOutgoing(into outbound: inout [UInt8]) {
        guard careers_BIO_pending(outgoing) > 0 else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.chunk) { buffer in
            guard let base = buffer.baseAddress else { return }
            while case let n = BIO_read(outgoing, base, Int32(buffer.count)), n > 0 {
                outbound.append(contentsOf: UnsafeBufferPointer(start: base, count: Int(n)))
            }
        }
    }
}
