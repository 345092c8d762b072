@testable import CareersCore
import Testing

/// The byte-level fast paths for ASCII text must answer exactly as the String/Character code they
/// replaced (kept here as the reference), on ASCII and on the text that falls back to it.
@Suite struct ByteFastPathTests {
    static let samples = [
        "", " ", "  ", "Data Scientist", "data scientists", "ml engineers", "senior ml engineer", "ai", "nlp leads",
        "the data analyst role", "for data analysts", "actuaries", "devops", "data services", "sales", "analytics",
        "qa", "jr bi developers", "  spaced  out  words  ", "tabs\tand\tspaces", "x", "@\u{301}Company", "@ Company", "cafe\u{301} au lait", "a\r\nb", "Master’s degree or PhD", "6 min read · Jan. 17, 2025", "K\u{212A} or x", "ies", "cvies", "uxes",
        "Python, Java, or C++", "Git or other version control systems", "Frameworks – TensorFlow, PyTorch",
        "Ingénieur ML", "cafe\u{301}s", "résumés", " \u{301}leading mark", "trailing nbsp\u{A0}", "\u{A0}lead", "a\r\nb ",
        "scikit learn and numpy", "and R", "& more", "Or maybe", "SQL databases such as PostgreSQL and Snowflake",
        "gen ai engineers", "GenAI Leads", "gen z marketer", "senior gen", "genais",
        "machine learning operations engineers", "ML Operations Lead", "operations", "business operations analyst", "operationss",
    ]

    /// The byte path of role keys is a detail of `RoleNames`: it answers as its word-by-word definition.
    @Test func roleKeysMatchTheWordByWordDefinition() {
        for sample in Self.samples {
            let folded = TextKey.fold(sample)
            #expect(RoleNames.key(folded: folded) == RoleNames.keyByWords(folded), "\(sample)")
            #expect(RoleNames.key(folded: sample) == RoleNames.keyByWords(sample), "unfolded \(sample)")
            #expect(RoleNames.expanded(folded: sample) == RoleNames.expandedByWords(sample), "\(sample)")
        }
        for word in ["scientists", "leads", "actuaries", "bus", "ops", "analytics", "services", "trainees", "chiefs", "uxes", "ies"] {
            #expect(RoleNames.singular(word) == RoleNames.singularByCharacters(word), "\(word)")
        }
    }

