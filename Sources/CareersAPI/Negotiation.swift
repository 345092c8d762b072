/// Content negotiation: the weighted lists of `Accept` and `Accept-Encoding` (RFC 9110 §12.4.2),
/// parsed by one function, and the two choices the API makes from them.
enum Negotiation {
    /// Each member's value (lowercased, parameters dropped) with its weight, in order. A member
    /// without `q` weighs 1.
    static func weighted(_ header: String) -> [(value: String, q: Double)] {
        header.split(separator: ",").compactMap { element in
            let parts = element.split(separator: ";")
            guard let value = parts.first?.trimming(" \t").lowercased(), !value.isEmpty else { return nil }
            var q = 1.0
            for param in parts.dropFirst() {
                let kv = param.split(separator: "=", maxSplits: 1)
                if kv.count == 2, kv[0].trimming(" \t").lowercased() == "q" {
                    q = qValue(kv[1].trimming(" \t"))
                }
            }
            return (value, q)
        }
    }

    /// RFC 9110 §12.4.2 `qvalue` (`0[.ddd]` or `1[.000]`); anything else (`1.5`, `inf`, `1e0`)
    /// counts as 0, so a malformed weight never grants more than the client asked for.
    static func qValue(_ text: String) -> Double {
        let b = Array(text.utf8)
        guard let first = b.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1"), b.count <= 5 else { return 0 }
        if b.count > 1 {
            guard b[1] == UInt8(ascii: "."), b[2...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return 0 }
            if first == UInt8(ascii: "1") && !b[2...].allSatisfy({ $0 == 0x30 }) { return 0 }
        }
        return Double(text) ?? 0
    }

    /// Whether to send gzip rather than identity, by RFC 9110 §12.5.3: gzip is acceptable when
    /// listed (`gzip`/`x-gzip`) or matched by `*` with q > 0; identity weighs what `identity`
    /// or else `*` says, and when neither names it, it is acceptable but preferred least. The
    /// higher weight wins; a tie goes to gzip, the smaller body. When neither is acceptable
    /// (`identity;q=0` alone), §12.5.3 says to answer without a content coding rather than 406,
    /// so identity it is. No field at all: identity (nothing says the client can decode gzip).
    static func prefersGzip(acceptEncoding header: String?) -> Bool {
        guard let header else { return false }
        var gzip: Double?
        var identity: Double?
        var any: Double?
        for (coding, q) in weighted(header) {
            switch coding {
            case "gzip", "x-gzip": gzip = max(gzip ?? 0, q)
            case "identity": identity = max(identity ?? 0, q)
            case "*": any = q
            default: break
            }
        }
        let gzipWeight = gzip ?? any ?? 0
        guard gzipWeight > 0 else { return false }
        guard let identityWeight = identity ?? any else { return true }
        return gzipWeight >= identityWeight
    }

    /// True when `Accept` ranks `application/ld+json` above plain JSON: strictly above an
    /// explicit `application/json`, at least as high as a wildcard (the named type wins a tie);
    /// wildcards alone keep plain JSON, the API's default.
    static func prefersLinkedData(accept: String?) -> Bool {
        guard let accept else { return false }
        var ld: Double?
        var json: Double?
        var applicationAny: Double?
        var any: Double?
        for (type, q) in weighted(accept) {
            switch type {
            case "application/ld+json": ld = q
            case "application/json": json = q
            case "application/*": applicationAny = q
            case "*/*": any = q
            default: break
            }
        }
        guard let ld, ld > 0 else { return false }
        if let json { return ld > json }
        return ld >= (applicationAny ?? any ?? 0)
    }
}
