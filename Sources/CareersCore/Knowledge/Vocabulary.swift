#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The curated vocabulary of skills, tools and industries (`Resources/vocabulary.psv`): the names
/// the entity matcher knows before it reads any article. The corpus adds its own tool names and
/// enumerated items on top (`EntityCatalog`).
///
/// One term per line, seven fields separated by `|`:
/// `type | kind | name | aliases | match | sources | description`
/// - type: `skill`, `tool` or `industry`;
/// - kind: the skill's kind or the tool's category (`language`, `ml-framework`, `concept`, …);
/// - aliases: other spellings, separated by `;` (may be empty);
/// - match: empty, or `exact` for names that are also common words ("Go", "R"): they then match
///   only as spelled, and never as a sentence's first word;
/// - sources: codes declared by `@source CODE: what` lines earlier in the file;
/// - description: what the term means, in one line.
/// `#` starts a comment line. Any other malformed line stops loading, naming file and line.
public struct Vocabulary: Sendable, Hashable {
    public struct Term: Sendable, Hashable {
        public var type: EntityType
        public var kind: String
        public var name: String
        public var aliases: [String]
        public var exact: Bool
        public var sources: [String]
        public var description: String
    }

    public var terms: [Term]
    /// Source code → what it is, as declared in the file.
    public var sources: [String: String]

    public init(terms: [Term] = [], sources: [String: String] = [:]) {
        self.terms = terms
        self.sources = sources
    }

    /// The vocabulary compiled into the binary. A malformed embedded file is caught by the test
    /// suite (`embeddedVocabularyParses`); here it degrades to no curated terms, never a crash.
    public static let embedded: Vocabulary = (try? loadEmbedded()) ?? Vocabulary()

    public static func loadEmbedded() throws(VocabularyError) -> Vocabulary {
        var merged = Vocabulary()
        for file in EmbeddedVocabularyData.files {
            guard let data = Data(base64Encoded: file.base64) else {
                throw VocabularyError(file: file.name, line: 0, reason: "embedded data is not base64")
            }
            let part = try parse(bytes: [UInt8](data), file: file.name)
            merged.terms += part.terms
            merged.sources.merge(part.sources) { first, _ in first }
        }
        return merged
    }

    public static func load(path: String) throws(VocabularyError) -> Vocabulary {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VocabularyError(file: path, line: 0, reason: "cannot read file")
        }
        return try parse(bytes: [UInt8](data), file: path)
    }

    static let fieldCount = 7

    public static func parse(bytes: [UInt8], file: String) throws(VocabularyError) -> Vocabulary {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw VocabularyError(file: file, line: 0, reason: "not UTF-8")
        }
        var vocabulary = Vocabulary()
        var names: [String: Int] = [:]
        // Split on the bytes: a Character split is slower, and never splits "\r\n" (one Character).
        for (index, rawBytes) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let rawLine = Substring(rawBytes)
            let number = index + 1
            func fail(_ reason: String) -> VocabularyError { VocabularyError(file: file, line: number, reason: reason) }
            let line = rawLine.trimming(" \t\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("@source ") {
                let rest = line.dropFirst("@source ".count)
                guard let colon = rest.firstIndex(of: ":") else { throw fail("a source reads '@source CODE: what it is'") }
                let code = String(rest[..<colon]).trimming(" ")
                let what = String(rest[rest.index(after: colon)...]).trimming(" ")
                guard !code.isEmpty, !what.isEmpty, !code.contains(" ") else { throw fail("a source reads '@source CODE: what it is'") }
                vocabulary.sources[code] = what
                continue
            }
            // Fields, aliases and sources are split on the ASCII separator bytes: a Character split
            // of every line was most of the ~3 ms this parse took at each start-up.
            let fields = Self.split(line, on: "|", omittingEmpty: false).map { $0.trimming(" \t") }
            guard fields.count == fieldCount else {
                throw fail("expected \(fieldCount) fields (type | kind | name | aliases | match | sources | description), found \(fields.count)")
            }
            guard let type = EntityType(rawValue: fields[0]) else {
                throw fail("unknown type '\(fields[0])' (skill, tool or industry)")
            }
            let kind = fields[1]
            guard !kind.isEmpty, kind.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }) else {
                throw fail("kind must be lower-case words joined by '-', found '\(kind)'")
            }
            let name = fields[2]
            let nameKey = TermKey.key(name)
            guard !name.isEmpty, !nameKey.isEmpty else { throw fail("empty name") }
            let aliases = Self.split(fields[3], on: ";").map { $0.trimming(" ") }.filter { !$0.isEmpty }
            let exact: Bool
            switch fields[4] {
            case "": exact = false
            case "exact": exact = true
            default: throw fail("match must be empty or 'exact', found '\(fields[4])'")
            }
            let sources = Self.split(fields[5], on: ",").map { $0.trimming(" ") }.filter { !$0.isEmpty }
            guard !sources.isEmpty else { throw fail("every term names its sources") }
            for source in sources where vocabulary.sources[source] == nil {
                throw fail("source '\(source)' is not declared by an '@source' line above")
            }
            guard !fields[6].isEmpty else { throw fail("every term has a description") }
            let key = type.rawValue + ":" + nameKey
            if let first = names[key] { throw fail("'\(name)' is already defined on line \(first)") }
            names[key] = number
            vocabulary.terms.append(Term(
                type: type, kind: kind, name: name, aliases: aliases, exact: exact, sources: sources, description: fields[6]))
        }
        return vocabulary
    }

    /// The pieces of `text` between the ASCII `separator` bytes (an ASCII byte always ends and
    /// starts a scalar, so each piece is valid text).
    private static func split(_ text: String, on separator: Unicode.Scalar, omittingEmpty: Bool = true) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: separator), omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }
}

/// A vocabulary file that cannot be used: which file, which line (1-based; 0 for the whole file)
/// and why.
public struct VocabularyError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}

extension Substring {
    /// The text without `characters` (ASCII only) at either end. On the bytes: only ASCII is
    /// trimmed, so both ends fall on character boundaries.
    func trimming(_ characters: String) -> String {
        // The set's own view, not an Array of it: no allocation for every field trimmed.
        let trimmed = characters.utf8
        guard let first = utf8.firstIndex(where: { !trimmed.contains($0) }),
              let last = utf8.lastIndex(where: { !trimmed.contains($0) })
        else { return "" }
        return String(self[first..<utf8.index(after: last)])
    }
}

extension String {
    /// As `Substring.trimming`.
    func trimming(_ characters: String) -> String { self[...].trimming(characters) }
}
