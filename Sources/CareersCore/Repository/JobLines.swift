#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
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

/// Extra postings as JSON lines: one object per non-empty line. A bad line is reported with its
/// number and skipped, like a rejected article, so one typo does not hide the other postings.
public enum JobLines {
    public static func parse(bytes: [UInt8], file: String) -> (postings: [JobPosting], rejected: [ArticleRejection]) {
        var postings: [JobPosting] = []
        var rejected: [ArticleRejection] = []
        let decoder = JSONDecoder()
        for (index, rawLine) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if index == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            do {
                let decoded = try decoder.decode(Line.self, from: Data(line))
                postings.append(try decoded.posting())
            } catch let error as DecodingError {
                rejected.append(ArticleRejection(file: file, reason: reason(for: error), line: index + 1))
            } catch let error as LineError {
                rejected.append(ArticleRejection(file: file, reason: error.reason, line: index + 1))
            } catch {
                rejected.append(ArticleRejection(file: file, reason: String(describing: error), line: index + 1))
            }
        }
        return (postings, rejected)
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
            let title = String(title.trimmingSpaces())
            guard !title.isEmpty else { throw LineError(reason: "empty title") }
            let types = try (employmentTypes ?? []).map { (name: String) throws(LineError) -> EmploymentType in
                try value(name, of: EmploymentType.self, field: "employment_types")
            }
            let level = try level.map { (name: String) throws(LineError) -> JobLevel in try value(name, of: JobLevel.self, field: "level") }
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
            guard code.count == 3, code.unicodeScalars.allSatisfy({ $0.value >= 0x41 && $0.value <= 0x5A }) else {
                throw LineError(reason: "salary.currency '\(currency)' is not a three-letter ISO 4217 code")
            }
            let period = try period.map { (name: String) throws(LineError) -> SalaryPeriod in try value(name, of: SalaryPeriod.self, field: "salary.period") }
            // Same annualisation and plausibility rule as salaries parsed from articles.
            return SalaryParser.make(currency: code, min: min, max: max ?? min, period: period ?? .year)
        }
    }

    private struct LineError: Error {
        var reason: String
    }

    private static func value<T: RawRepresentable & CaseIterable>(_ name: String, of type: T.Type, field: String) throws(LineError) -> T
    where T.RawValue == String {
        guard let value = T(rawValue: name) else {
            throw LineError(reason: "\(field) '\(name)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    private static func reason(for error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            (context.codingPath + (last.map { [$0] } ?? [])).map { key in
                key.intValue.map { "[\($0)]" } ?? "." + key.stringValue
            }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(path(context, key))"
        case .valueNotFound(_, let context): return "\(path(context)) must not be null"
        case .typeMismatch(let type, let context):
            return context.codingPath.isEmpty ? "not a JSON object" : "\(path(context)): expected \(type == Double.self ? "a number" : type == String.self ? "a string" : "\(type)")"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default: return String(describing: error)
        }
    }
}

/// Optional text as postings hold it: trimmed, and nil rather than "".
private func trimmed(_ text: String?) -> String? {
    guard let text = text?.trimmingSpaces(), !text.isEmpty else { return nil }
    return String(text)
}
