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
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw VocabularyError(file: file, line: 0, reason: "not UTF-8")
        }
        // Lines, fields and lists are cut on ASCII separator bytes and only the pieces kept become
        // Strings: splitting Strings (Characters, then UTF-8 views) was ~2 ms of each start-up,
        // for 300 lines. An ASCII byte always ends and starts a scalar, so every piece is valid.
        let bytes = Bytes(bytes)
        var vocabulary = Vocabulary()
        var names: [NameKey: Int] = [:]
        var number = 0
        for rawLine in bytes.pieces(of: 0..<bytes.count, on: 0x0A, trimming: []) {
            number += 1
            func fail(_ reason: String) -> VocabularyError { VocabularyError(file: file, line: number, reason: reason) }
            let line = bytes.trimmed(rawLine, Bytes.spaceTabReturn)
            if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") { continue }
            if bytes.hasPrefix("@source ", in: line) {
                let rest = (line.lowerBound + 8)..<line.upperBound
                guard let colon = bytes.firstIndex(of: UInt8(ascii: ":"), in: rest) else { throw fail("a source reads '@source CODE: what it is'") }
                let code = bytes.string(bytes.trimmed(rest.lowerBound..<colon, Bytes.space))
                let what = bytes.string(bytes.trimmed((colon + 1)..<rest.upperBound, Bytes.space))
                guard !code.isEmpty, !what.isEmpty, !code.contains(" ") else { throw fail("a source reads '@source CODE: what it is'") }
                vocabulary.sources[code] = what
                continue
            }
            let fields = bytes.pieces(of: line, on: UInt8(ascii: "|"), trimming: Bytes.spaceTab)
            guard fields.count == fieldCount else {
                throw fail("expected \(fieldCount) fields (type | kind | name | aliases | match | sources | description), found \(fields.count)")
            }
            guard let type = EntityType(rawValue: bytes.string(fields[0])) else {
                throw fail("unknown type '\(bytes.string(fields[0]))' (skill, tool or industry)")
            }
            let kind = bytes.string(fields[1])
            guard !kind.isEmpty, kind.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }) else {
                throw fail("kind must be lower-case words joined by '-', found '\(kind)'")
            }
            let name = bytes.string(fields[2])
            let nameKey = NameKey(type: type, words: TermKey.hashes(name))
            guard !name.isEmpty, !nameKey.words.isEmpty else { throw fail("empty name") }
            let aliases = bytes.pieces(of: fields[3], on: UInt8(ascii: ";"), trimming: Bytes.space).filter { !$0.isEmpty }.map(bytes.string)
            let exact: Bool
            switch bytes.string(fields[4]) {
            case "": exact = false
            case "exact": exact = true
            case let other: throw fail("match must be empty or 'exact', found '\(other)'")
            }
            let sources = bytes.pieces(of: fields[5], on: UInt8(ascii: ","), trimming: Bytes.space).filter { !$0.isEmpty }.map(bytes.string)
            guard !sources.isEmpty else { throw fail("every term names its sources") }
            for source in sources where vocabulary.sources[source] == nil {
                throw fail("source '\(source)' is not declared by an '@source' line above")
            }
            guard !fields[6].isEmpty else { throw fail("every term has a description") }
            // Two names are the same term when their folded words are (TermKey), per type.
            if let first = names[nameKey] { throw fail("'\(name)' is already defined on line \(first)") }
            names[nameKey] = number
            vocabulary.terms.append(Term(
                type: type, kind: kind, name: name, aliases: aliases, exact: exact, sources: sources,
                description: bytes.string(fields[6])))
        }
        return vocabulary
    }

    private struct NameKey: Hashable {
        var type: EntityType
        var words: [UInt64]
    }

    /// A file's bytes cut into ranges: lines, fields and list items without copying.
    private struct Bytes {
        static let space: [UInt8] = [0x20]
        static let spaceTab: [UInt8] = [0x20, 0x09]
        static let spaceTabReturn: [UInt8] = [0x20, 0x09, 0x0D]

        let storage: [UInt8]
        init(_ storage: [UInt8]) { self.storage = storage }

        var count: Int { storage.count }
        subscript(index: Int) -> UInt8 { storage[index] }

        /// The pieces of `range` between `separator` bytes, each trimmed, empty ones kept.
        func pieces(of range: Range<Int>, on separator: UInt8, trimming set: [UInt8]) -> [Range<Int>] {
            var pieces: [Range<Int>] = []
            var start = range.lowerBound
            for index in range where storage[index] == separator {
                pieces.append(trimmed(start..<index, set))
                start = index + 1
            }
            pieces.append(trimmed(start..<range.upperBound, set))
            return pieces
        }

        func trimmed(_ range: Range<Int>, _ set: [UInt8]) -> Range<Int> {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, set.contains(storage[lower]) { lower += 1 }
            while upper > lower, set.contains(storage[upper - 1]) { upper -= 1 }
            return lower..<upper
        }

        func hasPrefix(_ prefix: StaticString, in range: Range<Int>) -> Bool {
            guard range.count >= prefix.utf8CodeUnitCount else { return false }
            return prefix.withUTF8Buffer { prefix in prefix.indices.allSatisfy { storage[range.lowerBound + $0] == prefix[$0] } }
        }

        func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
            range.first { storage[$0] == byte }
        }

        func string(_ range: Range<Int>) -> String {
            String(decoding: storage[range], as: UTF8.self)
        }
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
