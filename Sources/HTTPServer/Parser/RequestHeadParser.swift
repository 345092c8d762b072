#if canImport(Glibc)
import Glibc
#endif

/// A request head that passed every check of RFC 9112 and the configured limits.
struct ParsedHead {
    var method: HTTPMethod
    var version: HTTPVersion
    /// Origin-form (absolute-form is reduced to its path and query), "*" or an authority (CONNECT).
    var target: String
    var headers: HTTPHeaders
    var contentLength: Int
    var isChunked: Bool
    /// The `Connection` field's `close` and `keep-alive` options (whether the connection stays
    /// open is decided in `ConnectionStateMachine.responded`).
    var connectionClose: Bool
    var connectionKeepAlive: Bool
    var expectsContinue: Bool
    /// The client's `X-Request-Id` when well-formed.
    var requestID: String?
    /// Bytes of the head, leading empty lines and the final CRLF included.
    var length: Int
}

enum HeadParseResult {
    case incomplete
    case complete(ParsedHead)
    case failed(ParseFailure)
}

/// Incremental request-head parser over the connection's buffer (picohttpparser's contract:
/// complete / incomplete / error). It never copies the buffer: each call resumes at the first line
/// it has not seen yet, so a head that arrives one byte per read costs linear time, and every line
/// is checked as soon as it is complete (an error is answered without waiting for the rest).
/// Offsets are relative to the start of the request, which the caller keeps in place until
/// the head is complete.
struct RequestHeadParser {
    let limits: ParserLimits

    private var lineStart = 0
    private var requestLineEnd = -1
    private var fieldCount = 0
    private var method = HTTPMethod.GET
    private var version = HTTPVersion.http1_1
    private var target = ""
    private var fields: [(name: String, value: String)] = []
    private var hostCount = 0
    private var contentLength: Int?
    private var codings = TransferCodings()
    private var connectionClose = false
    private var connectionKeepAlive = false
    private var expectsContinue = false
    private var unsupportedExpectation = false
    private var requestID: String?

    init(limits: ParserLimits) { self.limits = limits }

    /// True once any byte of a request (other than leading empty lines) has been seen.
    var hasStarted: Bool { requestLineEnd >= 0 || lineStart > 0 }

    mutating func reset() { self = RequestHeadParser(limits: limits) }

