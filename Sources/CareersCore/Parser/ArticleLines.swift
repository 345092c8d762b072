#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One non-blank line of an article, trimmed and repaired, with its 1-based line number.
struct ArticleLine: Sendable, Equatable {
    var number: Int
    var text: String
    /// `TextKey.fold(text)`, computed once: most classifiers compare folded text.
    var folded: String
    /// Leading blanks before trimming (a tab counts 4): how deep a bullet is nested.
    var indent: Int
    /// Markdown structure the markup said before it was removed (`MarkdownMarkup`): a "#"
    /// heading's level (0: none), and a line bold as a whole.
    var headingLevel: Int
    var wholeLineBold: Bool

    init(number: Int, text: String, indent: Int = 0, headingLevel: Int = 0, wholeLineBold: Bool = false) {
        self.number = number
        self.text = text
        folded = TextKey.fold(text)
        self.indent = indent
        self.headingLevel = headingLevel
        self.wholeLineBold = wholeLineBold
    }

    /// Marked as a heading by its markup ("## …", "**…**" alone on its line).
    var isMarkedHeading: Bool { headingLevel > 0 || wholeLineBold }
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
            var indent = 0
            while low < high && (utf8[low] == 0x20 || utf8[low] == 0x09 || utf8[low] == 0x0C || utf8[low] == 0x0B) {
                indent += utf8[low] == 0x09 ? 4 : 1
                low += 1
            }
            while high > low && (utf8[high - 1] == 0x20 || utf8[high - 1] == 0x09 || utf8[high - 1] == 0x0C || utf8[high - 1] == 0x0B) { high -= 1 }
            // Repair before trimming the other blanks: "Ã" + NBSP is the image of "à", and "ï»¿"
            // becomes a BOM only once repaired.
            // HTML references are decoded after the repair (they are ASCII) and before spaces are
            // normalised ("&nbsp;"); Markdown markup goes last, on the text as the writer meant it.
            // One pass over the bytes says which of them the line needs (most need none): the
            // repair only makes non-ASCII characters, so the ASCII bytes it is asked about stay.
            var needs: UInt8 = 0
            for offset in low..<high { needs |= ArticleLines.byteNeeds[Int(utf8[offset])] }
            var repaired = String(decoding: utf8[low..<high], as: UTF8.self)
            if needs & Self.needsRepair != 0 { repaired = Mojibake.repair(repaired) }
            if needs & Self.needsEntities != 0 {
                let decoded = HTMLEntities.decode(repaired)
                // A numeric reference may stand for markup ("&#35;"): looked for again.
                if decoded != repaired { needs |= Self.needsMarkup }
                repaired = decoded
            }
            if needs & Self.needsRepair != 0 || needs & Self.needsEntities != 0 { repaired = UnicodeSpaces.normalised(repaired) }
            let markup = needs & Self.needsMarkup != 0
                ? MarkdownMarkup.strip(repaired) : MarkdownMarkup.Stripped(text: repaired, headingLevel: 0, wholeLineBold: false)
            let text = markup.text.utf8.first.map { $0 >= 0x80 || $0 == 0x20 } == true || markup.text.utf8.last.map { $0 >= 0x80 || $0 == 0x20 } == true
                ? trimmed(markup.text) : markup.text
            if !text.isEmpty {
                lines.append(ArticleLine(number: number, text: text, indent: indent, headingLevel: markup.headingLevel, wholeLineBold: markup.wholeLineBold))
            }
            if index < utf8.count && utf8[index] == 0x0D && index + 1 < utf8.count && utf8[index + 1] == 0x0A { index += 1 }
            index += 1
            lineStart = index
        }
        if lines.isEmpty { throw reject("empty file") }
        if let first = lines.first, isHTMLPage(lines) {
            throw reject("not an article: an HTML page (save the page as text, not as HTML)", line: first.number)
        }
        return lines
    }

    /// A page saved as HTML: it opens with a document tag, or most of its first lines are tags.
    private static func isHTMLPage(_ lines: [ArticleLine]) -> Bool {
        guard let first = lines.first?.text, first.utf8.first == UInt8(ascii: "<") else { return false }
        let opening = first.prefix(12).lowercased()
        if ["<!doctype", "<html", "<?xml", "<head", "<body", "<meta"].contains(where: { opening.hasPrefix($0) }) { return true }
        let sample = lines.prefix(100)
        let tags = sample.filter { $0.text.utf8.first == UInt8(ascii: "<") && $0.text.utf8.last == UInt8(ascii: ">") }.count
        return tags * 3 >= sample.count
    }

    /// What each byte of a line asks for: non-ASCII bytes the repair and the Unicode spaces, "&"
    /// the HTML references, "#", "*", "_", "`", "[", ">" the Markdown markup.
    private static let needsRepair: UInt8 = 1
    private static let needsEntities: UInt8 = 2
    private static let needsMarkup: UInt8 = 4
    private static let byteNeeds: [UInt8] = (0...255).map { byte -> UInt8 in
        if byte >= 0x80 { return needsRepair }
        if byte == 0x26 { return needsEntities }
        return [0x23, 0x2A, 0x5F, 0x60, 0x5B, 0x3E].contains(UInt8(byte)) ? needsMarkup : 0
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
        var nul: Int?
        bytes.withUnsafeBufferPointer { buffer in
            /// Counts a control byte (not a tab, line break, form feed or escape); false at a NUL.
            func read(_ index: Int) -> Bool {
                let byte = buffer[index]
                if byte == 0 {
                    nul = index
                    return false
                }
                if byte < 0x20 && !(0x09...0x0D).contains(byte) && byte != 0x1B {
                    controls += 1
                    if first == nil { first = index }
                }
                return true
            }
            var offset = 0
            // Eight bytes at a time are passed over when none is below 0x20 (most of a text file):
            // (x - 0x20…) & ~x & 0x80… is zero exactly then.
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                while offset + 8 <= buffer.count {
                    let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 {
                        for index in offset..<offset + 8 where !read(index) { return }
                    }
                    offset += 8
                }
            }
            for index in offset..<buffer.count where !read(index) { return }
        }
        if let nul { return nul }
        return controls > max(8, bytes.count / 200) ? first : nil
    }
}

