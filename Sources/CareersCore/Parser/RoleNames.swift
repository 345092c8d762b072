/// Role titles: the key they merge on, the aliases they answer to, and how an article names them.
enum RoleNames {
    /// Abbreviations of this field, folded. Keys expand them, aliases are derived from them both ways.
    static let abbreviations: [(short: String, long: String)] = [
        ("ml", "machine learning"), ("ai", "artificial intelligence"), ("dl", "deep learning"),
        ("nlp", "natural language processing"), ("bi", "business intelligence"), ("cv", "computer vision"),
        ("qa", "quality assurance"), ("ux", "user experience"), ("ui", "user interface"),
    ]

    /// Seniority spellings that only expand (a "Senior Data Scientist" is not also called "SR …").
    static let seniorityAbbreviations: [(short: String, long: String)] = [("sr", "senior"), ("jr", "junior")]

    static let expansions = abbreviations + seniorityAbbreviations

    /// "Gen AI" and "GenAI" are "Generative AI". Only expanded (an alias "Gen Artificial
    /// Intelligence Engineer" is written by nobody), and "gen" only before "ai" ("Gen Z" stays).
    static let generativeShortForms: Set<String> = ["gen", "genai"]

    /// The merge key: folded, abbreviations expanded, a plural last word made singular.
    /// "ML Engineers" and "Machine Learning Engineer" share "machine learning engineer".
    static func key(_ title: String) -> String {
        key(folded: TextKey.fold(title))
    }

    static let shortForms = Set(expansions.map(\.short)).union(generativeShortForms)

    static func key(folded: String) -> String {
        keyOfPlainASCII(folded) ?? keyByWords(folded)
    }

    /// `key(folded:)` word by word, on Strings: the definition. `keyOfPlainASCII` answers the same
    /// on the bytes for the ASCII text that needs no context (nearly every line); tests hold the two
    /// to the same answers.
    static func keyByWords(_ folded: String) -> String {
        let split = folded.split(separator: " ")
        // Most titles have no abbreviation and no plural: nothing to rebuild.
        if let last = split.last, !last.hasSuffix("s"),
            !split.contains(where: { shortForms.contains(String($0)) || $0 == "ops" || $0 == "operations" || $0 == "operation" }) {
            return folded
        }
        var words = joiningOps(split.map(String.init))
        if let last = words.last { words[words.count - 1] = singularByCharacters(last) }
        return expand(words).joined(separator: " ")
    }

    /// "ML Ops", "Dev Ops", "Data Ops" are "MLOps", "DevOps", "DataOps" written apart: "ops" joins
    /// the word before it, before abbreviations are expanded ("ml ops" is not "machine learning ops").
    private static func joiningOps(_ words: [String]) -> [String] {
        guard words.count > 1, words.dropFirst().contains("ops") else { return words }
        var result: [String] = []
        for word in words {
            if word == "ops", let previous = result.last { result[result.count - 1] = previous + "ops" } else { result.append(word) }
        }
        return result
    }

    /// A role's id, a function of its merge key alone (so it never depends on which spelling a
    /// corpus uses most): the key with each abbreviation in one declared form, as a slug.
    /// "machine learning engineer" → "machine-learning-engineer" whether the articles say "ML
    /// Engineer" or not; "artificial intelligence scientist" → "ai-scientist".
    static func id(key: String) -> String {
        var words = key.split(separator: " ").map(String.init)
        for (short, long) in abbreviations where shortInIDs.contains(short) {
            words = replacing(long.split(separator: " ").map(String.init), with: [short], in: words)
        }
        return TextKey.slug(words.joined(separator: " "))
    }

    /// Abbreviations kept short in ids, as the field writes them; the others are spelled out.
    private static let shortInIDs: Set<String> = ["ai", "nlp", "bi", "qa", "ux", "ui"]

    /// `folded` with abbreviations spelled out; returned as is when it has none (the usual case).
    /// ASCII text whose only context-free change is its short forms ("ai engineers build …") is
    /// rebuilt on the bytes: splitting it into Strings cost tens of thousands of instructions a line.
    static func expanded(folded: String) -> String {
        if let plain = PlainWords(folded), !plain.hasOpsApart, !plain.hasGenerative, !plain.hasOperations {
            return plain.hasShortForm ? rebuiltASCII(folded, singularLast: false) : folded
        }
        return expandedByWords(folded)
    }

