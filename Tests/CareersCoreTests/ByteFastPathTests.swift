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