/// Text copied from web pages writes some spaces as U+00A0 (or thin, narrow, ideographic spaces):
/// "EUR\u{A0}50K", "Feb.\u{A0}3", "read\u{A0}·\u{A0}Oct.". Every classifier splits words on the
/// ASCII space, so each such space becomes one, as early as possible, and a run it joins becomes
/// one space. Runs after mojibake repair: "Ã" + NBSP is the image of "à".
enum UnicodeSpaces {
    static func normalised(_ text: String) -> String {
        let utf8 = text.utf8
        // Every such space is encoded with a lead byte 0xC2, 0xE1, 0xE2 or 0xE3; ASCII lines skip.
        // Decided on the buffer: most non-ASCII lines ("’", "·") have a candidate lead byte but no such space.
        let hasSpace = utf8.withContiguousStorageIfAvailable { bytes in bytes.indices.contains { spaceLength(bytes, at: $0) > 0 } }
        guard hasSpace ?? utf8.contains(where: { $0 == 0xC2 || ($0 >= 0xE1 && $0 <= 0xE3) }) else { return text }
        let bytes = Array(utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var changed = false
        var index = 0
        while index < bytes.count {
            let length = spaceLength(bytes, at: index)
            if length > 0 {
                changed = true
                if output.last != 0x20 { output.append(0x20) }
                index += length
                // An ASCII space next to the replaced one joins the run.
                while index < bytes.count && bytes[index] == 0x20 { index += 1 }
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        guard changed else { return text }
        var low = 0
        var high = output.count
        while low < high && output[low] == 0x20 { low += 1 }
        while high > low && output[high - 1] == 0x20 { high -= 1 }
        return String(decoding: output[low..<high], as: UTF8.self)
    }

    /// The UTF-8 length of the Unicode space at `index` (U+00A0, U+1680, U+2000–U+200A, U+202F,
    /// U+205F, U+3000), or 0. Zero-width characters are not spaces: they join or split nothing.
    private static func spaceLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> Int where Bytes.Index == Int {
        let first = bytes[index]
        guard first >= 0xC2, index + 1 < bytes.count else { return 0 }
        let second = bytes[index + 1]
        if first == 0xC2 { return second == 0xA0 ? 2 : 0 }
        guard index + 2 < bytes.count else { return 0 }
        let third = bytes[index + 2]
        switch (first, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0
        case (0xE2, 0x80): return (third >= 0x80 && third <= 0x8A) || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0
        default: return 0
        }
    }
}