    /// `expanded(folded:)` word by word: the definition the byte check above short-cuts.
    static func expandedByWords(_ folded: String) -> String {
        let words = folded.split(separator: " ")
        guard words.contains(where: { ($0.utf8.count <= 5 && (shortForms.contains(String($0)) || $0 == "ops")) || $0 == "operations" || $0 == "operation" })
        else { return folded }
        return expand(joiningOps(words.map(String.init))).joined(separator: " ")
    }

    /// How many short forms a title uses ("Gen AI Engineer" and "GenAI Engineer": 2).
    static func shortFormCount(_ title: String) -> Int {
        TextKey.fold(title).split(separator: " ").reduce(0) { count, word in
            count + (word == "genai" ? 2 : shortForms.contains(String(word)) ? 1 : 0)
        }
    }

    static func expand(_ words: [String]) -> [String] {
        contractingMLOps(expandingShortForms(words))
    }

    /// "Machine Learning Operations" (or "ML Operations") is "MLOps", the form the field and
    /// the role's id use; contracted after expansion so every spelling meets at "mlops".
    private static func contractingMLOps(_ words: [String]) -> [String] {
        guard words.count >= 3, words.contains(where: { $0 == "operations" || $0 == "operation" }) else { return words }
        var result: [String] = []
        for word in words {
            if word == "operations" || word == "operation", result.count >= 2, result[result.count - 2] == "machine",
                result[result.count - 1] == "learning" {
                result.removeLast(2)
                result.append("mlops")
            } else {
                result.append(word)
            }
        }
        return result
    }

    private static func expandingShortForms(_ words: [String]) -> [String] {
        words.indices.flatMap { index -> [String] in
            let word = words[index]
            if let entry = expansions.first(where: { $0.short == word }) {
                return entry.long.split(separator: " ").map(String.init)
            }
            if word == "genai" { return ["generative", "artificial", "intelligence"] }
            if word == "gen", index + 1 < words.count, words[index + 1] == "ai" { return ["generative"] }
            return [word]
        }
    }

    /// Only the plurals of words for people are made singular: "Data Scientists", "Leads",
    /// "Actuaries", but not "DevOps", "Analytics", "Data Services" or "Sales", which have no
    /// singular in a title.
    static func singular(_ word: String) -> String {
        if let (keep, appendY) = word.utf8.withContiguousStorageIfAvailable({ bytes in
            ByteSearch.isASCII(bytes) ? singularASCII(bytes[...]) : nil
        }) ?? nil {
            guard keep != word.utf8.count || appendY else { return word }
            return String(decoding: word.utf8.prefix(keep), as: UTF8.self) + (appendY ? "y" : "")
        }
        return singularByCharacters(word)
    }

    /// `singular` on Characters: the definition `singularASCII` follows on bytes.
    static func singularByCharacters(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !neverPlural.contains(where: { word.hasSuffix($0) }) else { return word }
        if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
        let stem = word.dropLast()
        return personSuffixes.contains(where: { stem.hasSuffix($0) }) ? String(stem) : word
    }

    static let neverPlural = ["ss", "us", "is", "ops", "ics", "ices"]
    /// Endings of nouns for people: engineer, director, scientist, analyst, statistician,
    /// consultant, student, architect, lead, steward, executive, associate, trainee, expert, intern, chief.
    static let personSuffixes = ["er", "or", "ist", "yst", "ian", "ant", "ent", "ect", "ead", "ard", "ive", "ate", "ee", "ert", "ern", "ief"]

