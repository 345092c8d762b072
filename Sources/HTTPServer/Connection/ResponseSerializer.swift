#if canImport(Glibc)
import Glibc
#endif

/// Writes response heads as bytes into a connection's output buffer: no String interpolation, no
/// intermediate arrays. The body is appended by the caller so a pipelined batch ends up in one
/// buffer and one write.
enum ResponseSerializer {
    /// Appends the status line, the responder's fields (minus those the core owns, and minus any
    /// that would split the response), then Date, Content-Length, Connection and X-Request-Id.
    /// `keepAlive` is the connection's decision (`ConnectionStateMachine.responded`), written as is.
    /// `prepared`, when given, is `headers` serialised and checked already.
    static func appendHead(
        status: Int, prepared: PreparedFields? = nil, headers: HTTPHeaders, bodyLength: Int, keepAlive: Bool,
        requestID: String?, date: borrowing DateCache, into out: inout [UInt8]
    ) {
        appendStatusLine(status, into: &out)
        if let prepared {
            out.append(contentsOf: prepared.bytes)
        } else {
            appendFields(headers, into: &out)
        }
        date.append(into: &out)
        // RFC 9110 §8.6: no Content-Length in 1xx or 204; in 304 it would describe the selected
        // representation, which the core does not know.
        if status >= 200 && status != 204 && status != 304 {
            append("Content-Length: ", into: &out)
            appendDecimal(bodyLength, into: &out)
            appendCRLF(into: &out)
        }
        append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n", into: &out)
        if let requestID {
            append("X-Request-Id: ", into: &out)
            out.append(contentsOf: requestID.utf8)
            appendCRLF(into: &out)
        }
        appendCRLF(into: &out)
    }

    /// The responder's fields minus those the core owns (its `Connection` field is not copied:
    /// `asksToClose` reads it for the keep-alive decision).
    static func appendFields(_ headers: HTTPHeaders, into out: inout [UInt8]) {
        for field in headers.fields where isPassedThrough(field.name) {
            appendField(field.name, field.value, into: &out)
        }
    }

    /// The responder's fields ask to close the connection (`Connection: close`).
    static func asksToClose(_ headers: HTTPHeaders) -> Bool {
        headers.fields.contains { $0.name.utf8.count == 10 && $0.name.caseInsensitiveEquals("Connection") && $0.value.lowercased().contains("close") }
    }

    /// A complete problem+json error response (RFC 9457), always closing the connection. The
    /// body comes from `render`: the responder's `problemBody(for:)`, so the core never writes
    /// an application's error vocabulary itself.
    static func appendProblem(
        status: Int, detail: String, instance: String?, requestID: String?, date: borrowing DateCache, into out: inout [UInt8],
        render: (ProblemReport) -> [UInt8] = \.minimalBody
    ) {
        let body = render(ProblemReport(status: status, detail: detail, instance: instance))
        var headers = HTTPHeaders([("Content-Type", "application/problem+json")])
        if status == 503 { headers.add("Retry-After", "1") }
        appendHead(status: status, headers: headers, bodyLength: body.count, keepAlive: false,
                   requestID: requestID, date: date, into: &out)
        out.append(contentsOf: body)
    }

    /// A closing problem response outside any connection's request cycle (e.g. plain HTTP on the
    /// TLS port), stamped with the current Date.
    static func standaloneProblem(status: Int, detail: String, render: (ProblemReport) -> [UInt8] = \.minimalBody) -> [UInt8] {
        var date = DateCache()
        date.refresh()
        var out: [UInt8] = []
        appendProblem(status: status, detail: detail, instance: nil, requestID: nil, date: date, into: &out, render: render)
        return out
    }

