/// A small JSON writer that appends straight into bytes, so query responses cost no reflection
/// (`JSONEncoder`) and no String round-trips. Commas are placed by one flag rather than a stack:
/// every value sets it, every container start and every key clears it.
struct JSONWriter {
    private(set) var bytes: [UInt8]
    private var needsComma = false
    /// Escapes `<`, `>` and `&` too, so the output can sit inside an HTML `<script>` element.
    var htmlSafe = false

    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    // MARK: containers

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        array { w in
            for e in elements { element(&w, e) }
        }
    }

    private mutating func open(_ byte: UInt8) {
        comma()
        bytes.append(byte)
        needsComma = false
    }

    private mutating func close(_ byte: UInt8) {
        bytes.append(byte)
        needsComma = true
    }

    private mutating func comma() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    // MARK: keys and scalar values

    mutating func key(_ name: String) {
        comma()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String) {
        comma()
        writeString(value)
        needsComma = true
    }

    mutating func int(_ value: Int) {
        comma()
        appendInteger(value)
        needsComma = true
    }

    /// Integral values print without a fraction ("120000", not "120000.0"); non-finite ones as
    /// null, since JSON has no spelling for them.
    mutating func number(_ value: Double) {
        comma()
        if !value.isFinite {
            appendASCII("null")
        } else if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            appendInteger(Int(value))
        } else {
            appendASCII(value.description)
        }
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        comma()
        appendASCII(value ? "true" : "false")
        needsComma = true
    }

    mutating func null() {
        comma()
        appendASCII("null")
        needsComma = true
    }

    /// Splices bytes that already are one complete JSON value (a pre-serialised fragment).
    mutating func raw(_ fragment: [UInt8]) {
        comma()
        bytes.append(contentsOf: fragment)
        needsComma = true
    }

    // MARK: fields (key + value); optionals become null, never omitted

    mutating func field(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    mutating func field(_ name: String, _ value: Int?) {
        key(name)
        if let value { int(value) } else { null() }
    }

    mutating func field(_ name: String, _ value: Double?) {
        key(name)
        if let value { number(value) } else { null() }
    }

    mutating func field(_ name: String, _ value: Bool?) {
        key(name)
        if let value { bool(value) } else { null() }
    }

    mutating func field(_ name: String, _ values: [String]) {
        key(name)
        array(values) { w, s in w.string(s) }
    }

    mutating func field(_ name: String, object body: (inout JSONWriter) -> Void) {
        key(name)
        object(body)
    }

    mutating func field(_ name: String, array body: (inout JSONWriter) -> Void) {
        key(name)
        array(body)
    }

    // MARK: encoding

    private mutating func appendASCII(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func appendASCII(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    private mutating func appendInteger(_ value: Int) {
        // Digits into a stack buffer, back to front: no array per number.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = value.magnitude
            var first = 20
            repeat {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first..<20]))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendUnicodeEscape(_ scalar: UInt32) {
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(Self.hex[Int((scalar >> UInt32(shift)) & 0xF)])
        }
    }

    /// RFC 8259 escaping plus U+2028/U+2029, which JSON allows raw but JavaScript string
    /// literals did not (before ES2019), so a JSON document can be pasted into script as-is.
    /// Runs of bytes that need no escape (nearly all text) are copied whole.
    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { text in
            let n = text.count
            var runStart = 0
            var i = 0
            while i < n {
                let b = text[i]
                if !Self.needsAttention(b, htmlSafe: htmlSafe) {
                    i += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i]))
                if b == 0xE2 {
                    // U+2028 is E2 80 A8, U+2029 is E2 80 A9; anything else starting E2 passes through.
                    if i + 2 < n, text[i + 1] == 0x80, text[i + 2] == 0xA8 || text[i + 2] == 0xA9 {
                        appendUnicodeEscape(text[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                        i += 3
                    } else {
                        bytes.append(b)
                        i += 1
                    }
                } else {
                    appendEscape(b)
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

    private mutating func appendEscape(_ b: UInt8) {
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
            appendUnicodeEscape(UInt32(b))
        }
    }
}