    /// "Data Scientists" → "Data Scientist", keeping the writer's capitalisation.
    static func singularTitle(_ title: String) -> String {
        let start = title.lastIndex(of: " ").map { title.index(after: $0) } ?? title.startIndex
        let last = title[start...]
        let lower = last.lowercased()
        guard singular(lower) != lower else { return title }
        return lower.hasSuffix("ies") ? title[..<start] + last.dropLast(3) + "y" : String(title.dropLast())
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
        // "Gen AI Engineer", "GenAI Engineer" → "Generative AI Engineer" (found by "generative").
        var generative: [String] = []
        for (index, word) in words.enumerated() {
            let folded = TextKey.fold(word)
            if folded == "genai" {
                generative += ["Generative", "AI"]
            } else if folded == "gen", index + 1 < words.count, TextKey.fold(words[index + 1]) == "ai" {
                generative.append("Generative")
            } else {
                generative.append(word)
            }
        }
        // "Machine Learning Operations Engineer", "ML Operations Engineer" → "MLOps Engineer".
        var mlops: [String] = []
        for word in abbreviated {
            if TextKey.fold(word).hasPrefix("operation"), let previous = mlops.last, previous == "ML" {
                mlops[mlops.count - 1] = "MLOps"
            } else {
                mlops.append(word)
            }
        }
        for candidate in [abbreviated, spelledOut, generative, mlops] where candidate != words {
            let alias = candidate.joined(separator: " ")
            // "ML Ops Engineer" is not "Machine Learning Ops Engineer": an alias must merge with its title.
            if candidate == spelledOut && key(alias) != key(title) { continue }
            aliases.append(alias)
        }
        // "ML Engineer" is also written "MLE" (and "Lead MLE").
        let short = abbreviated.joined(separator: " ")
        // Only for the word "ML": "AI/ML Engineer" is not "AI/MLE".
        if let range = short.firstRangeFast(of: "ML Engineer"), range.lowerBound == short.startIndex || short[short.index(before: range.lowerBound)] == " " {
            aliases.append(short[..<range.lowerBound] + "MLE" + short[range.upperBound...])
        }
        var seen: Set<String> = [key(title) + "|" + TextKey.fold(title)]
        return aliases.filter { seen.insert(key($0) + "|" + TextKey.fold($0)).inserted }
    }

    /// The names an article's body may use for a role besides its title: its aliases ("Lead
    /// MLE"), its title without a qualifier in parentheses ("Data Engineer (Big Data)" → "Data
    /// Engineer"), and — as a whole line only, and when no other role of the article has that
    /// name — without its seniority ("Senior Data Scientist" → "Data Scientist"). `inProse`:
    /// whether a mention inside a sentence counts too.
    static func bodyNames(of title: String, among titles: [String]) -> [(text: String, inProse: Bool)] {
        // Of the aliases, only "MLE" has a key of its own: the others expand to the title's key
        // (that is how they are derived), so they match already.
        let titleKey = key(title)
        var names: [(text: String, inProse: Bool)] = []
        if titleKey.hasSuffix("machine learning engineer") {
            names.append((String(titleKey.dropLast("machine learning engineer".count)) + "mle", true))
        }
        var plain = title
        if title.containsByte(UInt8(ascii: "(")) {
            plain = String(ToolList.withoutParentheses(title).trimmingSpaces())
            if plain != title, !plain.isEmpty { names.append((plain, true)) }
        }
        let unqualified = withoutSeniority(plain)
        guard unqualified != plain else { return names }
        let unqualifiedKey = key(unqualified)
        let taken = titles.contains { $0 != title && (key($0) == unqualifiedKey || key(withoutSeniority($0)) == unqualifiedKey) }
        if !taken { names.append((unqualified, false)) }
        return names
    }

