/// Role titles: the key they merge on, the aliases they answer to, and how an article names them.
enum RoleNames {
    /// Abbreviations of this field, folded. Keys expand them, aliases are derived from them both ways.
    static let abbreviations: [(short: String, long: String)] = [
        ("ml", "machine learning"), ("ai", "artificial intelligence"), ("dl", "deep learning"),
        ("nlp", "natural language processing"), ("bi", "business intelligence"), ("cv", "computer vision"),
        ("qa", "quality assurance"), ("ux", "user experience"), ("ui", "user interface"),
    ]

    /// The merge key: folded, abbreviations expanded, a plural last word made singular.
    /// "ML Engineers" and "Machine Learning Engineer" share "machine learning engineer".
    static func key(_ title: String) -> String {
        key(folded: TextKey.fold(title))
    }

    private static let shortForms = Set(abbreviations.map(\.short))

    static func key(folded: String) -> String {
        let split = folded.split(separator: " ")
        // Most titles have no abbreviation and no plural: nothing to rebuild.
        if let last = split.last, !last.hasSuffix("s"), !split.contains(where: { shortForms.contains(String($0)) }) {
            return folded
        }
        var words = split.map(String.init)
        if let last = words.last { words[words.count - 1] = singular(last) }
        return expand(words).joined(separator: " ")
    }

    /// `folded` with abbreviations spelled out; returned as is when it has none (the usual case).
    static func expanded(folded: String) -> String {
        let words = folded.split(separator: " ")
        guard words.contains(where: { $0.utf8.count <= 3 && shortForms.contains(String($0)) }) else { return folded }
        return expand(words.map(String.init)).joined(separator: " ")
    }

    static func expand(_ words: [String]) -> [String] {
        words.flatMap { word -> [String] in
            if let entry = abbreviations.first(where: { $0.short == word }) {
                return entry.long.split(separator: " ").map(String.init)
            }
            return [word]
        }
    }

    static func singular(_ word: String) -> String {
        if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is") && word.count > 3 {
            return String(word.dropLast())
        }
        return word
    }

    /// "Data Scientists" → "Data Scientist", keeping the writer's capitalisation.
    static func singularTitle(_ title: String) -> String {
        let start = title.lastIndex(of: " ").map { title.index(after: $0) } ?? title.startIndex
        let last = title[start...]
        let lower = last.lowercased()
        if lower.hasSuffix("ies") && lower.count > 4 { return title[..<start] + last.dropLast(3) + "y" }
        if singular(lower) != lower { return String(title.dropLast()) }
        return title
    }

    /// Other names of a role, derived by rule: each known long form abbreviated ("Lead Machine
    /// Learning Engineer" → "Lead ML Engineer") and each abbreviation spelled out ("AI Scientist" →
    /// "Artificial Intelligence Scientist").
    static func aliases(of title: String) -> [String] {
        let words = title.split(separator: " ").map(String.init)
        var aliases: [String] = []
        var abbreviated = words
        var spelledOut = words
        for (short, long) in abbreviations {
            let longWords = long.split(separator: " ").map(String.init)
            abbreviated = replacing(longWords, with: [short.uppercased()], in: abbreviated)
            spelledOut = replacing([short], with: longWords.map(capitalised), in: spelledOut)
        }
        for candidate in [abbreviated, spelledOut] where candidate != words {
            aliases.append(candidate.joined(separator: " "))
        }
        // "ML Engineer" is also written "MLE" (and "Lead MLE").
        let short = abbreviated.joined(separator: " ")
        if let range = short.range(of: "ML Engineer") {
            aliases.append(short.replacingCharacters(in: range, with: "MLE"))
        }
        var seen: Set<String> = [key(title) + "|" + TextKey.fold(title)]
        return aliases.filter { seen.insert(key($0) + "|" + TextKey.fold($0)).inserted }
    }

    private static func replacing(_ target: [String], with replacement: [String], in words: [String]) -> [String] {
        guard !target.isEmpty, words.count >= target.count else { return words }
        var result: [String] = []
        var index = 0
        while index < words.count {
            let end = index + target.count
            if end <= words.count && zip(words[index..<end], target).allSatisfy({ TextKey.fold($0) == TextKey.fold($1) }) {
                result += replacement
                index = end
            } else {
                result.append(words[index])
                index += 1
            }
        }
        return result
    }

    private static func capitalised(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    /// "Deep Learning Engineer vs. Lead Machine Learning Engineer" → both titles. A trailing
    /// ": A Detailed Comparison" or " – Which …" is not part of the second title.
    static func rolesFromTitle(_ title: String) -> [String] {
        var text = Substring(title)
        if let colon = text.firstIndex(of: ":") { text = text[..<colon] }
        for dash in [" – ", " — ", " - ", " | "] {
            if let range = text.range(of: dash) { text = text[..<range.lowerBound] }
        }
        let words = text.split(separator: " ")
        var parts: [[Substring]] = [[]]
        for word in words {
            let folded = word.lowercased()
            if folded == "vs." || folded == "vs" || folded == "versus" || folded == "v." || folded == "vs:" {
                parts.append([])
            } else {
                parts[parts.count - 1].append(word)
            }
        }
        let names = parts.map { $0.joined(separator: " ").trimmingSpaces() }.filter { !$0.isEmpty }.map(String.init)
        return names.count >= 2 ? names : []
    }
}

/// Finds an article's roles in its lines, by merge key, so that "ML Engineers" finds
/// "Machine Learning Engineer" and "Lead Machine Learning Engineer" is not taken for the shorter
/// title it contains.
struct RoleMatcher {
    let titles: [String]
    private let keys: [String]

    init(titles: [String]) {
        self.titles = titles
        self.keys = titles.map { RoleNames.key($0) }
    }

    /// The role a whole line names ("Data Scientist", "Data Scientists:", "The Data Scientist").
    func exactRole(_ line: String) -> Int? {
        line.count <= 120 ? exactRole(folded: TextKey.fold(line)) : nil
    }

    func exactRole(folded: String) -> Int? {
        guard folded.utf8.count <= 120 else { return nil }
        var key = RoleNames.key(folded: folded)
        for article in ["a ", "an ", "the ", "for a ", "for an ", "for the "] where key.hasPrefix(article) {
            key = String(key.dropFirst(article.count))
        }
        for suffix in [" role", " position"] where key.hasSuffix(suffix) { key = String(key.dropLast(suffix.count)) }
        return keys.firstIndex(of: key)
    }

    /// The role mentioned first in a text; at one position the longest title wins.
    func earliestMention(in text: String) -> Int? {
        earliestMention(folded: TextKey.fold(text))
    }

    func earliestMention(folded: String) -> Int? {
        let padded = " " + RoleNames.expanded(folded: folded) + " "
        var best: (index: Int, position: Int, length: Int)?
        for (index, key) in keys.enumerated() where !key.isEmpty {
            for variant in [" " + key + " ", " " + key + "s "] {
                guard let position = TextKey.offset(of: variant, in: padded) else { continue }
                if let current = best, current.position < position || (current.position == position && current.length >= key.count) {
                    continue
                }
                best = (index, position, key.count)
            }
        }
        return best?.index
    }
}
