#if canImport(Glibc)
import Glibc
#endif

/// Incremental decoder of a chunked body (RFC 9112 §7.1). It consumes what it can from the bytes
/// buffered so far, appending chunk data to the body, so the connection never holds more than
/// one partial line of framing: a size line or trailer line is only consumed once complete.
/// Extensions are checked and ignored; trailer fields are checked and dropped (a trailer must
/// never pass for a header field).
struct ChunkedDecoder {
    private enum State {
        case sizeLine
        case data(remaining: Int)
        case dataEnd
        case trailer
        case done
    }

    let limits: ParserLimits
    /// Longest size line accepted (size plus extensions).
    static let maxSizeLineBytes = 4096

    private var state = State.sizeLine
    private var bodyBytes = 0
    private var trailerBytes = 0
    private var trailerFields = 0

    init(limits: ParserLimits) { self.limits = limits }

    var isDone: Bool { if case .done = state { true } else { false } }

    /// Decodes from `bytes`; returns how many were consumed. `isDone` tells whether the body ended.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, into body: inout [UInt8]) throws(ParseFailure) -> Int {
        var i = 0
        let n = bytes.count
        while i < n {
            switch state {
            case .done:
                return i
            case .sizeLine:
                guard let lf = Self.lineEnd(bytes, from: i) else {
                    if n - i > Self.maxSizeLineBytes { throw .invalidChunkExtension }
                    if RequestHeadParser.hasBareCR(bytes, from: i) { throw .invalidLineEnding }
                    return i
                }
                guard lf > i, bytes[lf - 1] == ASCII.cr else { throw .invalidLineEnding }
                let size = try Self.parseSizeLine(bytes, i..<(lf - 1))
                if size == 0 {
                    state = .trailer
                } else {
                    if size > limits.maxBodyBytes - bodyBytes { throw .bodyTooLarge }
                    bodyBytes += size
                    state = .data(remaining: size)
                }
                i = lf + 1
            case .data(let remaining):
                let take = min(remaining, n - i)
                body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + take)]))
                i += take
                state = remaining == take ? .dataEnd : .data(remaining: remaining - take)
            case .dataEnd:
                guard n - i >= 2 else {
                    if bytes[i] != ASCII.cr { throw .invalidChunkData }
                    return i
                }
                guard bytes[i] == ASCII.cr, bytes[i + 1] == ASCII.lf else { throw .invalidChunkData }
                i += 2
                state = .sizeLine
            case .trailer:
                guard let lf = Self.lineEnd(bytes, from: i) else {
                    if trailerBytes + (n - i) > limits.maxHeaderBytes { throw .trailerSectionTooLarge }
                    if RequestHeadParser.hasBareCR(bytes, from: i) { throw .invalidLineEnding }
                    return i
                }
                guard lf > i, bytes[lf - 1] == ASCII.cr else { throw .invalidLineEnding }
                let line = i..<(lf - 1)
                i = lf + 1
                if line.isEmpty {
                    state = .done
                    return i
                }
                trailerFields += 1
                trailerBytes += line.count + 2
                if trailerFields > limits.maxHeaderFields || trailerBytes > limits.maxHeaderBytes {
                    throw .trailerSectionTooLarge
                }
                if case .failure(let failure) = RequestHeadParser.splitField(bytes, line) { throw failure }
            }
        }
        return i
    }

    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        guard let base = bytes.baseAddress,
              let hit = memchr(base + i, Int32(ASCII.lf), bytes.count - i) else { return nil }
        return UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
    }

    /// `1*HEXDIG *( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] )`.
    private static func parseSizeLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) throws(ParseFailure) -> Int {
        var size = 0
        var significant = 0
        var i = line.lowerBound
        while i < line.upperBound, let digit = hexValue(bytes[i]) {
            if size > 0 || digit > 0 { significant += 1 }
            // 15 significant hex digits cannot overflow; more is never a real chunk.
            guard significant <= 15 else { throw .invalidChunkSize }
            size = size << 4 | digit
            i += 1
        }
        guard i > line.lowerBound else { throw .invalidChunkSize }
        guard i < line.upperBound else { return size }
        while i < line.upperBound && isWhitespace(bytes[i]) { i += 1 }
        guard i < line.upperBound, bytes[i] == ASCII.semicolon else { throw .invalidChunkSize }
        try checkExtensions(bytes, i..<line.upperBound)
        return size
    }

    /// Each extension is `";" token [ "=" ( token / quoted-string ) ]` with optional whitespace.
    private static func checkExtensions(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) throws(ParseFailure) {
        var i = r.lowerBound
        func skipWhitespace() { while i < r.upperBound && isWhitespace(bytes[i]) { i += 1 } }
        func token() -> Bool {
            let start = i
            while i < r.upperBound && isTokenByte(bytes[i]) { i += 1 }
            return i > start
        }
        while i < r.upperBound {
            guard bytes[i] == ASCII.semicolon else { throw .invalidChunkExtension }
            i += 1
            skipWhitespace()
            guard token() else { throw .invalidChunkExtension }
            skipWhitespace()
            if i < r.upperBound && bytes[i] == 0x3D {  // "="
                i += 1
                skipWhitespace()
                if i < r.upperBound && bytes[i] == 0x22 {  // quoted-string
                    i += 1
                    var closed = false
                    while i < r.upperBound {
                        let b = bytes[i]
                        if b == 0x22 { closed = true; i += 1; break }
                        if b == 0x5C { i += 1; guard i < r.upperBound else { break } }
                        guard isFieldValueByte(bytes[i]) else { throw .invalidChunkExtension }
                        i += 1
                    }
                    guard closed else { throw .invalidChunkExtension }
                } else {
                    guard token() else { throw .invalidChunkExtension }
                }
                skipWhitespace()
            }
        }
    }
}