    /// Whether a short line reads as some role's name ("Big Data Engineer", "Quant Researchers"):
    /// at most five words in Title Case, no sentence, the last word a noun for a person.
    static func looksLikeRoleTitle(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...5).contains(words.count), !LinePatterns.endsSentence(text), !text.contains(":"),
            text.unicodeScalars.first.map({ $0.properties.isUppercase }) == true, LinePatterns.isTitleCase(text),
            let last = words.last
        else { return false }
        let noun = singular(TextKey.fold(String(last)))
        return noun.count > 3 && personSuffixes.contains { noun.hasSuffix($0) }
    }

    /// "Senior Data Scientist" → "Data Scientist"; titles without a seniority word unchanged.
    private static func withoutSeniority(_ title: String) -> String {
        let words = title.splitFast(separators: [0x20])
        guard words.count > 2, let first = words.first, seniorityWords.contains(TextKey.fold(String(first))) else { return title }
        return words.dropFirst().joined(separator: " ")
    }

    private static let seniorityWords: Set<String> = ["senior", "sr", "lead", "principal", "staff", "junior", "jr", "chief", "head"]

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
    /// ": A Detailed Comparison" or " – Which …", a parenthesis ("(2025)", "(DS)") and a trailing
    /// year ("in 2025") are not part of a title. " or " separates only when the caller has
    /// checked the parts against the body (`allowOr`), since "or" also occurs inside titles.
    static func rolesFromTitle(_ title: String, allowOr: Bool = false) -> [String] {
        var text = Substring(title)
        if let colon = text.firstIndex(of: ":") { text = text[..<colon] }
        for dash in [" – ", " — ", " - ", " | "] {
            if let range = text.firstRangeFast(of: dash) { text = text[..<range.lowerBound] }
        }
        let words = ToolList.withoutParentheses(String(text)).splitFast(separators: [0x20])
        var parts: [[Substring]] = [[]]
        for word in words {
            let folded = word.lowercased()
            if separators.contains(folded) || (allowOr && folded == "or") {
                parts.append([])
            } else {
                parts[parts.count - 1].append(word)
            }
        }
        let names = parts.map(withoutTrailingYear).map { $0.joined(separator: " ").trimmingSpaces() }
            .filter { !$0.isEmpty }.map(String.init)
        return names.count >= 2 ? names : []
    }

    private static let separators: Set<String> = ["vs.", "vs", "versus", "v.", "v", "vs:"]

    /// "Data Analyst in 2025" → "Data Analyst"; also "for 2025", "2025", and a final "?" or ".".
    private static func withoutTrailingYear(_ words: [Substring]) -> [Substring] {
        var words = words
        if var last = words.last {
            while let character = last.last, "?!.,;".contains(character) { last = last.dropLast() }
            if last.isEmpty { words.removeLast() } else { words[words.count - 1] = last }
        }
        guard let last = words.last, last.count == 4, last.allSatisfy(\.isNumber), last.hasPrefix("19") || last.hasPrefix("20")
        else { return words }
        words.removeLast()
        if let preposition = words.last, ["in", "for", "of"].contains(preposition.lowercased()) { words.removeLast() }
        return words
    }
}

/// Finds an article's roles in its lines, by merge key, so that "ML Engineers" finds
/// "Machine Learning Engineer" and "Lead Machine Learning Engineer" is not taken for the shorter
/// title it contains.
struct RoleMatcher {
    let titles: [String]
    /// Every name a role answers to, by merge key: its title's key first, then the other names
    /// an article's body may use (`RoleNames.bodyNames`). `role` is the index into `titles`.
    private let entries: [(role: Int, key: String, mentionable: Bool)]
    /// Each entry's key as bytes, compared with group lines' keys (`role(ofGroupLineKey:)`).
    private let entryKeyBytes: [[UInt8]]
    /// Each entry's key length in Characters, which breaks ties between mentions at one place.
    private let keyCharacterCounts: [Int]
    /// The last word of each entry's key (`mayBeEntryKey`).
    private let entryLastWordBytes: [[UInt8]]
    /// " key " and " keys " per entry, built once rather than on every line searched.
    private let variants: [[String]]
    /// A line of more words than this cannot be a role line (see `exactRole(folded:)`).
    private let maxLineWords: Int

    init(titles: [String]) {
        self.titles = titles
        var entries: [(role: Int, key: String, mentionable: Bool)] = titles.enumerated().map { ($0.offset, RoleNames.key($0.element), true) }
        for (role, title) in titles.enumerated() {
            for name in RoleNames.bodyNames(of: title, among: titles) {
                let key = RoleNames.key(name.text)
                guard !key.isEmpty, !entries.contains(where: { $0.key == key }) else { continue }
                entries.append((role, key, name.inProse))
            }
        }
        self.entries = entries
        self.entryKeyBytes = entries.map { Array($0.key.utf8) }
        self.entryLastWordBytes = entryKeyBytes.map { key in Array(key.split(separator: 0x20, omittingEmptySubsequences: false).last ?? []) }
        self.variants = entries.map { [" " + $0.key + " ", " " + $0.key + "s "] }
        // A key has at least as many words as the text it is made from (singulars keep the count,
        // expansions add words), and the stripping below removes at most seven (five prefixes,
        // two suffixes).
        self.maxLineWords = (entries.map { $0.key.splitFast(separators: [0x20]).count }.max() ?? 0) + 7
        self.keyCharacterCounts = entries.map { $0.key.count }
    }

