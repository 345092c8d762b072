/// One rejected query parameter, as reported in a problem's `invalid_params`.
struct InvalidParam: Sendable, Hashable {
    var name: String
    var reason: String
}

/// Reads and validates a query string against the parameters one route accepts. Every problem is
/// collected (not just the first), so one 400 names them all.
struct QueryReader {
    struct Pair {
        var name: String
        var value: String
        /// The pair as the client wrote it, reused verbatim in `next` links.
        var raw: Substring
    }

    private(set) var pairs: [Pair] = []
    private(set) var errors: [InvalidParam] = []

    init(query: String?, allowed: Set<String>, repeatable: Set<String> = []) {
        guard let query, !query.isEmpty else { return }
        var seen: Set<String> = []
        var reported: Set<String> = []
        // Split on scalars, not Characters: a combining mark after "&" or "=" must not glue
        // the delimiter into a grapheme cluster and hide it.
        for scalars in query.unicodeScalars.split(separator: "&", omittingEmptySubsequences: true) {
            let raw = Substring(scalars)
            let rawName: Substring
            let rawValue: Substring
            if let eq = scalars.firstIndex(of: "=") {
                rawName = Substring(scalars[..<eq])
                rawValue = Substring(scalars[scalars.index(after: eq)...])
            } else {
                rawName = raw
                rawValue = ""
            }
            guard let name = PercentDecoding.decode(rawName.utf8, plusIsSpace: true) else {
                errors.append(InvalidParam(name: String(rawName), reason: "malformed percent-encoding in the parameter name"))
                continue
            }
            guard allowed.contains(name) else {
                if reported.insert(name).inserted {
                    errors.append(InvalidParam(name: name, reason: allowed.isEmpty
                        ? "unknown parameter; this route takes no parameters"
                        : "unknown parameter; accepted: \(allowed.sorted().joined(separator: ", "))"))
                }
                continue
            }
            guard let value = PercentDecoding.decode(rawValue.utf8, plusIsSpace: true) else {
                errors.append(InvalidParam(name: name, reason: "malformed percent-encoding (a % must be followed by two hex digits and the bytes must be UTF-8)"))
                continue
            }
            if !seen.insert(name).inserted, !repeatable.contains(name) {
                if reported.insert(name).inserted {
                    errors.append(InvalidParam(name: name, reason: "given more than once; it takes a single value"))
                }
                continue
            }
            pairs.append(Pair(name: name, value: value, raw: raw))
        }
    }

    func values(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    func has(_ name: String) -> Bool { pairs.contains { $0.name == name } }

    mutating func fail(_ name: String, _ reason: String) {
        errors.append(InvalidParam(name: name, reason: reason))
    }

    /// A free-text value; empty means "not given".
    func string(_ name: String) -> String? {
        guard let v = values(name).first else { return nil }
        let trimmed = v.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    mutating func int(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) -> Int {
        guard let v = values(name).first else { return defaultValue }
        guard let n = Int(v), range.contains(n) else {
            fail(name, "must be an integer from \(range.lowerBound) to \(range.upperBound)")
            return defaultValue
        }
        return n
    }

    mutating func number(_ name: String, minimum: Double) -> Double? {
        guard let v = values(name).first else { return nil }
        guard let n = Double(v), n.isFinite, n >= minimum, !v.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }) else {
            fail(name, "must be a number of at least \(Int(minimum))")
            return nil
        }
        return n
    }

    mutating func bool(_ name: String) -> Bool? {
        guard let v = values(name).first else { return nil }
        switch v {
        case "true": return true
        case "false": return false
        default:
            fail(name, "must be true or false")
            return nil
        }
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let v = values(name).first else { return nil }
        guard let e = E(rawValue: v) else {
            fail(name, "must be one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return e
    }

    /// The query without `limit` and `offset`, as the client wrote it, for `next` links.
    func preservedPairs(excluding: Set<String>) -> [Substring] {
        pairs.filter { !excluding.contains($0.name) }.map(\.raw)
    }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
