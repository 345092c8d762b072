import HTTPServer

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

    /// The one JSON string escaper (`JSONString`, shared with the core and the log lines).
    private mutating func writeString(_ s: String) {
        JSONString.append(s, htmlSafe: htmlSafe, to: &bytes)
    }
}
