import CZlib

/// Strong entity tags derived from the bytes alone, so every replica serving the same data
/// answers with the same tag (no inode, no mtime, no counter).
enum ETag {
    static func of(_ bytes: [UInt8]) -> String {
        // FNV-1a 64 and CRC-32 are independent 64+32 bits: ample against accidental collisions
        // between versions of one resource, and both are cheap enough for per-request bodies.
        var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
        let crc = bytes.withUnsafeBufferPointer { buffer -> UInt in
            for b in buffer { fnv = (fnv ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return crc32(0, buffer.baseAddress, uInt(buffer.count))
        }
        return "\"" + hex(fnv, digits: 16) + hex(UInt64(crc), digits: 8) + "\""
    }

    /// The tag of the gzip form: the identity tag with a suffix, so it differs (RFC 9110 §8.8.3
    /// wants distinct tags per content coding) yet stays equal across replicas whatever zlib
    /// build they link.
    static func gzipVariant(of tag: String) -> String {
        String(tag.dropLast()) + "-gzip\""
    }

    private static func hex(_ v: UInt64, digits: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    /// RFC 9110 §13.1.2: If-None-Match uses the weak comparison, so `W/"x"` matches `"x"`.
    static func noneMatchHits(_ header: String, _ tag: String) -> Bool {
        matches(header, tag, strong: false)
    }

    /// RFC 9110 §13.1.1: If-Match uses the strong comparison, so a `W/` tag never matches.
    static func matchHits(_ header: String, _ tag: String) -> Bool {
        matches(header, tag, strong: true)
    }

    /// True when the list holds `*` or `tag` (a current representation exists, so `*` holds).
    private static func matches(_ header: String, _ tag: String, strong: Bool) -> Bool {
        var rest = Substring(header)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
            if rest.isEmpty { return false }
            if rest.first == "*" { return true }
            let weak = rest.hasPrefix("W/")
            if weak { rest = rest.dropFirst(2) }
            guard rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") else { return false }
            if !(weak && strong) && rest[rest.startIndex...close] == tag { return true }
            rest = rest[rest.index(after: close)...]
        }
    }
}
