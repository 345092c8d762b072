#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A posting from a `--jobs` file, with the source jobs list it under ("jobs:extra.jsonl").
public struct SourcedPosting: Sendable, Hashable {
    public var source: String
    public var posting: JobPosting

    public init(source: String, posting: JobPosting) {
        self.source = source
        self.posting = posting
    }
}

/// A line of a `--jobs` file that was skipped: where, why in words, and the kind of fault (the
/// label `/metrics` counts it under).
public struct JobLineRejection: Error, Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Longer than `JobLines.maxLineBytes`.
        case lineTooLong = "line_too_long"
        case invalidUTF8 = "invalid_utf8"
        /// Not JSON, or JSON but not an object.
        case invalidJSON = "invalid_json"
        /// A required field absent or null.
        case missingField = "missing_field"
        /// A field of the wrong type, an empty title, a value outside its enumeration.
        case invalidField = "invalid_field"
        /// A text field or list longer than `JobLines.maxFieldBytes` / `maxListCount`.
        case fieldTooLong = "field_too_long"
        /// Negative, zero, infinite or inverted (min above max) figures; an unknown period.
        case invalidSalary = "invalid_salary"
        /// A currency that is not an ISO 4217 code.
        case unknownCurrency = "unknown_currency"
    }

    public var file: String
    public var line: Int
    public var kind: Kind
    public var reason: String

    public init(file: String, line: Int, kind: Kind, reason: String) {
        self.file = file
        self.line = line
        self.kind = kind
        self.reason = reason
    }

    /// `file:line: reason`, as logged.
    public var description: String { "\(file):\(line): \(reason)" }
}

/// Extra postings as JSON lines: one object per non-empty line. A bad line is reported with its
/// number and skipped, like a rejected article, so one typo does not hide the other postings.
///
/// Bounded by construction: a file is read in 64 KiB chunks and a line is kept only up to
/// `maxLineBytes`; a longer one is counted and skipped without ever being held whole, so a 10 MB
/// line costs no more memory than a short one.
public enum JobLines {
    /// Longest line accepted, in bytes (a posting is well under 2 KiB).
    public static let maxLineBytes = 64 * 1024
    /// Longest text field (title, company, location, level_label, source), in UTF-8 bytes.
    public static let maxFieldBytes = 512
    /// Most entries in `employment_types`.
    public static let maxListCount = 16

    public struct Result: Sendable {
        public var postings: [JobPosting] = []
        public var rejected: [JobLineRejection] = []
    }

    /// Reads the regular file at `path` line by line (see `SourceFiles` for what is refused).
    public static func read(path: String, file: String? = nil) throws(SourceFiles.ReadError) -> Result {
        let descriptor = try SourceFiles.openRegularFile(path)
        defer { close(descriptor) }
        var reader = Reader(file: file ?? path)
        try SourceFiles.forEachChunk(of: descriptor, path: path) { reader.feed($0) }
        return reader.finish()
    }

    /// The same rules over bytes already in memory.
    public static func parse(bytes: [UInt8], file: String) -> Result {
        var reader = Reader(file: file)
        reader.feed(bytes[...])
        return reader.finish()
    }

    /// Lines in, postings and rejections out.
    private struct Reader {
        let file: String
        var splitter = LineSplitter(maxLength: JobLines.maxLineBytes)
        var result = Result()
        let decoder = JSONDecoder()

        init(file: String) { self.file = file }

        mutating func feed(_ chunk: ArraySlice<UInt8>) {
            var pieces: [LineSplitter.Piece] = []
            splitter.feed(chunk) { pieces.append($0) }
            pieces.forEach { take($0) }
        }

        mutating func finish() -> Result {
            if let last = splitter.finish() { take(last) }
            return result
        }

