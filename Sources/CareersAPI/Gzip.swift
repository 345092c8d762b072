import CZlib

enum Gzip {
    /// Compresses with zlib's gzip wrapper (windowBits 15 + 16). Returns nil if zlib fails, in
    /// which case the caller serves the identity form: compression is an optimisation, never a
    /// reason to fail a request.
    static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8]? {
        var stream = z_stream()
        guard careers_deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        let status: Int32 = input.withUnsafeBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Whether `Accept-Encoding` admits gzip (RFC 9110 §12.5.3): an explicit `gzip`/`x-gzip`
    /// decides by its q-value; otherwise `*` with q > 0 admits it.
    static func accepted(by header: String?) -> Bool {
        guard let header else { return false }
        var explicit: Bool?
        var wildcard: Bool?
        for element in header.split(separator: ",") {
            let parts = element.split(separator: ";")
            guard let coding = parts.first?.trimming(" \t").lowercased() else { continue }
            var q = 1.0
            for param in parts.dropFirst() {
                let kv = param.split(separator: "=", maxSplits: 1)
                if kv.count == 2, kv[0].trimming(" \t").lowercased() == "q" {
                    q = qValue(kv[1].trimming(" \t"))
                }
            }
            if coding == "gzip" || coding == "x-gzip" {
                explicit = (explicit ?? false) || q > 0
            } else if coding == "*" {
                wildcard = q > 0
            }
        }
        return explicit ?? wildcard ?? false
    }
}

/// RFC 9110 §12.4.2 `qvalue` (`0[.ddd]` or `1[.000]`); anything else (`1.5`, `inf`, `1e0`)
/// counts as 0, so a malformed weight never grants more than the client asked for.
func qValue(_ text: String) -> Double {
    let b = Array(text.utf8)
    guard let first = b.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1"), b.count <= 5 else { return 0 }
    if b.count > 1 {
        guard b[1] == UInt8(ascii: "."), b[2...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return 0 }
        if first == UInt8(ascii: "1") && !b[2...].allSatisfy({ $0 == 0x30 }) { return 0 }
    }
    return Double(text) ?? 0
}

extension StringProtocol {
    func trimming(_ set: String) -> String {
        let chars = Set(set)
        guard let start = firstIndex(where: { !chars.contains($0) }), let end = lastIndex(where: { !chars.contains($0) })
        else { return "" }
        return String(self[start...end])
    }
}
