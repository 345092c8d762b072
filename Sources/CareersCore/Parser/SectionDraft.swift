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