        private mutating func take(_ piece: LineSplitter.Piece) {
            switch piece {
            case .tooLong(let number, let length):
                reject(number, .lineTooLong, "line is \(length) bytes long (at most \(JobLines.maxLineBytes))")
            case .line(let number, let bytes):
                do throws(LineError) {
                    if let posting = try JobLines.posting(from: bytes, isFirstLine: number == 1, decoder: decoder) {
                        result.postings.append(posting)
                    }
                } catch {
                    reject(number, error.kind, error.reason)
                }
            }
        }

        private mutating func reject(_ line: Int, _ kind: JobLineRejection.Kind, _ reason: String) {
            result.rejected.append(JobLineRejection(file: file, line: line, kind: kind, reason: reason))
        }
    }

    /// nil for a blank line.
    private static func posting(from raw: [UInt8], isFirstLine: Bool, decoder: JSONDecoder) throws(LineError) -> JobPosting? {
        var line = raw[...]
        if isFirstLine, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return nil }
        if let offset = firstInvalidUTF8(line) {
            throw LineError(.invalidUTF8, "not valid UTF-8 (at byte \(offset + 1) of the line)")
        }
        let decoded: Line
        do {
            decoded = try decoder.decode(Line.self, from: Data(line))
        } catch let error as DecodingError {
            throw reason(for: error)
        } catch {
            throw LineError(.invalidJSON, "not valid JSON")
        }
        return try decoded.posting()
    }

    /// Enums are decoded as strings and checked here, so a bad value names the accepted ones.
    private struct Line: Decodable {
        var title: String
        var company: String?
        var location: String?
        var employmentTypes: [String]?
        var level: String?
        var levelLabel: String?
        var salary: LineSalary?
        /// Accepted for the feeds that send it; the posting's source is the file (see `SourcedPosting`).
        var source: String?

        enum CodingKeys: String, CodingKey {
            case title, company, location, level, salary, source
            case employmentTypes = "employment_types"
            case levelLabel = "level_label"
        }

        func posting() throws(LineError) -> JobPosting {
            for (field, text) in [("title", title), ("company", company), ("location", location), ("level_label", levelLabel), ("source", source)] {
                guard let bytes = text?.utf8.count, bytes > JobLines.maxFieldBytes else { continue }
                throw LineError(.fieldTooLong, "\(field) is \(bytes) bytes long (at most \(JobLines.maxFieldBytes))")
            }
            if let count = employmentTypes?.count, count > JobLines.maxListCount {
                throw LineError(.fieldTooLong, "employment_types has \(count) entries (at most \(JobLines.maxListCount))")
            }
            let title = String(title.trimmingSpaces())
            guard !title.isEmpty else { throw LineError(.invalidField, "empty title") }
            let types = try (employmentTypes ?? []).map { (name: String) throws(LineError) -> EmploymentType in
                try value(name, of: EmploymentType.self, field: "employment_types", kind: .invalidField)
            }
            let level = try level.map { (name: String) throws(LineError) -> JobLevel in
                try value(name, of: JobLevel.self, field: "level", kind: .invalidField)
            }
            return JobPosting(
                title: title, company: trimmed(company), location: trimmed(location),
                employmentTypes: types, level: level, levelLabel: trimmed(levelLabel), salary: try salary?.salary())
        }
    }

    private struct LineSalary: Decodable {
        var currency: String
        var min: Double
        var max: Double?
        var period: String?

        func salary() throws(LineError) -> Salary {
            let code = currency.uppercased()
            guard ISO4217.codes.contains(code) else {
                throw LineError(.unknownCurrency, "salary.currency '\(currency.prefix(16))' is not an ISO 4217 currency code")
            }
            let max = max ?? min
            for (field, figure) in [("salary.min", min), ("salary.max", max)] {
                guard figure.isFinite else { throw LineError(.invalidSalary, "\(field) is not a finite number") }
                guard figure > 0 else {
                    throw LineError(.invalidSalary, "\(field) \(Self.text(figure)) is \(figure == 0 ? "zero" : "negative")")
                }
            }
            guard min <= max else {
                throw LineError(.invalidSalary, "salary.min \(Self.text(min)) is above salary.max \(Self.text(max))")
            }
            let period = try period.map { (name: String) throws(LineError) -> SalaryPeriod in
                try value(name, of: SalaryPeriod.self, field: "salary.period", kind: .invalidSalary)
            }
            // Same annualisation and plausibility rule as salaries parsed from articles.
            return SalaryParser.make(currency: code, min: min, max: max, period: period ?? .year)
        }

        /// 90000 rather than 90000.0 for whole figures.
        private static func text(_ figure: Double) -> String {
            figure == figure.rounded() && abs(figure) < 1e15 ? String(Int64(figure)) : String(figure)
        }
    }

    private struct LineError: Error {
        var kind: JobLineRejection.Kind
        var reason: String
        init(_ kind: JobLineRejection.Kind, _ reason: String) {
            self.kind = kind
            self.reason = reason
        }
    }

    private static func value<T: RawRepresentable & CaseIterable>(
        _ name: String, of type: T.Type, field: String, kind: JobLineRejection.Kind
    ) throws(LineError) -> T where T.RawValue == String {
        guard let value = T(rawValue: name) else {
            throw LineError(kind, "\(field) '\(name.prefix(64))' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    private static func reason(for error: DecodingError) -> LineError {
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            (context.codingPath + (last.map { [$0] } ?? [])).map { key in
                key.intValue.map { "[\($0)]" } ?? "." + key.stringValue
            }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .keyNotFound(let key, let context): return LineError(.missingField, "missing \(path(context, key))")
        case .valueNotFound(_, let context): return LineError(.missingField, "\(path(context)) must not be null")
        case .typeMismatch(let type, let context):
            guard !context.codingPath.isEmpty else { return LineError(.invalidJSON, "not a JSON object") }
            let expected = type == Double.self ? "a number" : type == String.self ? "a string" : "\(type)"
            return LineError(.invalidField, "\(path(context)): expected \(expected)")
        case .dataCorrupted(let context):
            guard !context.codingPath.isEmpty else { return LineError(.invalidJSON, "not valid JSON") }
            return LineError(.invalidField, "\(path(context)): \(context.debugDescription)")
        @unknown default: return LineError(.invalidJSON, "not valid JSON")
        }
    }

    /// Offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

/// Splits a byte stream into LF-terminated lines, numbered from 1, keeping at most `maxLength`
/// bytes of a line: a longer one is reported with its length once its end is seen, and its bytes
/// are dropped as they arrive.
struct LineSplitter {
    enum Piece: Equatable {
        case line(number: Int, bytes: [UInt8])
        case tooLong(number: Int, length: Int)
    }

    let maxLength: Int
    private var current: [UInt8] = []
    /// Length so far of the line being dropped, nil while the line is within the limit.
    private var overLength: Int?
    private var number = 1

    init(maxLength: Int) { self.maxLength = maxLength }

    mutating func feed(_ chunk: ArraySlice<UInt8>, _ emit: (Piece) -> Void) {
        var rest = chunk
        while !rest.isEmpty {
            let end = rest.firstIndex(of: 0x0A)
            append(rest[..<(end ?? rest.endIndex)])
            guard let end else { return }
            emit(takeLine())
            rest = rest[(end + 1)...]
        }
    }

    /// The last line when the input does not end with a newline.
    mutating func finish() -> Piece? {
        current.isEmpty && overLength == nil ? nil : takeLine()
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        if let length = overLength {
            overLength = length + bytes.count
        } else if current.count + bytes.count > maxLength {
            overLength = current.count + bytes.count
            current = []
        } else {
            current += bytes
        }
    }

    private mutating func takeLine() -> Piece {
        defer {
            number += 1
            overLength = nil
        }
        if let length = overLength { return .tooLong(number: number, length: length) }
        let line = current
        current.removeAll(keepingCapacity: true)
        return .line(number: number, bytes: line)
    }
}

/// Optional text as postings hold it: trimmed, and nil rather than "".
private func trimmed(_ text: String?) -> String? {
    guard let text = text?.trimmingSpaces(), !text.isEmpty else { return nil }
    return String(text)
}
