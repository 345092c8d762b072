/// JSON string literals, written once for every layer that writes JSON: the core's own problem
/// documents, the API's JSON writer and the log lines of the command.
public enum JSONString {
    /// Appends `value` quoted and escaped: RFC 8259 plus DEL and U+2028/U+2029, which JSON allows
    /// raw but JavaScript string literals did not (before ES2019), so a document can be pasted
    /// into script as-is and a hostile value cannot forge a log line. `htmlSafe` escapes `<`,
    /// `>` and `&` too, for JSON inside an HTML `<script>` element. Runs of bytes that need no
    /// escape (nearly all text) are copied whole.
    public static func append(_ value: String, htmlSafe: Bool = false, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { text in
            let n = text.count
            var runStart = 0
            var i = 0
            while i < n {
                let b = text[i]
                if !needsAttention(b, htmlSafe: htmlSafe) {
                    i += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i]))
                if b == 0xE2 {
                    // U+2028 is E2 80 A8, U+2029 is E2 80 A9; anything else starting E2 passes through.
                    if i + 2 < n, text[i + 1] == 0x80, text[i + 2] == 0xA8 || text[i + 2] == 0xA9 {
                        appendUnicodeEscape(text[i + 2] == 0xA8 ? 0x2028 : 0x2029, to: &bytes)
                        i += 3
                    } else {
                        bytes.append(b)
                        i += 1
                    }
                } else {
                    appendEscape(b, to: &bytes)
                    i += 1
                }
                runStart = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<n]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    @inline(__always) private static func needsAttention(_ b: UInt8, htmlSafe: Bool) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F || b == 0xE2
            || (htmlSafe && (b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "&")))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private static func appendUnicodeEscape(_ scalar: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hex[Int((scalar >> UInt32(shift)) & 0xF)])
        }
    }

    private static func appendEscape(_ b: UInt8, to bytes: inout [UInt8]) {
        let short: UInt8? = switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): b
        case 0x0A: UInt8(ascii: "n")
        case 0x0D: UInt8(ascii: "r")
        case 0x09: UInt8(ascii: "t")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        default: nil
        }
        if let short {
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(short)
        } else {
            appendUnicodeEscape(UInt32(b), to: &bytes)
        }
    }
}