    /// The role a whole line names ("Data Scientist", "Data Scientists:", "The Data Scientist").
    func exactRole(_ line: String) -> Int? {
        line.count <= 120 ? exactRole(folded: TextKey.fold(line)) : nil
    }

    /// The role a whole article line names.
    func exactRole(line: ArticleLine) -> Int? {
        if let role = exactRole(folded: line.folded) { return role }
        // "Data Engineer (Big Data)": the role named with a qualifier in parentheses (a sentence
        // with a parenthesis has too many words to be one: known before anything is built).
        guard line.text.utf8.count <= 120, line.text.containsByte(UInt8(ascii: "(")),
            RoleNames.asciiWordCount(line.folded).map({ $0 <= maxLineWords + 4 }) ?? true
        else { return nil }
        return exactRole(folded: TextKey.fold(ToolList.withoutParentheses(line.text)))
    }

    func exactRole(folded: String) -> Int? {
        guard folded.utf8.count <= 120 else { return nil }
        // Most lines are sentences: too many words to be a role's name, known without the key.
        if let words = RoleNames.asciiWordCount(folded), words > maxLineWords { return nil }
        if mayBeEntryKey(folded), let role = role(ofGroupLineKey: RoleNames.key(folded: folded)) { return role }
        // "Data Engineer (DE)", "ML Engineer (MLE)": the group line repeats the title's form with its
        // abbreviation (the fold dropped the parentheses). Only a last word made of the initials of
        // the words before it is dropped, so "Data Engineer Intern" stays another role.
        guard let cut = RoleMatcher.initialsSuffixStart(folded) else { return nil }
        return exactRole(folded: String(folded[..<cut]))
    }