    @Test func searchTrimAndSplitMatchCharacterLevelResults() {
        for sample in Self.samples {
            for needle in [" or ", " and ", " – ", "s", "e\u{301}", " ", "C++", " min read", "K", ";", " degree"] {
                #expect(sample.firstRangeFast(of: needle) == sample.firstRange(of: needle), "\(sample) / \(needle)")
                #expect(sample.componentsFast(separatedBy: needle).map(String.init) == sample.components(separatedBy: needle), "\(sample) / \(needle)")
                #expect(sample.rangesFast(of: needle) == Array(sample.ranges(of: needle)), "\(sample) / \(needle)")
            }
            #expect(Substring(sample).droppingSpaces() == Substring(sample).drop(while: { $0 == " " }), "\(sample)")
            for text in [sample, "|" + sample, sample + "|", "||" + sample + "|x|y"] {
                #expect(Substring(text).splitOnce(at: UInt8(ascii: "|")) == Substring(text).split(separator: "|", maxSplits: 1), "\(text)")
            }
            for prefix in ["", "a", "@", "Data", "data scientist", "cafe", "a\r", "résumé", "Python, Java", "s", "\nb", "b ", "PhD", "words  ", "."] {
                #expect(sample.hasPrefixFast(prefix) == sample.hasPrefix(prefix), "\(sample) / \(prefix)")
                #expect(sample.hasSuffixFast(prefix) == sample.hasSuffix(prefix), "\(sample) / \(prefix)")
                #expect(Substring(sample).hasSuffixFast(prefix) == Substring(sample).hasSuffix(prefix), "\(sample) / \(prefix)")
            }
            #expect(Substring(" " + sample).droppingSpaces() == Substring(" " + sample).drop(while: { $0 == " " }), "\(sample)")
            for byte in [UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "("), 0xA0, 0xCC] {
                #expect(sample.containsByte(byte) == sample.utf8.contains(byte), "\(sample) / \(byte)")
            }
            #expect(sample.trimmingSpaces() == Self.referenceTrim(sample), "\(sample)")
            #expect(sample.splitFast(separators: [UInt8(ascii: ","), UInt8(ascii: ";")]) == sample.split(whereSeparator: { $0 == "," || $0 == ";" }))
            #expect(sample.hasPrefixIgnoringCase("and ") == sample.lowercased().hasPrefix("and "), "\(sample)")
        }
    }

    /// Group lines are stripped of their words ("for", "as", "a", "an", "the"; "role", "position",
    /// each once, in that order) on the bytes of ASCII keys, and on Characters otherwise.
    @Test func groupLinesNameTheirRoleByKey() {
        let matcher = RoleMatcher(titles: ["Data Scientist", "ML Engineer", "Ingénieur Données", "Инженер Данных"])
        let expected: [(String, Int?)] = [
            ("for data scientists", 0), ("the ml engineer role", 1), ("as a machine learning engineer position", 1),
            ("a the data scientist", 0), ("the a data scientist", nil), ("data scientist position role", 0),
            ("data scientist role position", nil), ("for инженер данных", 3), ("the инженер данных role", 3), ("a инженер", nil), ("the", nil), ("role", nil), ("for ingenieur donnees", 2),
            ("the ingenieur donnees", 2), ("the ingenieur donnees role", nil), ("data scientists for", nil), ("", nil),
        ]
        for (line, role) in expected {
            #expect(matcher.exactRole(folded: line) == role, "\(line)")
        }
    }

    /// A line's key is built only when its last word may end an entry's key (`mayBeEntryKey`); the
    /// answer is the one the key itself gives.
    @Test func roleLinesMatchTheKeyReference() {
        let titles = ["Data Scientist", "AI Engineer", "Actuary", "Quant Lead", "MLOps Engineer"]
        let matcher = RoleMatcher(titles: titles)
        let lines = [
            "data scientists", "for data scientists", "the actuaries", "actuaries role", "ai engineers", "artificial intelligence engineers",
            "quant leads position", "quant lead ql", "data scientist ds", "ai engineer aie", "strong statistics and spark skills",
            "lead experiments across teams", "data science", "scientists", "a ai engineer", "mlops engineer", "ml ops engineer",
            "machine learning operations engineers", "gen ai engineer", "role", "position role", "data scientist position role",
            "the quant lead role", "as an actuary", "actuary ai", "data scientist ml", "", "ds",
        ]
        for line in lines {
            #expect(matcher.exactRole(folded: line) == Self.referenceExactRole(line, titles: titles), "\(line)")
        }
    }

    @Test func mentionsAndSentencesMatchTheReference() {
        let titles = ["Data Scientist", "AI Engineer", "Data Science Lead", "Scientist"]
        let matcher = RoleMatcher(titles: titles)
        let texts = [
            "data scientists build models", "unlike data scientists ai engineers ship", "the data science leads and data scientists",
            "scientist", "scientists", "a scientistsx data scientist", "data scientist", "ai engineers", "artificial intelligence engineer",
            "data scientistss", "xdata scientist", "", "ml engineers", "scientists data science lead", "ingénieur data scientist",
        ]
        for text in texts {
            #expect(matcher.earliestMention(folded: text) == Self.referenceEarliestMention(text, titles: titles), "\(text)")
        }
        for paragraph in ["A Data Scientist builds models. An AI Engineer ships them! Both work e.g. Dr. Smith. 2 roles? Yes.",
                          "Ends with abbreviation etc. Next one. x. Y", "  Spaced.  Out. ", "Café owners. Are here.", "No split.here", ""] {
            #expect(Sentences.split(paragraph) == Self.referenceSentences(paragraph), "\(paragraph)")
        }
    }

    @Test func bulletsAndSentenceEndsMatchTheReference() {
        for sample in Self.samples + ["- x", "-", "1. Item", "12) x", "123. x", "• ", "–x", "x.", "x.\u{301}", "é.", "a!", "a;", "a,", "…", ".", "Master’s Degree", "Master’s degree", "Über alles", "über Alles", "x \u{301}abcd", "Ab\u{600} cdef", "Écoles Normales", "écoles"] {
            #expect(LinePatterns.isBullet(sample) == (LinePatterns.bullet(sample) != nil), "\(sample)")
            #expect(LinePatterns.endsSentence(sample) == sample.last.map { ".!;,".contains($0) } ?? false, "\(sample)")
            // Lines hold no CR LF, the one ASCII pair that is a single Character.
            #expect(sample.contains("\r\n") || LinePatterns.isTitleCase(sample) == sample.split(separator: " ").allSatisfy { word in
                word.count < 4 || word.first.map { !$0.isLetter || $0.isUppercase } ?? true
            }, "\(sample)")
        }
    }

    @Test func sectionKindsAndSlugsMatchTheReference() {
        let lines = ["what is a data scientist", "key responsibilities and skills", "tools and software used", "skills",
                     "the tips", "educational background", "salary and demand outlook", "nothing here", ""]
        for line in lines {
            #expect(LinePatterns.sectionKind(inFolded: line) == Self.referenceSectionKind(line, LinePatterns.sectionKeywords), "\(line)")
            #expect(LinePatterns.sectionKind(inFolded: line, leadIn: true) == Self.referenceSectionKind(line, LinePatterns.leadInKeywords))
        }
        for sample in Self.samples + ["C# and C++ Developer"] {
            #expect(TextKey.slug(sample) == TextKey.fold(sample).replacing("+", with: "p").replacing("#", with: "sharp")
                .split(separator: " ").joined(separator: "-"), "\(sample)")
        }
    }

    // MARK: References (the code before the byte paths)

    static func referenceTrim(_ text: String) -> Substring {
        let start = text.firstIndex(where: { !$0.isWhitespace }) ?? text.endIndex
        let end = text.lastIndex(where: { !$0.isWhitespace }).map { text.index(after: $0) } ?? start
        return text[start..<max(start, end)]
    }

    /// `RoleMatcher.exactRole(folded:)` as it was written on Strings, for titles with no other body names.
    static func referenceExactRole(_ folded: String, titles: [String]) -> Int? {
        var key = RoleNames.key(folded: folded)
        for prefix in ["for ", "as ", "a ", "an ", "the "] where key.hasPrefix(prefix) { key = String(key.dropFirst(prefix.count)) }
        for suffix in [" role", " position"] where key.hasSuffix(suffix) { key = String(key.dropLast(suffix.count)) }
        if let role = titles.firstIndex(where: { RoleNames.key($0) == key }) { return role }
        guard let cut = RoleMatcher.initialsSuffixStart(folded) else { return nil }
        return referenceExactRole(String(folded[..<cut]), titles: titles)
    }

    /// `earliestMention(folded:)` as it was written with padded Strings, for titles with no other body names.
    static func referenceEarliestMention(_ folded: String, titles: [String]) -> Int? {
        let padded = " " + RoleNames.expanded(folded: folded) + " "
        var best: (index: Int, position: Int, length: Int)?
        for (role, title) in titles.enumerated() {
            let key = RoleNames.key(title)
            for variant in [" " + key + " ", " " + key + "s "] {
                guard let position = TextKey.offset(of: variant, in: padded) else { continue }
                if let current = best, current.position < position || (current.position == position && current.length >= key.count) { continue }
                best = (role, position, key.count)
            }
        }
        return best?.index
    }

    /// `Sentences.split` as it was written, a Character at a time.
    static func referenceSentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        for index in characters.indices {
            let character = characters[index]
            current.append(character)
            if character == "." || character == "!" || character == "?", index + 2 < characters.count, characters[index + 1] == " ",
                characters[index + 2].isUppercase || characters[index + 2].isNumber {
                let word = current.dropLast().split(separator: " ").last.map { $0.lowercased() } ?? ""
                if ["e.g", "i.e", "etc", "vs", "dr", "mr", "ms", "mrs", "u.s", "ph.d", "inc", "ltd", "approx", "no", "st"].contains(word) || word.count == 1 {
                    continue
                }
                sentences.append(String(current.trimmingSpaces()))
                current = ""
            }
        }
        let rest = current.trimmingSpaces()
        if !rest.isEmpty { sentences.append(String(rest)) }
        return sentences
    }

    static func referenceSectionKind(_ folded: String, _ table: [(SectionKind, [String])]) -> SectionKind? {
        var best: (SectionKind, Int)?
        let padded = " " + folded
        for (kind, words) in table {
            for word in words {
                guard let position = TextKey.offset(of: " " + word, in: padded) else { continue }
                if best == nil || position < (best?.1 ?? .max) { best = (kind, position) }
            }
        }
        return best?.0
    }
}