    static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    private static func isPassedThrough(_ name: String) -> Bool {
        switch name.utf8.count {
        case 4: return !name.caseInsensitiveEquals("Date")
        case 10: return !name.caseInsensitiveEquals("Connection")
        case 12: return !name.caseInsensitiveEquals("X-Request-Id")
        case 14: return !name.caseInsensitiveEquals("Content-Length")
        case 17: return !name.caseInsensitiveEquals("Transfer-Encoding")
        default: return true
        }
    }

    /// Drops a field whose name is not a token or whose value holds CR, LF or NUL: a responder
    /// bug must not become response splitting.
    private static func appendField(_ name: String, _ value: String, into out: inout [UInt8]) {
        var name = name
        var value = value
        name.withUTF8 { n in
            value.withUTF8 { v in
                guard !n.isEmpty, n.allSatisfy(isTokenByte), v.allSatisfy(isFieldValueByte) else { return }
                out.append(contentsOf: n)
                out.append(ASCII.colon)
                out.append(ASCII.space)
                out.append(contentsOf: v)
                appendCRLF(into: &out)
            }
        }
    }

    @inline(__always) static func append(_ literal: StaticString, into out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    @inline(__always) static func appendCRLF(into out: inout [UInt8]) {
        out.append(ASCII.cr)
        out.append(ASCII.lf)
    }

    static func appendDecimal(_ value: Int, into out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = UInt(max(0, value))
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            repeat {
                buf[19 - count] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                v /= 10
                count += 1
            } while v > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[(20 - count)...]))
        }
    }

    static func appendStatusLine(_ status: Int, into out: inout [UInt8]) {
        append("HTTP/1.1 ", into: &out)
        appendDecimal(status, into: &out)
        out.append(ASCII.space)
        let reason = reasonPhrase(status)
        out.append(contentsOf: UnsafeBufferPointer(start: reason.utf8Start, count: reason.utf8CodeUnitCount))
        appendCRLF(into: &out)
    }

    static func reasonPhrase(_ status: Int) -> StaticString {
        switch status {
        case 100: "Continue"
        case 101: "Switching Protocols"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 411: "Length Required"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 416: "Range Not Satisfiable"
        case 417: "Expectation Failed"
        case 422: "Unprocessable Content"
        case 426: "Upgrade Required"
        case 428: "Precondition Required"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default:
            switch status {
            case 100..<200: "Informational"
            case 200..<300: "Success"
            case 300..<400: "Redirection"
            case 400..<500: "Client Error"
            default: "Server Error"
            }
        }
    }
}

/// The `Date` field line (RFC 9110 §5.6.7 IMF-fixdate), rebuilt only when the second changes:
/// `time()` is a vDSO read, so the check costs nothing next to formatting per response.
struct DateCache {
    private var second: time_t = -1
    private var line: [UInt8] = []

    mutating func refresh() {
        let now = time(nil)
        guard now != second else { return }
        second = now
        var t = now
        var tm = Glibc.tm()
        gmtime_r(&t, &tm)
        let days: [StaticString] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months: [StaticString] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var out: [UInt8] = []
        out.reserveCapacity(40)
        ResponseSerializer.append("Date: ", into: &out)
        ResponseSerializer.append(days[Int(tm.tm_wday) % 7], into: &out)
        ResponseSerializer.append(", ", into: &out)
        func two(_ v: Int32) { out.append(UInt8(v / 10 % 10) + 0x30); out.append(UInt8(v % 10) + 0x30) }
        two(tm.tm_mday)
        out.append(ASCII.space)
        ResponseSerializer.append(months[Int(tm.tm_mon) % 12], into: &out)
        out.append(ASCII.space)
        ResponseSerializer.appendDecimal(Int(tm.tm_year) + 1900, into: &out)
        out.append(ASCII.space)
        two(tm.tm_hour)
        out.append(ASCII.colon)
        two(tm.tm_min)
        out.append(ASCII.colon)
        two(tm.tm_sec)
        ResponseSerializer.append(" GMT\r\n", into: &out)
        line = out
    }

    func append(into out: inout [UInt8]) { out.append(contentsOf: line) }
}