    /// Whether the key of `folded`, once a group line's words are dropped, may be an entry's key;
    /// false only where the bytes prove it cannot, before the key is built. The key of ASCII text
    /// ends with the singular of its last word, unless that word is spelled out (a short form: 3
    /// bytes at most, or "genai"), joined or contracted ("ml ops", "machine learning operations");
    /// and the group-line words dropped at the end are only "role" and "position". Otherwise an
    /// entry's key must end with that same word.
    private func mayBeEntryKey(_ folded: String) -> Bool {
        folded.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard ByteSearch.isASCII(bytes) else { return true }
            var end = bytes.count
            while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
            var start = end
            while start > 0 && bytes[start - 1] != 0x20 { start -= 1 }
            let word = bytes[start..<end]
            if Self.contextualLastWords.contains(where: { word.elementsEqual($0) }) { return true }
            let (keep, appendY) = RoleNames.singularASCII(word)
            let length = keep + (appendY ? 1 : 0)
            if length <= 3 { return true }
            return entryLastWordBytes.contains { last in
                last.count == length && last.prefix(keep).elementsEqual(word.prefix(keep)) && (!appendY || last[keep] == UInt8(ascii: "y"))
            }
        } ?? true
    }

    /// Last words whose key word depends on the words around them, or that a group line drops.
    private static let contextualLastWords = ["role", "position", "ops", "operation", "operations", "genai"].map { Array($0.utf8) }

    /// The role whose key `key` is once the words of a group line around it are dropped: "For Data
    /// Analysts", "As a Data Analyst", "The Data Scientist", "Data Scientist Role". ASCII keys
    /// (nearly every line) are stripped and compared on the bytes, without building the Strings:
    /// an ASCII key's Characters are its bytes, and no folded entry key equals it unless byte for byte.
    private func role(ofGroupLineKey key: String) -> Int? {
        var key = key
        let onBytes = key.withUTF8 { bytes -> Int?? in
            guard ByteSearch.isASCII(bytes) else { return nil }
            var low = 0
            var high = bytes.count
            for prefix in Self.groupPrefixBytes where high - low >= prefix.count && bytes[low..<low + prefix.count].elementsEqual(prefix) {
                low += prefix.count
            }
            for suffix in Self.groupSuffixBytes where high - low >= suffix.count && bytes[high - suffix.count..<high].elementsEqual(suffix) {
                high -= suffix.count
            }
            let stripped = bytes[low..<high]
            return .some(entryKeyBytes.firstIndex { $0.elementsEqual(stripped) }.map { entries[$0].role })
        }
        if let onBytes { return onBytes }
        for prefix in Self.groupPrefixes where key.hasPrefix(prefix) { key = String(key.dropFirst(prefix.count)) }
        for suffix in Self.groupSuffixes where key.hasSuffix(suffix) { key = String(key.dropLast(suffix.count)) }
        return entries.first(where: { $0.key == key })?.role
    }

    /// Dropped in this order, each at most once.
    private static let groupPrefixes = ["for ", "as ", "a ", "an ", "the "]
    private static let groupSuffixes = [" role", " position"]
    private static let groupPrefixBytes = groupPrefixes.map { Array($0.utf8) }
    private static let groupSuffixBytes = groupSuffixes.map { Array($0.utf8) }

    /// Where the space before a last word that abbreviates the words before it starts ("data
    /// engineer de", "ml engineer mle": each word gives its initial, or itself when it is a known
    /// short form), or nil. Works on the bytes: every short line asks.
    static func initialsSuffixStart(_ folded: String) -> String.Index? {
        let utf8 = folded.utf8
        // The same first checks on the buffer, without the view's index arithmetic.
        let mayBe = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let space = bytes.lastIndex(of: 0x20) else { return false }
            guard (2...6).contains(bytes.count - space - 1), bytes[0] == bytes[space + 1] else { return false }
            return bytes[(space + 1)...].allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        }
        if mayBe == false { return nil }
        guard let space = utf8.lastIndex(of: 0x20) else { return nil }
        let abbreviation = utf8[utf8.index(after: space)...]
        // The first letters agree, or it cannot be: most lines stop here, before any array is made.
        guard (2...6).contains(abbreviation.count), utf8.first == abbreviation.first,
            abbreviation.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A })
        else { return nil }
        let words = utf8[..<space].split(separator: 0x20)
        guard words.count >= 2, words.count <= abbreviation.count else { return nil }
        /// Whether words[wordIndex...] spell abbreviation[from...].
        func spells(_ wordIndex: Int, _ from: String.UTF8View.Index) -> Bool {
            guard wordIndex < words.count else { return from == abbreviation.endIndex }
            guard from < abbreviation.endIndex else { return false }
            let word = words[wordIndex]
            if word.count <= 3, RoleNames.shortForms.contains(String(decoding: word, as: UTF8.self)),
                abbreviation[from...].starts(with: word), spells(wordIndex + 1, utf8.index(from, offsetBy: word.count)) {
                return true
            }
            return word.first == abbreviation[from] && spells(wordIndex + 1, utf8.index(after: from))
        }
        return spells(0, abbreviation.startIndex) ? space : nil
    }

    /// `folded` (abbreviations spelled out) without the first mention of role `index`.
    func removingMention(of index: Int, from folded: String) -> String {
        let padded = " " + RoleNames.expanded(folded: folded) + " "
        for (entry, variants) in zip(entries, variants) where entry.role == index {
            for variant in variants {
                guard let range = padded.firstRangeFast(of: variant) else { continue }
                return String((padded[..<range.lowerBound] + " " + padded[range.upperBound...]).trimmingSpaces())
            }
        }
        return folded
    }

    /// The role `folded` starts with ("data engineers build …"), the longest title if several.
    func mentionAtStart(folded: String) -> Int? {
        let padded = " " + RoleNames.expanded(folded: folded) + " "
        var best: (index: Int, length: Int)?
        for entry in entries where entry.mentionable && !entry.key.isEmpty && entry.key.utf8.count > (best?.length ?? 0) {
            if padded.hasPrefix(" " + entry.key + " ") || padded.hasPrefix(" " + entry.key + "s ") { best = (entry.role, entry.key.utf8.count) }
        }
        return best?.index
    }

    /// The role mentioned first in a text; at one position the longest title wins.
    func earliestMention(in text: String) -> Int? {
        earliestMention(folded: TextKey.fold(text))
    }

    func earliestMention(folded: String) -> Int? {
        // " key " and " keys " are looked for in " text " without building either: the key's
        // bytes in the text, with a space or an end on each side (`mentionOffset`).
        var text = RoleNames.expanded(folded: folded)
        return text.withUTF8 { bytes -> Int? in
            var best: (index: Int, position: Int, length: Int)?
            for (offset, entry) in entries.enumerated() where entry.mentionable && !entry.key.isEmpty {
                for plural in [false, true] {
                    guard let position = Self.mentionOffset(of: entryKeyBytes[offset], plural: plural, in: bytes) else { continue }
                    let length = keyCharacterCounts[offset]
                    if let current = best, current.position < position || (current.position == position && current.length >= length) {
                        continue
                    }
                    best = (entry.role, position, length)
                }
            }
            return best?.index
        }
    }

    /// The offset of " key " (" keys " when `plural`) in " " + text + " ", which is the key's
    /// offset in `text`: the first place the key's bytes are, after the start or a space, and
    /// before the end or a space (after its "s").
    static func mentionOffset(of key: [UInt8], plural: Bool, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        key.withUnsafeBufferPointer { pattern -> Int? in
            var from = 0
            while let at = ByteSearch.offset(of: pattern, in: text, from: from) {
                var end = at + pattern.count
                if plural {
                    end += 1
                    guard end <= text.count, text[end - 1] == UInt8(ascii: "s") else {
                        from = at + 1
                        continue
                    }
                }
                if at == 0 || text[at - 1] == 0x20, end == text.count || text[end] == 0x20 { return at }
                from = at + 1
            }
            return nil
        }
    }
}

