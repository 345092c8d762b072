/// A section while it is being read; becomes an `ArticleSection`.
struct SectionDraft {
    struct Block {
        var role: String
        var text: [String] = []
        var items: [ListItem] = []
        var tools: [ToolItem] = []
    }

    var kind: SectionKind
    var heading: String
    /// The line the section starts on (its heading or lead-in); 0 for one no line opened.
    var line = 0
    var text: [String] = []
    var shared: [ListItem] = []
    var tools: [ToolItem] = []
    var blocks: [Block] = []
    var sawItems = false

    mutating func blockIndex(for role: String) -> Int {
        if let index = blocks.firstIndex(where: { $0.role == role }) { return index }
        blocks.append(Block(role: role))
        return blocks.count - 1
    }

    var section: ArticleSection {
        ArticleSection(
            kind: kind, heading: heading, text: text.isEmpty ? nil : text.joined(separator: "\n\n"), shared: shared, tools: tools,
            roles: blocks.map {
                ArticleSection.RoleBlock(
                    role: $0.role, text: $0.text.isEmpty ? nil : $0.text.joined(separator: "\n\n"), items: $0.items, tools: $0.tools)
            })
    }
}

/// Sentences of a paragraph, not split at abbreviations ("e.g.", "U.S.", "Ph.D.").
enum Sentences {
    private static let abbreviations: Set<String> = ["e.g", "i.e", "etc", "vs", "dr", "mr", "ms", "mrs", "u.s", "ph.d", "inc", "ltd", "approx", "no", "st"]

    static func split(_ text: String) -> [String] {
        if let sentences = text.utf8.withContiguousStorageIfAvailable(splitASCII) ?? nil { return sentences }
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            current.append(character)
            if character == "." || character == "!" || character == "?", index + 2 < characters.count,
                characters[index + 1] == " ", characters[index + 2].isUppercase || characters[index + 2].isNumber,
                !endsWithAbbreviation(current) {
                sentences.append(String(current.trimmingSpaces()))
                current = ""
            }
            index += 1
        }
        let rest = current.trimmingSpaces()
        if !rest.isEmpty { sentences.append(String(rest)) }
        return sentences
    }

    /// `split` on the bytes of ASCII text, where each byte is a Character (no line holds CR LF)
    /// and upper case and digits are A–Z and 0–9; nil for other text. Building each sentence a
    /// Character at a time cost most of reading a Definitions paragraph.
    private static func splitASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard ByteSearch.isASCII(bytes) else { return nil }
        func trimmed(_ range: Range<Int>) -> String {
            let part = UnsafeBufferPointer(rebasing: bytes[range])
            let bounds = ByteSearch.trimBounds(part) ?? 0..<part.count
            return String(decoding: part[bounds], as: UTF8.self)
        }
        var sentences: [String] = []
        var start = 0
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?"), index + 2 < bytes.count,
                bytes[index + 1] == 0x20, (bytes[index + 2] >= 0x41 && bytes[index + 2] <= 0x5A) || (bytes[index + 2] >= 0x30 && bytes[index + 2] <= 0x39)
            else { continue }
            // The last word before the mark, as `endsWithAbbreviation` splits it.
            var wordEnd = index
            while wordEnd > start && bytes[wordEnd - 1] == 0x20 { wordEnd -= 1 }
            var wordStart = wordEnd
            while wordStart > start && bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
            let word = String(decoding: bytes[wordStart..<wordEnd], as: UTF8.self).lowercased()
            if abbreviations.contains(word) || word.count == 1 { continue }
            sentences.append(trimmed(start..<index + 1))
            start = index + 1
        }
        let rest = trimmed(start..<bytes.count)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    private static func endsWithAbbreviation(_ text: String) -> Bool {
        let word = text.dropLast().split(separator: " ").last.map { $0.lowercased() } ?? ""
        return abbreviations.contains(word) || word.count == 1
    }
}

extension SectionKind {
    /// Sections that hold one list per role, which a role-first layout nests under the role.
    var isPerRoleList: Bool {
        switch self {
        case .responsibilities, .skills, .education, .tools, .industries: true
        case .intro, .definitions, .outlook, .tips, .conclusion, .other: false
        }
    }
}
