#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
        if category == nil, let (label, rest) = LinePatterns.label(body) ?? dashLabel(body) ?? introducedList(body) {
            category = label
            body = rest
        } else if let (tool, purpose) = purposePhrase(body) {
            // "Great Expectations for data validation": the tool, and what it is for as its category.
            body = tool
            category = purpose
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
        // "Python (pandas, PySpark)": a list in parentheses names tools too, after its parent.
        var all: [String] = []
        for name in names {
            all.append(name)
            all += parenthesisedTools(after: name, in: text)
        }
        return all.map { ToolItem(name: $0, category: category, sources: [source]) }
    }

    /// "Frameworks – TensorFlow, PyTorch": a short category before a dash, a list after it.
    private static func dashLabel(_ text: String) -> (label: String, text: String)? {
        for dash in [" – ", " — ", " - "] {
            guard let range = text.firstRangeFast(of: dash) else { continue }
            let label = String(text[..<range.lowerBound].trimmingSpaces())
            let rest = String(text[range.upperBound...].trimmingSpaces())
            guard !label.isEmpty, LinePatterns.wordCount(label) <= 4, !rest.isEmpty,
                !split(rest).contains(where: { !isToolName($0) })
            else { return nil }
            return (label, rest)
        }
        return nil
    }

    /// "SQL databases such as PostgreSQL and Snowflake", "Notebooks like Jupyter": the words
    /// before name the category.
    private static func introducedList(_ text: String) -> (label: String, text: String)? {
        for phrase in [" such as ", " like ", " including ", " e.g. ", " e.g., "] {
            guard let range = text.firstRangeFast(of: phrase) else { continue }
            let label = String(text[..<range.lowerBound].trimmingSpaces())
            let rest = String(text[range.upperBound...].trimmingSpaces())
            guard !label.isEmpty, LinePatterns.wordCount(label) <= 4, !label.contains(","), !rest.isEmpty else { return nil }
            return (label.prefix(1).uppercased() + label.dropFirst(), rest)
        }
        return nil
    }

    /// "T for data validation" → (T, "Data validation"), when T is a tool name.
    private static func purposePhrase(_ text: String) -> (tool: String, purpose: String)? {
        guard let range = text.firstRangeFast(of: " for ") else { return nil }
        let tool = String(text[..<range.lowerBound].trimmingSpaces())
        let purpose = text[range.upperBound...].trimmingSpaces()
        guard !tool.contains(","), isToolName(tool), !purpose.isEmpty, LinePatterns.wordCount(String(purpose)) <= 4 else { return nil }
        return (tool, purpose.prefix(1).uppercased() + purpose.dropFirst())
    }

    /// The tools listed in the parentheses right after `name` in `text`, if they are all tool names.
    private static func parenthesisedTools(after name: String, in text: String) -> [String] {
        guard let nameRange = text.firstRangeFast(of: name + " ("), let close = text[nameRange.upperBound...].firstIndex(of: ")") else {
            return []
        }
        let inner = split(String(text[nameRange.upperBound..<close]))
        return inner.count > 1 && inner.allSatisfy(isToolName) ? inner : []
    }

    /// "a, b, or c" / "a, b and c" / "a or b" → [a, b, c].
    static func split(_ list: String) -> [String] {
        var parts: [String] = []
        for piece in list.splitFast(separators: [UInt8(ascii: ","), UInt8(ascii: ";")]) {
            var item = piece.trimmingSpaces()
            for conjunction in ["and ", "or ", "& "] where item.hasPrefixIgnoringCase(conjunction) {
                item = item.dropFirst(conjunction.count).trimmingSpaces()
            }
            let inner = item.componentsFast(separatedBy: " or ").flatMap { $0.componentsFast(separatedBy: " and ") }
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
        if text.isASCIIOnly { return withoutParenthesesASCII(text) }
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { result.append(character) }
        }
        return result.split(separator: " ").joined(separator: " ")
    }

    /// The same on the bytes, in one pass: what is outside parentheses, runs of spaces as one.
    private static func withoutParenthesesASCII(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            String(unsafeUninitializedCapacity: source.count) { output in
                var depth = 0
                var written = 0
                var pendingSpace = false
                for byte in source {
                    if byte == UInt8(ascii: "(") {
                        depth += 1
                    } else if byte == UInt8(ascii: ")") {
                        depth = max(0, depth - 1)
                    } else if depth == 0 {
                        if byte == 0x20 {
                            pendingSpace = true
                            continue
                        }
                        if pendingSpace && written > 0 {
                            output[written] = 0x20
                            written += 1
                        }
                        pendingSpace = false
                        output[written] = byte
                        written += 1
                    }
                }
                return written
            }
        }
    }
}
