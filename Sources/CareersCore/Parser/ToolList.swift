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
        if let tools = listedTools(text, category: givenCategory, source: source) { return tools }
        return describedTool(text, category: givenCategory, source: source)
    }

    /// "Excel: The go-to tool for pivot tables.", "Weights & Biases – for experiment tracking": one
    /// tool and a sentence about it. Tried after the list forms, so "Frameworks: PyTorch, JAX" keeps
    /// its category; a label that is a kind of tool ("Version control: essential for …") is not one.
    private static func describedTool(_ text: String, category: String?, source: String) -> [ToolItem]? {
        guard let (name, description) = LinePatterns.label(text) ?? dashSplit(text) else { return nil }
        let words = TextKey.fold(name).split(separator: " ")
        let listed = split(withoutTrailingPeriod(description))
        guard isToolName(name), LinePatterns.wordCount(description) >= 2,
            name.unicodeScalars.first.map({ !($0.properties.isLowercase) }) == true,
            !words.allSatisfy(isCategoryWord), !isSentenceCase(name),
            // "CAD: SolidWorks, Fusion 360, etc.": a category before a list the list forms missed.
            !(listed.count > 1 && listed.first.map(isToolName) == true)
        else { return nil }
        var names = [name]
        // "… with libraries like pandas and scikit-learn.": tools the description names.
        for phrase in [" such as ", " like ", " including ", " e.g. "] {
            guard let range = description.firstRangeFast(of: phrase) else { continue }
            let more = split(withoutTrailingPeriod(String(description[range.upperBound...])))
            if !more.isEmpty && more.allSatisfy(isToolName) { names += more }
            break
        }
        return names.map { ToolItem(name: $0, category: category, sources: [source]) }
    }

    /// "Version control", "Experiment tracking": a capital only on the first of several words is
    /// how the site writes a kind of tool; names capitalise every word ("Jupyter Notebook").
    private static func isSentenceCase(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard words.count > 1 else { return false }
        return words.dropFirst().contains { word in word.count >= 4 && word.first.map { $0.isLowercase } == true }
    }

    /// Words of tool kinds, not tool names: such a label is a category ("Languages: …"). Stems match
    /// word starts ("librar" → "libraries"); short words only whole, so "Databricks" stays a tool.
    private static func isCategoryWord(_ word: Substring) -> Bool {
        categoryWords.contains(String(word)) || categoryStems.contains { hasStem(word, $0) }
    }

    /// `word.hasPrefix(stem)` for an ASCII stem, on the bytes. The byte match is the Character
    /// match unless a non-ASCII scalar (a combining mark) right after it joins the stem's last
    /// letter into another Character: only then is the Character comparison asked.
    private static func hasStem(_ word: Substring, _ stem: String) -> Bool {
        let bytes = word.utf8
        guard bytes.starts(with: stem.utf8) else { return false }
        let after = bytes.index(bytes.startIndex, offsetBy: stem.utf8.count)
        guard after < bytes.endIndex, bytes[after] >= 0x80 else { return true }
        return word.hasPrefix(stem)
    }

    private static let categoryWords: Set<String> = ["cloud", "ide", "ides", "ci", "cd", "bi", "etl", "ml", "data", "big"]
    private static let categoryStems = [
        "language", "framework", "librar", "platform", "database", "tools", "visualis", "visualiz", "version", "control",
        "programming", "software", "service", "notebook", "environment", "system", "editor", "package", "infrastructure",
        "orchestration", "monitoring", "storage", "warehous", "container", "statistic", "spreadsheet", "analytics",
    ]

    /// "Tool – text": the text before the first spaced dash and after it, both trimmed.
    private static func dashSplit(_ text: String) -> (String, String)? {
        for dash in [" – ", " — ", " - "] {
            guard let range = text.firstRangeFast(of: dash) else { continue }
            let name = String(text[..<range.lowerBound].trimmingSpaces())
            let rest = String(text[range.upperBound...].trimmingSpaces())
            return name.isEmpty || rest.isEmpty ? nil : (name, rest)
        }
        return nil
    }

    private static func listedTools(_ text: String, category givenCategory: String?, source: String) -> [ToolItem]? {
        var body = withoutTrailingPeriod(withoutParentheses(text))
        var category = givenCategory
        var labelled = false
        if category == nil, let (label, rest) = LinePatterns.label(body) ?? dashLabel(body) ?? introducedList(body) {
            category = label
            body = rest
            labelled = true
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
        // Each item's alternatives, and whether they are all tool names (`alternatives` has
        // checked every name it returns), so no name is checked twice.
        var names: [String] = []
        for item in withoutOpenEnd(split(body, andOnlyInLastItem: labelled)) {
            let (parts, areToolNames) = alternatives(item)
            guard areToolNames else { return nil }
            names += parts
        }
        guard !names.isEmpty else { return nil }
        // "Python (pandas, PySpark)": a list in parentheses names tools too, after its parent.
        var all: [String] = []
        for name in names {
            all.append(name)
            all += parenthesisedTools(after: name, in: text)
        }
        return all.map { ToolItem(name: $0, category: category, sources: [source]) }
    }

    /// One item naming several tools: "Jupyter / Databricks / Colab", "PyTorch/TensorFlow", and
    /// "SQL Server Management Studio or Azure Data Studio" (too long for `split`'s "or" rule). A
    /// slash without spaces splits only words with lower-case letters of 3 characters or more, so
    /// "CI/CD", "PL/SQL" and "A/B" stay whole.
    /// `areToolNames`: whether every name returned is a tool name (`isToolName`).
    private static func alternatives(_ name: String) -> (names: [String], areToolNames: Bool) {
        // `firstRangeFast`: same answer as `contains`, on the bytes for ASCII names (most items);
        // likewise a Character "/" or " " needs its byte, and is that byte in ASCII text.
        let isASCII = name.isASCIIOnly
        if name.firstRangeFast(of: " / ") != nil {
            let parts = name.split(separator: " / ").map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }
            if parts.count > 1 && parts.allSatisfy(isToolName) { return (parts, true) }
        } else if isASCII ? name.containsByte(UInt8(ascii: "/")) : name.contains("/"),
            !(isASCII ? name.containsByte(0x20) : name.contains(" ")) {
            let parts = name.split(separator: "/").map(String.init)
            if parts.count > 1, parts.allSatisfy({ $0.count >= 3 && $0.contains(where: \.isLowercase) && isToolName($0) }) { return (parts, true) }
        }
        guard !isToolName(name) else { return ([name], true) }
        for conjunction in [" or ", " and "] where name.firstRangeFast(of: conjunction) != nil {
            let parts = name.split(separator: conjunction).map { String($0.trimmingSpaces()) }
            if parts.count > 1 && parts.allSatisfy(isToolName) { return (parts, true) }
        }
        return ([name], false)
    }

    /// "Frameworks – TensorFlow, PyTorch": a short category before a dash, a list after it.
    private static func dashLabel(_ text: String) -> (label: String, text: String)? {
        for dash in [" – ", " — ", " - "] {
            guard let range = text.firstRangeFast(of: dash) else { continue }
            let label = String(text[..<range.lowerBound].trimmingSpaces())
            let rest = String(text[range.upperBound...].trimmingSpaces())
            guard !label.isEmpty, LinePatterns.wordCount(label) <= 4, !rest.isEmpty,
                !withoutOpenEnd(split(rest)).contains(where: { !isToolName($0) })
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
        // "Weights & Biases – for experiment tracking" is a tool and a description (`describedTool`).
        // "Datasheets for Datasets or Model Cards": capitalised words after "for" name a tool.
        guard !tool.contains(","), isToolName(tool), !namesAfterFor(purpose), !["-", "–", "—"].contains(where: { tool.hasSuffix($0) }), !purpose.isEmpty, LinePatterns.wordCount(String(purpose)) <= 4 else { return nil }
        return (tool, purpose.prefix(1).uppercased() + purpose.dropFirst())
    }

    /// The tools listed in the parentheses right after `name` in `text`, if they are all tool names.
    private static func parenthesisedTools(after name: String, in text: String) -> [String] {
        // No "(" byte, no "(" Character: most items stop here, before the needle is built.
        guard text.containsByte(UInt8(ascii: "(")), let nameRange = text.firstRangeFast(of: name + " ("), let close = text[nameRange.upperBound...].firstIndex(of: ")") else {
            return []
        }
        let inner = split(String(text[nameRange.upperBound..<close]))
        if inner.count > 1 { return inner.allSatisfy(isToolName) ? inner : [] }
        // One name: "NumPy (with SciPy)", "R (tidyverse)", "GCP (BigQuery)"; not a qualifier
        // ("Excel (advanced)"), a kind ("Python (programming language)") or a version ("(3.x)").
        guard var single = inner.first else { return [] }
        for intro in ["with ", "incl. ", "including ", "e.g. ", "especially ", "mainly ", "plus "] where single.hasPrefix(intro) {
            single = String(single.dropFirst(intro.count))
        }
        let words = TextKey.fold(single).split(separator: " ")
        guard isToolName(single), words.count <= 2, !words.allSatisfy(isCategoryWord),
            !words.contains(where: { qualifierWords.contains(String($0)) || $0.allSatisfy(\.isNumber) || $0 == "x" })
        else { return [] }
        return [single]
    }

    private static let qualifierWords: Set<String> = [
        "advanced", "basic", "basics", "intermediate", "beginner", "expert", "preferred", "optional", "required", "recommended",
        "essential", "plus", "bonus", "strong", "proficient", "proficiency", "familiarity", "mostly", "mainly", "any", "free",
        "paid", "open", "source", "desktop", "web", "online", "mobile", "enterprise", "edition", "version", "latest", "v",
    ]

    /// "SolidWorks, Fusion 360, etc.", "PyTorch, JAX, and more": the last item only says the list
    /// goes on (`split` has already dropped its "and").
    static func withoutOpenEnd(_ names: [String]) -> [String] {
        guard names.count > 1, let last = names.last, openEnds.contains(TextKey.fold(last)) else { return names }
        return Array(names.dropLast())
    }

    private static let openEnds: Set<String> = [
        "etc", "more", "many more", "much more", "others", "many others", "so on", "so forth", "the like", "similar", "similar tools",
    ]

    /// "a, b, or c" / "a, b and c" / "a or b" → [a, b, c]. With `andOnlyInLastItem` (a list under a
    /// category or a role), "and" joins items only in the last one, as a list is written: "Weights
    /// and Biases, Neptune" names two tools. A last item that already follows ", and" (the serial
    /// comma) is one item too: "…, and Media and Entertainment".
    static func split(_ list: String, andOnlyInLastItem: Bool = false) -> [String] {
        var parts: [String] = []
        let pieces = list.splitFast(separators: [UInt8(ascii: ","), UInt8(ascii: ";")])
        for (index, piece) in pieces.enumerated() {
            var item = piece.trimmingSpaces()
            var followsConjunction = false
            for conjunction in leadingConjunctions where item.hasPrefixIgnoringCase(conjunction) {
                item = item.dropFirst(conjunction.count).trimmingSpaces()
                followsConjunction = true
            }
            // Without the bytes of " or " and " and " the item is one part whichever way it is searched.
            guard !item.isASCIIOnly || item.firstRangeFast(of: " or ") != nil || item.firstRangeFast(of: " and ") != nil else {
                if !item.isEmpty { parts.append(String(item)) }
                continue
            }
            let keepsAnd = andOnlyInLastItem && (index < pieces.count - 1 || (followsConjunction && pieces.count > 1))
            let inner = item.componentsFast(separatedBy: " or ").flatMap { keepsAnd ? [$0] : $0.componentsFast(separatedBy: " and ") }
            if inner.count > 1 && inner.allSatisfy({ LinePatterns.wordCount($0) <= 3 }) {
                parts += inner.map { String($0.trimmingSpaces()) }
            } else if !item.isEmpty {
                parts.append(String(item))
            }
        }
        return parts.filter { !$0.isEmpty }
    }

    private static let leadingConjunctions = ["and ", "or ", "& "]

    static func isToolName(_ name: String) -> Bool {
        // The length first, and by bytes when that settles it (a String has no more Characters
        // than UTF-8 bytes): most names are short, so neither the fold nor a Character count runs
        // for the long ones, and the short ones skip the count. Same answer: all checks must hold.
        guard name.utf8.count <= 40 || name.count <= 40 else { return false }
        var folded = TextKey.fold(name)
        if let verdict = folded.withUTF8({ isToolNameASCII(name, folded: $0) }) { return verdict }
        let words = folded.splitFast(separators: [0x20])
        guard !words.isEmpty, words.count <= 5 else { return false }
        guard words.contains(where: { sentenceWords.contains(String($0)) }) else { return words.count <= 4 }
        // "Copilot for Microsoft 365", "Datasheets for Datasets": a name joined by "for" to a
        // capitalised name; a purpose after "for" is lower case ("Jupyter for data exploration").
        guard words.count >= 3, let range = name.firstRangeFast(of: " for "), namesAfterFor(name[range.upperBound...]) else {
            return false
        }
        return !words.contains { $0 != "for" && sentenceWords.contains(String($0)) }
    }

    /// `isToolName` for an ASCII fold, its words read off the bytes and compared with the sentence
    /// words as bytes (no String per word, no hashing); nil for other text.
    private static func isToolNameASCII(_ name: String, folded: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard ByteSearch.isASCII(folded) else { return nil }
        var words = 0
        var sentenceWordsSeen = 0
        var otherThanFor = false
        var start = 0
        for index in 0...folded.count where index == folded.count || folded[index] == 0x20 {
            defer { start = index + 1 }
            guard index > start else { continue }
            words += 1
            let word = UnsafeBufferPointer(rebasing: folded[start..<index])
            guard sentenceWordBytes.contains(where: { $0.count == word.count && $0.elementsEqual(word) }) else { continue }
            sentenceWordsSeen += 1
            if !word.elementsEqual("for".utf8) { otherThanFor = true }
        }
        guard words > 0, words <= 5 else { return false }
        guard sentenceWordsSeen > 0 else { return words <= 4 }
        guard words >= 3, let range = name.firstRangeFast(of: " for "), namesAfterFor(name[range.upperBound...]) else { return false }
        return !otherThanFor
    }

    private static let sentenceWordBytes = sentenceWords.sorted().map { Array($0.utf8) }

    /// Whether the words after " for " (up to a list separator) are a name: each starts with a
    /// capital or a digit ("Microsoft 365", "Datasets"), not "data validation".
    static func namesAfterFor(_ text: Substring) -> Bool {
        var sawWord = false
        for word in text.split(separator: " ") {
            if word == "or" || word == "and" || word == "&" { break }
            guard let first = word.first, first.isUppercase || first.isNumber else { return false }
            sawWord = true
            if word.last == "," || word.last == ";" { break }
        }
        return sawWord
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