    /// The request-target once the request line was accepted (for the `instance` of an error).
    var requestTarget: String? { requestLineEnd >= 0 ? target : nil }

    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> HeadParseResult {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return .incomplete }
        while lineStart < n {
            guard let hit = memchr(base + lineStart, Int32(ASCII.lf), n - lineStart) else {
                if let failure = checkPartialLine(bytes) { return .failed(failure) }
                return .incomplete
            }
            let lf = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            guard lf > lineStart, bytes[lf - 1] == ASCII.cr else { return .failed(.invalidLineEnding) }
            let line = lineStart..<(lf - 1)
            let next = lf + 1
            if requestLineEnd < 0 {
                if line.isEmpty {
                    // RFC 9112 §2.2: ignore empty lines before the request-line (a few, not forever).
                    guard next <= 8 else { return .failed(.invalidRequestLine) }
                    lineStart = next
                    continue
                }
                if let failure = parseRequestLine(bytes, line) { return .failed(failure) }
                requestLineEnd = next
            } else if line.isEmpty {
                return finish(length: next)
            } else {
                fieldCount += 1
                if fieldCount > limits.maxHeaderFields { return .failed(.tooManyHeaderFields) }
                if next - requestLineEnd > limits.maxHeaderBytes { return .failed(.headerSectionTooLarge) }
                if let failure = parseFieldLine(bytes, line) { return .failed(failure) }
            }
            lineStart = next
        }
        return .incomplete
    }

    /// Limits that can be judged before the current line is complete, so a client cannot make the
    /// server buffer more than the limits allow, and garbage is refused at once.
    private func checkPartialLine(_ bytes: UnsafeBufferPointer<UInt8>) -> ParseFailure? {
        let n = bytes.count
        // No LF follows lineStart, so a CR before the last byte can never end a line (RFC 9112
        // §2.2: a bare CR is invalid); without this the request would wait for the header timeout.
        if Self.hasBareCR(bytes, from: lineStart) { return .invalidLineEnding }
        if requestLineEnd >= 0 {
            return n - requestLineEnd > limits.maxHeaderBytes ? .headerSectionTooLarge : nil
        }
        // The method must be a token: a TLS ClientHello or binary noise fails on its first byte.
        var i = lineStart
        while i < n && i < lineStart + 16 {
            let b = bytes[i]
            if b == ASCII.space { break }
            if !isTokenByte(b) { return b == ASCII.cr && i == n - 1 ? nil : .invalidMethod }
            i += 1
        }
        if i == lineStart + 16 { return .unknownMethod }
        guard n - lineStart > limits.maxTargetBytes + 16 else { return nil }
        // Longer than any acceptable request line: decide between 414 and 400.
        guard i < n, bytes[i] == ASCII.space else { return .invalidRequestLine }
        let targetEnd = bytes.firstIndex(of: ASCII.space, in: (i + 1)..<n) ?? n
        return targetEnd - (i + 1) > limits.maxTargetBytes ? .targetTooLong : .invalidRequestLine
    }

    /// A CR in `bytes[from...]` (which holds no LF) that is not the last byte.
    static func hasBareCR(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        guard let base = bytes.baseAddress, bytes.count - from > 1 else { return false }
        return memchr(base + from, Int32(ASCII.cr), bytes.count - 1 - from) != nil
    }

    private mutating func parseRequestLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> ParseFailure? {
        guard let sp1 = bytes.firstIndex(of: ASCII.space, in: line) else { return .invalidRequestLine }
        guard sp1 > line.lowerBound else { return .invalidRequestLine }
        for i in line.lowerBound..<sp1 where !isTokenByte(bytes[i]) { return .invalidMethod }
        guard let sp2 = bytes.firstIndex(of: ASCII.space, in: (sp1 + 1)..<line.upperBound) else {
            return .invalidRequestLine
        }
        let targetRange = (sp1 + 1)..<sp2
        let versionRange = (sp2 + 1)..<line.upperBound
        guard let parsedVersion = Self.parseVersion(bytes, versionRange) else { return .invalidVersion }
        guard let supported = parsedVersion else { return .unsupportedVersion }
        version = supported
        guard !targetRange.isEmpty else { return .invalidRequestLine }
        if targetRange.count > limits.maxTargetBytes { return .targetTooLong }
        for i in targetRange where !isTargetByte(bytes[i]) { return bytes[i] >= 0x80 ? .nonASCIITarget : .invalidTarget }
        guard let known = Self.method(bytes, line.lowerBound..<sp1) else { return .unknownMethod }
        // This server tunnels nothing: CONNECT is a method it does not implement (RFC 9110 §9.1).
        guard known != .CONNECT else { return .connectNotImplemented }
        method = known
        guard let normalized = Self.normalizeTarget(bytes, targetRange, method: known) else { return .invalidTarget }
        target = normalized
        return nil
    }

    /// nil: malformed (400); .some(nil): well-formed but not 1.0/1.1 (505).
    private static func parseVersion(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> HTTPVersion?? {
        guard r.count == 8 else { return nil }
        let s = r.lowerBound
        guard bytes[s] == 0x48, bytes[s + 1] == 0x54, bytes[s + 2] == 0x54, bytes[s + 3] == 0x50,
              bytes[s + 4] == ASCII.slash, isDigit(bytes[s + 5]), bytes[s + 6] == 0x2E, isDigit(bytes[s + 7])
        else { return nil }
        switch (bytes[s + 5], bytes[s + 7]) {
        case (0x31, 0x30): return .some(.http1_0)
        // RFC 9110 §2.5: a higher minor version of a major version the server implements is
        // handled as the highest minor version it supports (HTTP/1.2 as HTTP/1.1).
        case (0x31, _): return .some(.http1_1)
        default: return .some(nil)
        }
    }

    private static func method(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> HTTPMethod? {
        // Methods are case-sensitive (RFC 9110 §9.1): compare bytes exactly.
        func eq(_ literal: StaticString) -> Bool {
            guard r.count == literal.utf8CodeUnitCount else { return false }
            let lit = literal.utf8Start
            for i in 0..<r.count where bytes[r.lowerBound + i] != lit[i] { return false }
            return true
        }
        switch r.count {
        case 3: return eq("GET") ? .GET : eq("PUT") ? .PUT : nil
        case 4: return eq("HEAD") ? .HEAD : eq("POST") ? .POST : nil
        case 5: return eq("PATCH") ? .PATCH : eq("TRACE") ? .TRACE : nil
        case 6: return eq("DELETE") ? .DELETE : nil
        case 7: return eq("OPTIONS") ? .OPTIONS : eq("CONNECT") ? .CONNECT : nil
        default: return nil
        }
    }

    /// RFC 9112 §3.2: origin-form for most requests, absolute-form accepted from any client (its
    /// path and query are what the responder sees), authority-form only for CONNECT and
    /// asterisk-form only for OPTIONS.
    private static func normalizeTarget(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, method: HTTPMethod) -> String? {
        let first = bytes[r.lowerBound]
        if method == .CONNECT {
            guard first != ASCII.slash, bytes.firstIndex(of: ASCII.slash, in: r) == nil,
                  bytes.firstIndex(of: ASCII.colon, in: r) != nil else { return nil }
            return bytes.string(r)
        }
        if first == ASCII.slash { return isValidPathAndQuery(bytes, r) ? normalizedOriginForm(bytes, r) : nil }
        if r.count == 1 && first == 0x2A { return method == .OPTIONS ? "*" : nil }
        // absolute-form: http(s)://authority[path-abempty][?query]
        let schemeEnd: Int
        if bytes.equalsLowercase(r.lowerBound..<min(r.lowerBound + 7, r.upperBound), "http://") {
            schemeEnd = r.lowerBound + 7
        } else if bytes.equalsLowercase(r.lowerBound..<min(r.lowerBound + 8, r.upperBound), "https://") {
            schemeEnd = r.lowerBound + 8
        } else {
            return nil
        }
        var pathStart = schemeEnd
        while pathStart < r.upperBound && bytes[pathStart] != ASCII.slash && bytes[pathStart] != ASCII.question {
            pathStart += 1
        }
        guard pathStart > schemeEnd, isValidHost(bytes, schemeEnd..<pathStart) else { return nil }
        if pathStart == r.upperBound { return "/" }
        guard isValidPathAndQuery(bytes, pathStart..<r.upperBound) else { return nil }
        let rest = normalizedOriginForm(bytes, pathStart..<r.upperBound)
        return bytes[pathStart] == ASCII.question ? "/" + rest : rest
    }

    /// `absolute-path [ "?" query ]` (RFC 9112 §3.2.1, RFC 3986 §3.3, §3.4): every "%" starts a
    /// pct-encoded triplet and every other byte is one its part allows, so `/%zz` or `/a<b` are an
    /// invalid request-line (400, RFC 9112 §3.2) instead of a path that merely matches nothing.
    static func isValidPathAndQuery(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var allowed = ByteSet.path
        var i = r.lowerBound
        while i < r.upperBound {
            let b = bytes[i]
            if b == ASCII.percent {
                guard i + 2 < r.upperBound, hexValue(bytes[i + 1]) != nil, hexValue(bytes[i + 2]) != nil else { return false }
                i += 3
                continue
            }
            if b == ASCII.question { allowed = .query }
            guard allowed.contains(b) else { return false }
            i += 1
        }
        return true
    }

    /// RFC 3986 §6.2.2: in the path, percent-encoded unreserved characters are decoded and the
    /// hex digits of the other percent-encodings upper-cased, then "." and ".." segments removed
    /// (§6.2.2.3, the algorithm of §5.2.4), so `/%68ealthz` and `/a/../healthz` are `/healthz` for
    /// everything after the parser. Reserved characters keep their encoding (`%2F` is not a
    /// segment separator); the query is passed on as sent.
    static func normalizedOriginForm(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        let pathEnd = bytes.firstIndex(of: ASCII.question, in: r) ?? r.upperBound
        let firstPercent = bytes.firstIndex(of: ASCII.percent, in: r.lowerBound..<pathEnd)
        if firstPercent == nil && !hasDotSegment(bytes, r.lowerBound..<pathEnd) { return bytes.string(r) }
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        let copied = firstPercent ?? pathEnd
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[r.lowerBound..<copied]))
        var i = copied
        while i < pathEnd {
            let b = bytes[i]
            if b == ASCII.percent, i + 2 < pathEnd, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                let decoded = UInt8(high << 4 | low)
                if isUnreservedByte(decoded) {
                    out.append(decoded)
                } else {
                    out.append(ASCII.percent)
                    out.append(upperHexDigit(bytes[i + 1]))
                    out.append(upperHexDigit(bytes[i + 2]))
                }
                i += 3
            } else {
                out.append(b)
                i += 1
            }
        }
        if out.withUnsafeBufferPointer({ hasDotSegment($0, 0..<$0.count) }) { out = removingDotSegments(out) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pathEnd..<r.upperBound]))
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the path (starting with "/") has a "." or ".." segment; memchr skips to each ".",
    /// so a path without one costs next to nothing.
    static func hasDotSegment(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var i = r.lowerBound
        while i < r.upperBound, let hit = memchr(base + i, 0x2E, r.upperBound - i) {
            let dot = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            if dot > r.lowerBound, bytes[dot - 1] == ASCII.slash {
                var end = dot + 1
                if end < r.upperBound && bytes[end] == 0x2E { end += 1 }
                if end == r.upperBound || bytes[end] == ASCII.slash { return true }
            }
            i = dot + 1
        }
        return false
    }

    /// RFC 3986 §5.2.4 for an absolute path: "." segments dropped, ".." removes the segment
    /// before it (none above the root); a trailing "." or ".." leaves a trailing "/".
    static func removingDotSegments(_ path: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(path.count)
        var segmentStarts: [Int] = []
        var i = 0
        while i < path.count {
            var end = i + 1
            while end < path.count && path[end] != ASCII.slash { end += 1 }
            let length = end - i - 1
            let isDot = length == 1 && path[i + 1] == 0x2E
            let isDotDot = length == 2 && path[i + 1] == 0x2E && path[i + 2] == 0x2E
            if isDot || isDotDot {
                if isDotDot, let start = segmentStarts.popLast() { out.removeSubrange(start...) }
                if end == path.count { out.append(ASCII.slash) }
            } else {
                segmentStarts.append(out.count)
                out.append(contentsOf: path[i..<end])
            }
            i = end
        }
        return out.isEmpty ? [ASCII.slash] : out
    }

    private mutating func parseFieldLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> ParseFailure? {
        let field: (name: Range<Int>, value: Range<Int>)
        switch Self.splitField(bytes, line) {
        case .success(let f): field = f
        case .failure(let failure): return failure
        }
        let name = field.name, value = field.value
        switch name.count {
        case 4 where bytes.equalsLowercase(name, "host"):
            hostCount += 1
            if hostCount > 1 { return .duplicateHost }
            if !Self.isValidHost(bytes, value) { return .invalidHost }
        case 14 where bytes.equalsLowercase(name, "content-length"):
            if contentLength != nil { return .duplicateContentLength }
            guard let length = Self.parseContentLength(bytes, value) else { return .invalidContentLength }
            contentLength = length
        case 17 where bytes.equalsLowercase(name, "transfer-encoding"):
            codings.add(bytes, value)
        case 10 where bytes.equalsLowercase(name, "connection"):
            bytes.forEachListElement(value) { token in
                if bytes.equalsLowercase(token, "close") { connectionClose = true }
                else if bytes.equalsLowercase(token, "keep-alive") { connectionKeepAlive = true }
            }
        case 6 where bytes.equalsLowercase(name, "expect"):
            if bytes.equalsLowercase(value, "100-continue") { expectsContinue = true } else { unsupportedExpectation = true }
        case 12 where bytes.equalsLowercase(name, "x-request-id"):
            if requestID == nil && Self.isValidRequestID(bytes, value) { requestID = bytes.string(value) }
        default:
            break
        }
        if fields.isEmpty { fields.reserveCapacity(8) }
        fields.append((bytes.string(name), bytes.string(value)))
        return nil
    }

    /// Splits and checks `field-name ":" OWS field-value OWS` (shared with chunked trailers).
    static func splitField(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Result<(name: Range<Int>, value: Range<Int>), ParseFailure> {
        if isWhitespace(bytes[line.lowerBound]) { return .failure(.obsoleteLineFolding) }
        var i = line.lowerBound
        while i < line.upperBound && isTokenByte(bytes[i]) { i += 1 }
        guard i < line.upperBound else { return .failure(.invalidFieldName) }
        if isWhitespace(bytes[i]) { return .failure(.whitespaceBeforeColon) }
        guard bytes[i] == ASCII.colon, i > line.lowerBound else { return .failure(.invalidFieldName) }
        for j in (i + 1)..<line.upperBound where !isFieldValueByte(bytes[j]) { return .failure(.invalidFieldValue) }
        return .success((line.lowerBound..<i, bytes.trimmingWhitespace((i + 1)..<line.upperBound)))
    }

    private mutating func finish(length: Int) -> HeadParseResult {
        if version == .http1_1 && hostCount == 0 { return .failed(.missingHost) }
        var chunked = false
        if codings.seen {
            if contentLength != nil { return .failed(.contentLengthWithTransferEncoding) }
            if version == .http1_0 { return .failed(.transferEncodingInHTTP10) }
            guard codings.lastIsChunked, codings.chunkedCount == 1 else { return .failed(.chunkedNotFinal) }
            if codings.otherCount > 0 { return .failed(.unsupportedTransferCoding) }
            chunked = true
        }
        let length = length
        if let contentLength, contentLength > limits.maxBodyBytes { return .failed(.bodyTooLarge) }
        // RFC 9110 §10.1.1: an HTTP/1.0 server ignores Expect.
        let continueExpected = version == .http1_1 && expectsContinue
        if version == .http1_1 && unsupportedExpectation { return .failed(.unsupportedExpectation) }
        return .complete(ParsedHead(
            method: method, version: version, target: target, headers: HTTPHeaders(fields),
            contentLength: contentLength ?? 0, isChunked: chunked,
            connectionClose: connectionClose, connectionKeepAlive: connectionKeepAlive,
            expectsContinue: continueExpected, requestID: requestID, length: length))
    }

    /// 1*DIGIT without sign or spaces; nil on anything else or on overflow.
    private static func parseContentLength(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard !r.isEmpty else { return nil }
        var value = 0
        for i in r {
            let b = bytes[i]
            guard isDigit(b) else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(b - 0x30))
            if o1 || o2 { return nil }
            value = s
        }
        return value
    }

    /// `uri-host [":" port]` (RFC 9110 §7.2, RFC 3986 §3.2.2); empty is allowed.
    static func isValidHost(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        if i < r.upperBound && bytes[i] == 0x5B {  // "[" IP-literal "]"
            guard let close = bytes.firstIndex(of: 0x5D, in: r), close > i + 1 else { return false }
            for j in (i + 1)..<close {
                let b = bytes[j]
                guard hexValue(b) != nil || b == ASCII.colon || b == 0x2E || b == 0x76 || b == 0x56 else { return false }
            }
            i = close + 1
        } else {
            while i < r.upperBound && bytes[i] != ASCII.colon {
                let b = bytes[i]
                switch b {
                case _ where isUnreservedByte(b) || isSubDelimByte(b): break
                case 0x25:  // pct-encoded
                    guard i + 2 < r.upperBound, hexValue(bytes[i + 1]) != nil, hexValue(bytes[i + 2]) != nil else { return false }
                    i += 2
                default: return false
                }
                i += 1
            }
        }
        guard i < r.upperBound else { return true }
        guard bytes[i] == ASCII.colon else { return false }
        for j in (i + 1)..<r.upperBound where !isDigit(bytes[j]) { return false }
        return r.upperBound - (i + 1) <= 5
    }

    /// 1 to 128 bytes of [A-Za-z0-9._:-].
    static func isValidRequestID(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard !r.isEmpty, r.count <= 128 else { return false }
        for i in r {
            switch bytes[i] {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2E, 0x5F, 0x3A, 0x2D: continue
            default: return false
            }
        }
        return true
    }
}

/// The transfer codings of all Transfer-Encoding lines, in order (RFC 9112 §6.1).
struct TransferCodings {
    var seen = false
    var lastIsChunked = false
    var chunkedCount = 0
    var otherCount = 0

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Range<Int>) {
        seen = true
        var any = false
        bytes.forEachListElement(value) { element in
            any = true
            // A coding may carry parameters ("gzip;q=1"): its name ends at ";" or whitespace.
            var end = element.lowerBound
            while end < element.upperBound && isTokenByte(bytes[end]) { end += 1 }
            if bytes.equalsLowercase(element.lowerBound..<end, "chunked") && end == element.upperBound {
                chunkedCount += 1
                lastIsChunked = true
            } else {
                otherCount += 1
                lastIsChunked = false
            }
        }
        // An empty Transfer-Encoding names no coding: the framing is unknown.
        if !any { lastIsChunked = false }
    }
}
