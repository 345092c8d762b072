/// Articles written (or exported) as Markdown: "## Responsibilities", "**Team Leadership:** …",
/// "[Python](https://…)", "`SQL`", "---". The markup is removed so that every rule reads the
/// same words as in plain articles; what it says about structure is kept: a "#"-heading's level,
/// and whether the whole line was bold (a heading or a label, as written).
enum MarkdownMarkup {
    struct Stripped: Equatable {
        var text: String
        /// 1–6 for "#" … "######" headings, 0 otherwise.
        var headingLevel: Int
        /// The whole line was bold ("**Responsibilities**").
        var wholeLineBold: Bool
    }

    static func strip(_ text: String) -> Stripped {
        let utf8 = text.utf8
        // Most lines have no markup byte at all: one scan and out.
        guard utf8.contains(where: { $0 == 0x23 || $0 == 0x2A || $0 == 0x5F || $0 == 0x60 || $0 == 0x5B || $0 == 0x3E }) else {
            return Stripped(text: text, headingLevel: 0, wholeLineBold: false)
        }
        var bytes = Array(utf8)
        var level = 0
        // "## Heading ##"
        while level < bytes.count, level < 7, bytes[level] == UInt8(ascii: "#") { level += 1 }
        if (1...6).contains(level), level < bytes.count, bytes[level] == 0x20 {
            bytes.removeFirst(level + 1)
            while bytes.last == UInt8(ascii: "#") || bytes.last == 0x20 { bytes.removeLast() }
        } else {
            level = 0
        }
        // "> quoted"
        if bytes.count >= 2, bytes[0] == UInt8(ascii: ">"), bytes[1] == 0x20 { bytes.removeFirst(2) }
        // "---", "***", "___" (a thematic break): no text.
        if bytes.count >= 3, let first = bytes.first, first == 0x2D || first == 0x2A || first == 0x5F,
            bytes.allSatisfy({ $0 == first || $0 == 0x20 }) {
            return Stripped(text: "", headingLevel: 0, wholeLineBold: false)
        }
        let bold = bytes.count > 4 && bytes.starts(with: [0x2A, 0x2A]) && bytes.reversed().starts(with: [0x2A, 0x2A])
            && !bytes[2..<(bytes.count - 2)].contains(0x2A)
        bytes = removingEmphasis(removingLinks(bytes))
        return Stripped(text: String(decoding: bytes, as: UTF8.self), headingLevel: level, wholeLineBold: bold)
    }

    /// "[text](url)" → "text". A link's text and address are looked for within a bounded window
    /// after each "[" (`maxLinkText`, `maxLinkAddress`), so a line of many "[" stays linear.
    private static let maxLinkText = 200
    private static let maxLinkAddress = 500

    private static func removingLinks(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "[")) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "["),
                let close = bytes[index..<min(bytes.count, index + maxLinkText)].firstIndex(of: UInt8(ascii: "]")),
                close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "("),
                let end = bytes[(close + 1)..<min(bytes.count, close + 1 + maxLinkAddress)].firstIndex(of: UInt8(ascii: ")")) {
                output += bytes[(index + 1)..<close]
                index = end + 1
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// Removes "**", "__", "`" and single "*" or "_" that open or close emphasis (next to a word
    /// on one side and not on the other). A bullet's "* " and a word's inner "_" (snake_case) stay.
    private static func removingEmphasis(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        func isWordByte(_ position: Int) -> Bool {
            guard position >= 0, position < bytes.count else { return false }
            let byte = bytes[position]
            return byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "(")
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "`") {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") {
                var run = 1
                while index + run < bytes.count && bytes[index + run] == byte { run += 1 }
                let before = isWordByte(index - 1)
                let after = isWordByte(index + run)
                // "* item" at the line's start is a bullet.
                let isBullet = index == 0 && byte == UInt8(ascii: "*") && run == 1 && index + 1 < bytes.count && bytes[index + 1] == 0x20
                let isInnerUnderscore = byte == UInt8(ascii: "_") && before && after
                if !isBullet, !isInnerUnderscore, run <= 3, before != after || run >= 2 {
                    index += run
                    continue
                }
                // Kept whole, so a long run is scanned once ("****…" stays linear).
                output += bytes[index..<(index + run)]
                index += run
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }
}