// MARK: The byte fast path

/// `key(folded:)` and `singular` on the UTF-8 bytes of ASCII text (nearly every line): the same
/// words, singular and expansions as `keyByWords`, without splitting into Strings, hashing each
/// word and joining them again, which cost a fifth of parsing. Other text, and ASCII text whose
/// key depends on context ("ml ops", "gen ai", "operations"), takes `keyByWords`, so its word
/// boundaries stay those of `split`.
extension RoleNames {
    /// The key of ASCII `folded` when the bytes decide it alone, else nil (`keyByWords` decides).
    static func keyOfPlainASCII(_ folded: String) -> String? {
        guard let plain = PlainWords(folded), !plain.hasOpsApart, !plain.hasGenerative, !plain.hasOperations else { return nil }
        guard plain.hasWords else { return "" }
        return plain.hasShortForm || plain.endsInS ? rebuiltASCII(folded, singularLast: true) : folded
    }

    /// What `key(folded:)` and `expanded(folded:)` need to know to return ASCII text unchanged,
    /// read off the bytes in one pass.
    struct PlainWords {
        var hasWords = false
        var hasShortForm = false
        /// The last word ends in "s" (it may be a plural).
        var endsInS = false
        /// A word after the first is "ops" ("ML Ops"): the String path joins it to the word before.
        var hasOpsApart = false
        /// A word is "gen" or "genai": expanded by context, on the String path (rare).
        var hasGenerative = false
        /// A word is "operations" or "operation" ("Machine Learning Operations" is "MLOps"): the
        /// String path contracts it.
        var hasOperations = false

        /// Nil for text that is not all ASCII.
        init?(_ text: String) {
            guard let read = text.utf8.withContiguousStorageIfAvailable({ PlainWords(bytes: $0) }) ?? nil else { return nil }
            self = read
        }

        private init() {}

