import Foundation

/// Tool bullets: "Frameworks: TensorFlow, PyTorch, Keras." (category kept), "Python, Java, or C++",
/// "Git or other version control systems" (the "other …" names the category).
enum ToolList {
    /// Words that never occur in a tool's name but do in sentences about tools.
    private static let sentenceWords: Set<String> = [
        "all", "used", "by", "the", "such", "as", "with", "for", "of", "e", "g", "eg", "like", "including",
        "tools", "is", "are", "be", "to", "in", "their", "other", "various", "etc",
    ]

    /// The tools named by one bullet, or nil when it is not a list of tools ("All tools used by …").
    static func parse(_ text: String, category givenCategory: String? = nil, source: String) -> [ToolItem]? {
        var body = withoutTrailingPeriod(withoutParentheses(text))
        var category = givenCategory
        if category == nil, let (label, rest) = LinePatterns.label(body) {
            category = label
            body = rest
        }
        let lower = body.lowercased()
        for phrase in [" or other ", " and other "] {
            guard lower.utf8.count == body.utf8.count, let offset = TextKey.offset(of: phrase, in: lower) else { continue }
            let utf8 = body.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: offset)
            let named = String(decoding: utf8[utf8.index(start, offsetBy: phrase.utf8.count)...], as: UTF8.self).trimmingSpaces()
            if category == nil, !named.isEmpty { category = named.prefix(1).uppercased() + named.dropFirst() }
            body = String(decoding: utf8[..<start], as: UTF8.self)
            break
        }
        let names = split(body)
        guard !names.isEmpty, names.allSatisfy(isToolName) else { return nil }
        return names.map { ToolItem(name: $0, category: category, sources: [source]) }
    }

    /// "a, b, or c" / "a, b and c" / "a or b" → [a, b, c].
    static func split(_ list: String) -> [String] {
        var parts: [String] = []
        for piece in list.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            var item = piece.trimmingSpaces()
            for conjunction in ["and ", "or ", "& "] where item.lowercased().hasPrefix(conjunction) {
                item = item.dropFirst(conjunction.count).trimmingSpaces()
            }
            let inner = item.components(separatedBy: " or ").flatMap { $0.components(separatedBy: " and ") }
            if inner.count > 1 && inner.allSatisfy({ LinePatterns.wordCount($0) <= 3 }) {
                parts += inner.map { String($0.trimmingSpaces()) }
            } else if !item.isEmpty {
                parts.append(String(item))
            }
        }
        return parts.filter { !$0.isEmpty }
    }

    static func isToolName(_ name: String) -> Bool {
        let words = TextKey.fold(name).split(separator: " ")
        guard !words.isEmpty, words.count <= 4, name.count <= 40 else { return false }
        return !words.contains { sentenceWords.contains(String($0)) }
    }

    static func withoutTrailingPeriod(_ text: String) -> String {
        var body = text
        while let last = body.last, last == "." || last == ";" || last == " " { body.removeLast() }
        return body
    }

    static func withoutParentheses(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { result.append(character) }
        }
        return result.split(separator: " ").joined(separator: " ")
    }
}
