@testable import CareersCore
import Testing

/// The byte-level fast paths for ASCII text must answer exactly as the String/Character code they
/// replaced (kept here as the reference), on ASCII and on the text that falls back to it.
@Suite struct ByteFastPathTests {
    static let samples = [
        "", " ", "  ", "Data Scientist", "data scientists", "ml engineers", "senior ml engineer", "ai", "nlp leads",
        "the data analyst role", "for data analysts", "actuaries", "devops", "data services", "sales", "analytics",
        "qa", "jr bi developers", "  spaced  out  words  ", "tabs\tand\tspaces", "x", "ies", "cvies", "uxes",
        "Python, Java, or C++", "Git or other version control systems", "Frameworks – TensorFlow, PyTorch",
        "Ingénieur ML", "cafe\u{301}s", "résumés", " \u{301}leading mark", "trailing nbsp\u{A0}", "\u{A0}lead", "a\r\nb ",
        "scikit learn and numpy", "and R", "& more", "Or maybe", "SQL databases such as PostgreSQL and Snowflake",
        "gen ai engineers", "GenAI Leads", "gen z marketer", "senior gen", "genais",
        "machine learning operations engineers", "ML Operations Lead", "operations", "business operations analyst", "operationss",
    ]

    @Test func roleKeysMatchTheWordByWordReference() {
        for sample in Self.samples {
            let folded = TextKey.fold(sample)
            #expect(RoleNames.key(folded: folded) == Self.referenceKey(folded), "\(sample)")
            #expect(RoleNames.key(folded: sample) == Self.referenceKey(sample), "unfolded \(sample)")
            #expect(RoleNames.expanded(folded: sample) == Self.referenceExpanded(sample), "\(sample)")
        }
        for word in ["scientists", "leads", "actuaries", "bus", "ops", "analytics", "services", "trainees", "chiefs", "uxes", "ies"] {
            #expect(RoleNames.singular(word) == Self.referenceSingular(word), "\(word)")
        }
    }

    @Test func searchTrimAndSplitMatchCharacterLevelResults() {
        for sample in Self.samples {
            for needle in [" or ", " and ", " – ", "s", "e\u{301}", " ", "C++"] {
                #expect(sample.firstRangeFast(of: needle) == sample.firstRange(of: needle), "\(sample) / \(needle)")
                #expect(sample.componentsFast(separatedBy: needle).map(String.init) == sample.components(separatedBy: needle), "\(sample) / \(needle)")
            }
            #expect(sample.trimmingSpaces() == Self.referenceTrim(sample), "\(sample)")
            #expect(sample.splitFast(separators: [UInt8(ascii: ","), UInt8(ascii: ";")]) == sample.split(whereSeparator: { $0 == "," || $0 == ";" }))
            #expect(sample.hasPrefixIgnoringCase("and ") == sample.lowercased().hasPrefix("and "), "\(sample)")
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

    static func referenceKey(_ folded: String) -> String {
        let split = folded.split(separator: " ")
        if let last = split.last, !last.hasSuffix("s"),
            !split.contains(where: { RoleNames.shortForms.contains(String($0)) || $0 == "operations" || $0 == "operation" }) {
            return folded
        }
        var words = split.map(String.init)
        if let last = words.last { words[words.count - 1] = referenceSingular(last) }
        return RoleNames.expand(words).joined(separator: " ")
    }

    static func referenceExpanded(_ folded: String) -> String {
        let words = folded.split(separator: " ")
        guard words.contains(where: { ($0.utf8.count <= 5 && RoleNames.shortForms.contains(String($0))) || $0 == "operations" || $0 == "operation" })
        else { return folded }
        return RoleNames.expand(words.map(String.init)).joined(separator: " ")
    }

    static func referenceSingular(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !RoleNames.neverPlural.contains(where: { word.hasSuffix($0) }) else { return word }
        if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
        let stem = word.dropLast()
        return RoleNames.personSuffixes.contains(where: { stem.hasSuffix($0) }) ? String(stem) : word
    }

    static func referenceTrim(_ text: String) -> Substring {
        let start = text.firstIndex(where: { !$0.isWhitespace }) ?? text.endIndex
        let end = text.lastIndex(where: { !$0.isWhitespace }).map { text.index(after: $0) } ?? start
        return text[start..<max(start, end)]
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
