/// One rejected query parameter, as reported in a problem's `invalid_params`.
struct InvalidParam: Sendable, Hashable {
    var name: String
    var reason: String
}

/// Reads a query string and validates it against the parameters one route declares: unknown
/// names, values that break their declared type or limits, and repeats of single-valued
/// parameters are all collected (not just the first), so one 400 names them all. Handlers then
/// read typed values through the same declarations.
struct QueryReader {
    struct Pair {
        var name: String
        var value: String
        /// The pair as the client wrote it, reused verbatim in `next` links.
        var raw: Substring
    }

    private(set) var pairs: [Pair] = []
    private(set) var errors: [InvalidParam] = []

    init(query: String?, route: Route) {
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
            guard let parameter = route.accepted[name] else {
                if reported.insert(name).inserted {
                    errors.append(InvalidParam(name: name, reason: route.unknownParameterReason))
                }
                continue
            }
            guard let value = PercentDecoding.decode(rawValue.utf8, plusIsSpace: true) else {
                errors.append(InvalidParam(name: name, reason: "malformed percent-encoding (a % must be followed by two hex digits and the bytes must be UTF-8)"))
                continue
            }
            if !seen.insert(name).inserted, !parameter.repeatable {
                if reported.insert(name).inserted {
                    errors.append(InvalidParam(name: name, reason: "given more than once; it takes a single value"))
                }
                continue
            }
            if let reason = parameter.problem(with: value) {
                errors.append(InvalidParam(name: name, reason: reason))
                continue
            }
            pairs.append(Pair(name: name, value: value, raw: raw))
        }
    }

    /// Every value given for `parameter`, in order (more than one only for repeatable ones).
    func values(_ parameter: QueryParameter) -> [String] { pairs.filter { $0.name == parameter.name }.map(\.value) }

    private func first(_ parameter: QueryParameter) -> String? { pairs.first { $0.name == parameter.name }?.value }

    /// A failure the declarations cannot express (a rule across parameters, a count).
    mutating func fail(_ name: String, _ reason: String) {
        errors.append(InvalidParam(name: name, reason: reason))
    }

    // Typed values. Each was validated against its declaration when the query was read, so a
    // value that is present parses here.

    /// A free-text value; empty means "not given".
    func string(_ parameter: QueryParameter) -> String? {
        guard let v = first(parameter) else { return nil }
        let trimmed = v.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    func int(_ parameter: QueryParameter) -> Int {
        guard case .integer(_, let defaultValue) = parameter.kind else { return 0 }
        return first(parameter).flatMap { Int($0) } ?? defaultValue
    }

    func number(_ parameter: QueryParameter) -> Double? {
        guard case .number(let minimum) = parameter.kind else { return nil }
        return first(parameter).flatMap { QueryParameter.number($0, minimum: minimum) }
    }

    func bool(_ parameter: QueryParameter) -> Bool? {
        first(parameter).map { $0 == "true" }
    }

    func choice<E: RawRepresentable>(_ parameter: QueryParameter, _ type: E.Type) -> E? where E.RawValue == String {
        first(parameter).flatMap { E(rawValue: $0) }
    }

    /// The raw value, for parameters of kind `custom`.
    func value(_ parameter: QueryParameter) -> String? { first(parameter) }

    /// The query without `limit` and `offset`, as the client wrote it, for `next` links.
    func preservedPairs(excluding: Set<String>) -> [Substring] {
        pairs.filter { !excluding.contains($0.name) }.map(\.raw)
    }

    /// True for a query with no pairs at all ("", "&", "&&"): it is answered as no query.
    static func isEmpty(_ query: String?) -> Bool {
        guard let query else { return true }
        return query.utf8.allSatisfy { $0 == UInt8(ascii: "&") }
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

extension StringProtocol {
    /// Without the given characters at either end.
    func trimming(_ set: String) -> String {
        let chars = Set(set)
        guard let start = firstIndex(where: { !chars.contains($0) }), let end = lastIndex(where: { !chars.contains($0) })
        else { return "" }
        return String(self[start...end])
    }
}
