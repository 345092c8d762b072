// Byte classes of RFC 9110 §5.6 and RFC 9112 used by the parser. Plain functions (no tables) so the
// compiler turns them into range checks without a lazy global's once-check on every byte.

enum ASCII {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let comma: UInt8 = 0x2C
    static let slash: UInt8 = 0x2F
    static let question: UInt8 = 0x3F
    static let percent: UInt8 = 0x25
}

/// tchar: the bytes of a token (method, field name, transfer coding).
@inline(__always) func isTokenByte(_ b: UInt8) -> Bool {
    switch b {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
    case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E: return true
    default: return false
    }
}

/// field-vchar / SP / HTAB, obs-text included: everything but control bytes and DEL.
@inline(__always) func isFieldValueByte(_ b: UInt8) -> Bool {
    b == ASCII.tab || (b >= 0x20 && b != 0x7F)
}

/// Bytes allowed in a request-target: visible ASCII; a fragment ("#") is never sent (RFC 9112 §3.2).
@inline(__always) func isTargetByte(_ b: UInt8) -> Bool {
    b > 0x20 && b < 0x7F && b != 0x23
}

/// sub-delims (RFC 3986 §2.2): "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "=".
@inline(__always) func isSubDelimByte(_ b: UInt8) -> Bool {
    switch b {
    case 0x21, 0x24, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x3B, 0x3D: return true
    default: return false
    }
}

/// A set of ASCII bytes: 0–63 are the bits of `low`, 64–127 those of `high`. The sets are
/// computed properties of constant masks, so a check is a shift and a test (no table, no lazy
/// global, no branch per character class).
struct ByteSet {
    var low: UInt64
    var high: UInt64

    @inline(__always) func contains(_ b: UInt8) -> Bool {
        b < 64 ? (low >> UInt64(b)) & 1 != 0 : b < 128 && (high >> UInt64(b &- 64)) & 1 != 0
    }

    /// The bytes a path holds as they are (RFC 3986 §3.3): pchar without pct-encoded, and "/"
    /// (unreserved, sub-delims, ":", "@", "/").
    @inline(__always) static var path: ByteSet { ByteSet(low: 0x2FFF_FFD2_0000_0000, high: 0x47FF_FFFE_87FF_FFFF) }

    /// The bytes a query holds as they are: RFC 3986 §3.4 (path bytes and "?"), and the few that
    /// browsers send unencoded in a query (the WHATWG query set leaves `` [ ] { } | ^ \ ` ``) so
    /// that an API called from `fetch` keeps working; `"`, `<`, `>` are encoded by every client.
    @inline(__always) static var query: ByteSet { ByteSet(low: 0xAFFF_FFD2_0000_0000, high: 0x7FFF_FFFF_FFFF_FFFF) }
}

/// unreserved (RFC 3986 §2.3): ALPHA / DIGIT / "-" / "." / "_" / "~".
@inline(__always) func isUnreservedByte(_ b: UInt8) -> Bool {
    switch b {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: return true
    default: return false
    }
}

/// A hex digit in upper case (RFC 3986 §6.2.2.1); other bytes unchanged.
@inline(__always) func upperHexDigit(_ b: UInt8) -> UInt8 {
    b >= 0x61 && b <= 0x66 ? b - 0x20 : b
}

@inline(__always) func isWhitespace(_ b: UInt8) -> Bool { b == ASCII.space || b == ASCII.tab }

@inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

@inline(__always) func hexValue(_ b: UInt8) -> Int? {
    switch b {
    case 0x30...0x39: return Int(b - 0x30)
    case 0x41...0x46: return Int(b - 0x41 + 10)
    case 0x61...0x66: return Int(b - 0x61 + 10)
    default: return nil
    }
}

@inline(__always) func asciiLowercased(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

extension UnsafeBufferPointer<UInt8> {
    /// Compares `self[range]` with a lowercase ASCII literal, ignoring the case of `self`.
    func equalsLowercase(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let lit = literal.utf8Start
        var i = 0
        for j in range {
            if asciiLowercased(self[j]) != lit[i] { return false }
            i += 1
        }
        return true
    }

    /// The range with leading and trailing SP/HTAB removed.
    func trimmingWhitespace(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && isWhitespace(self[lo]) { lo += 1 }
        while hi > lo && isWhitespace(self[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// Index of the first `byte` in `range`, or nil.
    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        var i = range.lowerBound
        while i < range.upperBound {
            if self[i] == byte { return i }
            i += 1
        }
        return nil
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }

    /// Calls `body` with each comma-separated list element, trimmed, skipping empty ones (RFC 9110 §5.6.1).
    func forEachListElement(_ range: Range<Int>, _ body: (Range<Int>) -> Void) {
        var start = range.lowerBound
        var i = range.lowerBound
        while i <= range.upperBound {
            if i == range.upperBound || self[i] == ASCII.comma {
                let element = trimmingWhitespace(start..<i)
                if !element.isEmpty { body(element) }
                start = i + 1
            }
            i += 1
        }
    }
}