        private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> PlainWords? {
            var result = PlainWords()
            var wordStart = 0
            for index in 0...bytes.count {
                let byte: UInt8 = index < bytes.count ? bytes[index] : 0x20
                if byte >= 0x80 { return nil }
                guard byte == 0x20 else { continue }
                let length = index - wordStart
                if length > 0 {
                    result.hasWords = true
                    result.endsInS = bytes[index - 1] == UInt8(ascii: "s")
                    if length <= 3 {
                        var packed: UInt32 = 0
                        for offset in wordStart..<index { packed = packed << 8 | UInt32(bytes[offset]) }
                        if packedShortForms.contains(packed) { result.hasShortForm = true }
                        if packed == packedOps && wordStart > 0 { result.hasOpsApart = true }
                        if packed == packedGen { result.hasGenerative = true }
                    } else if length == 5, bytes[wordStart..<index].elementsEqual(genaiBytes) {
                        result.hasGenerative = true
                    } else if length >= 9, bytes[wordStart..<index].starts(with: operationBytes), length == 9 || bytes[index - 1] == UInt8(ascii: "s") && length == 10 {
                        result.hasOperations = true
                    }
                }
                wordStart = index + 1
            }
            return result
        }

        private init?(bytes: UnsafeBufferPointer<UInt8>) {
            guard let read = Self.read(bytes) else { return nil }
            self = read
        }
    }

    private static let packedOps: UInt32 = 0x6F_70_73
    private static let packedGen: UInt32 = 0x67_65_6E
    private static let genaiBytes = Array("genai".utf8)
    private static let operationBytes = Array("operation".utf8)

    /// The short forms as their bytes packed big-endian into an integer ("ml" → 0x6D6C).
    static let packedShortForms: [UInt32] = shortForms.filter { $0.utf8.count <= 3 }.map { $0.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

    /// The number of words `split(separator: " ")` finds in ASCII text; nil for other text.
    static func asciiWordCount(_ text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var count = 0
            var previous: UInt8 = 0x20
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte != 0x20 && previous == 0x20 { count += 1 }
                previous = byte
            }
            return count
        } ?? nil
    }

    /// Each abbreviation's long form as bytes, by its packed short form.
    private static let packedExpansions: [(short: UInt32, long: [UInt8])] = expansions.map { entry in
        (entry.short.utf8.reduce(0) { $0 << 8 | UInt32($1) }, Array(entry.long.utf8))
    }

    private static let neverPluralBytes = neverPlural.map { Array($0.utf8) }
    private static let personSuffixBytes = personSuffixes.map { Array($0.utf8) }

    /// ASCII `folded` rebuilt word by word: abbreviations spelled out, the last word made singular
    /// when `singularLast` (the key of text that has words), joined by single spaces.
    static func rebuiltASCII(_ folded: String, singularLast: Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(folded.utf8.count + 32)
        folded.utf8.withContiguousStorageIfAvailable { bytes in
            var words: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
                if index > start { words.append(start..<index) }
                start = index + 1
            }
            for (position, range) in words.enumerated() {
                var word = bytes[range]
                var appendY = false
                if singularLast, position == words.count - 1 {
                    let (keep, y) = singularASCII(word)
                    word = word.prefix(keep)
                    appendY = y
                }
                if position > 0 { output.append(0x20) }
                var packed: UInt32 = 0
                if word.count + (appendY ? 1 : 0) <= 3 {
                    for byte in word { packed = packed << 8 | UInt32(byte) }
                    if appendY { packed = packed << 8 | UInt32(UInt8(ascii: "y")) }
                }
                if packed != 0, let expansion = packedExpansions.first(where: { $0.short == packed }) {
                    output += expansion.long
                } else {
                    output += word
                    if appendY { output.append(UInt8(ascii: "y")) }
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `singular` of an ASCII word: how many of its bytes to keep, and whether a "y" follows.
    static func singularASCII(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> (keep: Int, appendY: Bool) {
        let count = word.count
        /// Whether the word's first `length` bytes end with `suffix`.
        func hasSuffix(_ suffix: [UInt8], length: Int) -> Bool {
            guard length >= suffix.count else { return false }
            let base = word.startIndex + length - suffix.count
            return suffix.indices.allSatisfy { word[base + $0] == suffix[$0] }
        }
        guard count > 3, word.last == UInt8(ascii: "s"), !neverPluralBytes.contains(where: { hasSuffix($0, length: count) })
        else { return (count, false) }
        if count > 4 && hasSuffix(iesBytes, length: count) { return (count - 3, true) }
        return personSuffixBytes.contains(where: { hasSuffix($0, length: count - 1) }) ? (count - 1, false) : (count, false)
    }

    private static let iesBytes = Array("ies".utf8)
}
