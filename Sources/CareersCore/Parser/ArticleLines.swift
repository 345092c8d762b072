#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One non-blank line of an article, trimmed and repaired, with its 1-based line number.
struct ArticleLine: Sendable {
    var number: Int
    var text: String
    /// `TextKey.fold(text)`, computed once: most classifiers compare folded text.
    var folded: String

    init(number: Int, text: String) {
        self.number = number
        self.text = text
        folded = TextKey.fold(text)
    }
}

/// Turns an article file's bytes into repaired lines, rejecting what is not an article-sized text.
/// Limits keep a pathological file from costing more than a normal one by orders of magnitude.
enum ArticleLines {
    static let maxBytes = 4 << 20
    static let maxLineLength = 20_000
    static let maxLines = 100_000

    static func read(bytes: [UInt8], fileName: String) throws(ArticleRejection) -> [ArticleLine] {
        func reject(_ reason: String, line: Int? = nil) -> ArticleRejection {
            ArticleRejection(file: fileName, reason: reason, line: line)
        }
        if bytes.count > maxBytes { throw reject("file too large (\(bytes.count) bytes; limit \(maxBytes))") }
        let utf8 = try decode(bytes, reject: reject)
        var lines: [ArticleLine] = []
        var number = 0
        var lineStart = 0
        var index = 0
        // Splitting the bytes (LF, CRLF or lone CR) avoids grapheme-level work on the whole file.
        while lineStart <= utf8.count {
            while index < utf8.count && utf8[index] != 0x0A && utf8[index] != 0x0D { index += 1 }
            number += 1
            if number > maxLines { throw reject("too many lines (limit \(maxLines))", line: number) }
            if index - lineStart > maxLineLength {
                throw reject("line longer than \(maxLineLength) bytes", line: number)
            }
            // ASCII blanks are trimmed on the bytes; other blanks (NBSP, BOM) only when present.
            var low = lineStart
            var high = index
            while low < high && (utf8[low] == 0x20 || utf8[low] == 0x09 || utf8[low] == 0x0C || utf8[low] == 0x0B) { low += 1 }
            while high > low && (utf8[high - 1] == 0x20 || utf8[high - 1] == 0x09 || utf8[high - 1] == 0x0C || utf8[high - 1] == 0x0B) { high -= 1 }
            // Repair before trimming the other blanks: "Ã" + NBSP is the image of "à", and "ï»¿"
            // becomes a BOM only once repaired.
            let repaired = Mojibake.repair(String(decoding: utf8[low..<high], as: UTF8.self))
            let text = repaired.utf8.first.map { $0 >= 0x80 } == true || repaired.utf8.last.map { $0 >= 0x80 } == true
                ? trimmed(repaired) : repaired
            if !text.isEmpty { lines.append(ArticleLine(number: number, text: text)) }
            if index < utf8.count && utf8[index] == 0x0D && index + 1 < utf8.count && utf8[index + 1] == 0x0A { index += 1 }
            index += 1
            lineStart = index
        }
        if lines.isEmpty { throw reject("empty file") }
        return lines
    }

    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
            let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || invisibleScalars.contains(scalar.value)
    }

    /// Zero-width characters and the BOM, which some editors leave at line starts.
    private static let invisibleScalars: Set<UInt32> = [0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060]

    private static func decode(
        _ bytes: [UInt8], reject: (String, Int?) -> ArticleRejection
    ) throws(ArticleRejection) -> [UInt8] {
        if bytes.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) { throw reject("empty file", nil) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) else {
                throw reject("not text: invalid UTF-16", nil)
            }
            if text.unicodeScalars.contains(where: { $0.value == 0 }) { throw reject("not text: NUL characters", nil) }
            return Array(text.utf8)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let offset = firstBinaryByte(body) {
            let line = body[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw reject("not text: binary content (byte 0x\(String(body[offset], radix: 16)) at offset \(offset))", line)
        }
        if String(validating: body, as: UTF8.self) != nil { return body }
        // Not UTF-8 but text: read as Windows-1252, as browsers read "latin1" (WHATWG), so that
        // the "ANSI" files of Windows editors keep their bullets (0x95) and curly quotes.
        return Array(String(String.UnicodeScalarView(body.map(CodePageTables.windows1252))).utf8)
    }

    /// A NUL, or more than a few control bytes, means this is not a text file.
    private static func firstBinaryByte(_ bytes: [UInt8]) -> Int? {
        var controls = 0
        var first: Int?
        for (offset, byte) in bytes.enumerated() {
            if byte == 0 { return offset }
            if byte < 0x20 && !(0x09...0x0D).contains(byte) && byte != 0x1B {
                controls += 1
                if first == nil { first = offset }
            }
        }
        return controls > max(8, bytes.count / 200) ? first : nil
    }
}
