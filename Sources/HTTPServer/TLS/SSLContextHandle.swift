import COpenSSL
import Glibc

/// One fully configured, immutable `SSL_CTX`: Mozilla's "intermediate" settings plus the
/// certificate chain and key.
///
/// `@unchecked Sendable`: the pointer is written once, here, and the context is never modified
/// after `init` returns; OpenSSL documents a configured `SSL_CTX` as safe to share for `SSL_new`
/// across threads (its reference count and session cache are internally locked).
final class SSLContextHandle: @unchecked Sendable {
    let pointer: OpaquePointer
    /// Subject and expiry of the leaf certificate, for logs.
    let summary: String

    // Mozilla intermediate (ECDHE only: the DHE suites would add finite-field groups beside the
    // three allowed key-exchange groups). TLS 1.3 suites are OpenSSL's defaults, listed to pin them.
    static let tls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
        + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
        + "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305"
    static let tls13Suites = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"
    static let groups = "X25519:P-256:P-384"

    init(configuration: TLSConfiguration) throws(ServerError) {
        let certPath = configuration.certificatePath
        let keyPath = configuration.privateKeyPath
        try PEMFile.check(certPath, role: "certificate")
        try PEMFile.check(keyPath, role: "private key")

        ERR_clear_error()
        guard let ctx = SSL_CTX_new(TLS_server_method()) else {
            throw ServerError("TLS: cannot create an OpenSSL context: \(OpenSSLError.drain())")
        }
        do {
            try Self.configureProtocol(ctx)
            summary = try Self.loadCertificate(ctx, certPath: certPath, keyPath: keyPath)
        } catch {
            SSL_CTX_free(ctx)
            throw error
        }
        pointer = ctx
    }

    /// Loads chain and key and checks they belong together and are in date; returns the summary.
    private static func loadCertificate(_ ctx: OpaquePointer, certPath: String, keyPath: String) throws(ServerError) -> String {
        careers_SSL_CTX_refuse_passphrase(ctx)
        guard SSL_CTX_use_certificate_chain_file(ctx, certPath) == 1 else {
            throw ServerError("TLS certificate \(certPath): not a usable PEM certificate chain (\(OpenSSLError.drain()))")
        }
        guard SSL_CTX_use_PrivateKey_file(ctx, keyPath, SSL_FILETYPE_PEM) == 1 else {
            let reason = OpenSSLError.drain()
            if reason.contains("mismatch") {
                throw ServerError("TLS private key \(keyPath) does not match the certificate \(certPath)")
            }
            throw ServerError("TLS private key \(keyPath): not a usable PEM private key (\(reason))")
        }
        guard SSL_CTX_check_private_key(ctx) == 1 else {
            OpenSSLError.clear()
            throw ServerError("TLS private key \(keyPath) does not match the certificate \(certPath)")
        }
        guard let leaf = SSL_CTX_get0_certificate(ctx), let notAfter = X509_get0_notAfter(leaf) else {
            throw ServerError("TLS certificate \(certPath): no certificate found")
        }
        let expiry = OpenSSLError.describe(notAfter)
        if X509_cmp_current_time(notAfter) <= 0 {
            throw ServerError("TLS certificate \(certPath) expired on \(expiry)")
        }
        return "\(OpenSSLError.subject(of: leaf)) until \(expiry)"
    }

    deinit { SSL_CTX_free(pointer) }

    private static func configureProtocol(_ ctx: OpaquePointer) throws(ServerError) {
        guard careers_SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) == 1,
            SSL_CTX_set_cipher_list(ctx, Self.tls12Ciphers) == 1,
            SSL_CTX_set_ciphersuites(ctx, Self.tls13Suites) == 1,
            careers_SSL_CTX_set1_groups_list(ctx, Self.groups) == 1
        else {
            throw ServerError("TLS: OpenSSL refused the protocol settings: \(OpenSSLError.drain())")
        }
        // No compression (CRIME), no client-initiated renegotiation (DoS), no stateless tickets
        // (their keys would outlive a reload; the in-memory session cache resumes instead).
        careers_SSL_CTX_set_options(
            ctx, careers_SSL_OP_NO_COMPRESSION() | careers_SSL_OP_NO_RENEGOTIATION() | careers_SSL_OP_NO_TICKET())
        // Mozilla leaves the choice to the client since every suite here is AEAD with forward
        // secrecy; the server's order is used instead so scanners see a fixed order, with
        // ChaCha20 first for clients that put it first (devices without AES hardware).
        careers_SSL_CTX_set_options(ctx, careers_SSL_OP_CIPHER_SERVER_PREFERENCE() | careers_SSL_OP_PRIORITIZE_CHACHA())
        // Frees each connection's record buffers while idle: keeps 10k keep-alive sessions small.
        _ = careers_SSL_CTX_set_mode(ctx, careers_SSL_MODE_RELEASE_BUFFERS())
        // Resumption from a bounded in-memory cache; one TLS 1.3 ticket per handshake (not two)
        // halves the cache entries a handshake flood can create.
        _ = careers_SSL_CTX_set_session_cache_mode(ctx, Int(SSL_SESS_CACHE_SERVER))
        _ = careers_SSL_CTX_sess_set_cache_size(ctx, 10_000)
        _ = SSL_CTX_set_num_tickets(ctx, 1)
        let sessionContext: [UInt8] = Array("careers-api".utf8)
        _ = SSL_CTX_set_session_id_context(ctx, sessionContext, UInt32(sessionContext.count))
        careers_SSL_CTX_select_alpn_http11(ctx)
    }
}
