import COpenSSL

/// Reads OpenSSL's thread-local error queue into text, and renders certificate fields for messages.
enum OpenSSLError {
    /// The queued errors, oldest first, joined; empties the queue (it is per thread, and a stale
    /// entry would be blamed on the next connection served by this thread).
    static func drain() -> String {
        var parts: [String] = []
        var buffer = [CChar](repeating: 0, count: 256)
        while case let code = ERR_get_error(), code != 0 {
            ERR_error_string_n(code, &buffer, buffer.count)
            parts.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return parts.isEmpty ? "no OpenSSL error queued" : parts.joined(separator: "; ")
    }

    /// Reason code of the oldest queued error (0 if none); does not empty the queue.
    static func firstReason() -> Int32 { careers_ERR_GET_REASON(ERR_peek_error()) }

    static func clear() { ERR_clear_error() }

    static func describe(_ time: UnsafePointer<ASN1_TIME>) -> String {
        withMemoryBIO { ASN1_TIME_print($0, time) }
    }

    static func subject(of certificate: OpaquePointer) -> String {
        withMemoryBIO { X509_NAME_print_ex($0, X509_get_subject_name(certificate), 0, careers_XN_FLAG_RFC2253()) }
    }

    private static func withMemoryBIO(_ body: (OpaquePointer) -> Int32) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { return "?" }
        defer { BIO_free(bio) }
        guard body(bio) > 0 else { return "?" }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        while case let n = BIO_read(bio, &chunk, Int32(chunk.count)), n > 0 {
            out.append(contentsOf: chunk[..<Int(n)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
