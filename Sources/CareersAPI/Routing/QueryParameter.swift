import CareersCore

/// One query parameter a route accepts, declared once: its name, its type with the limits a value
/// must meet, whether it may repeat, and its OpenAPI description. `QueryReader` validates every
/// pair against it when the query is read (so a 400 names all bad parameters at once), handlers
/// read typed values through it, and `/openapi.json` describes it from the same value.
struct QueryParameter: Sendable {
    enum Kind: Sendable {
        /// Free text; empty (after trimming) means "not given".
        case text
        case integer(ClosedRange<Int>, default: Int)
        /// A finite decimal number of at least `minimum` (no hex, no `inf`).
        case number(minimum: Double)
        case boolean
        /// One of these exact spellings.
        case choice([String])
        /// Any other rule: `accepts` decides, `reason` tells the client what a value must be.
        case custom(schema: JSONValue, reason: String, accepts: @Sendable (String) -> Bool)
        /// A comma-separated list, checked by its handler (whose messages say more than a schema).
        case list(schema: JSONValue)
    }

    let name: String
    let kind: Kind
    let description: String
    /// Values add up instead of being rejected as given twice.
    var repeatable = false
    var required = false
    /// Described once under `components/parameters` and referenced (shared by several routes).
    var shared = false
    /// Accepted but left out of the OpenAPI parameters (described by another parameter's text).
    var documented = true
    /// An example from the data being served, so clients (and schemathesis) reach real resources.
    var example: (@Sendable (Repository) -> JSONValue?)? = nil

    init(
        _ name: String, _ kind: Kind, _ description: String, repeatable: Bool = false, required: Bool = false,
        shared: Bool = false, documented: Bool = true, example: (@Sendable (Repository) -> JSONValue?)? = nil
    ) {
        self.name = name
        self.kind = kind
        self.description = description
        self.repeatable = repeatable
        self.required = required
        self.shared = shared
        self.documented = documented
        self.example = example
    }

    /// Why `value` is not acceptable, or nil when it is.
    func problem(with value: String) -> String? {
        switch kind {
        case .text, .list:
            return nil
        case .integer(let range, _):
            guard let n = Int(value), range.contains(n) else {
                return "must be an integer from \(range.lowerBound) to \(range.upperBound)"
            }
            return nil
        case .number(let minimum):
            return QueryParameter.number(value, minimum: minimum) == nil ? "must be a number of at least \(Int(minimum))" : nil
        case .boolean:
            return value == "true" || value == "false" ? nil : "must be true or false"
        case .choice(let values):
            return values.contains(value) ? nil : "must be one of: \(values.joined(separator: ", "))"
        case .custom(_, let reason, let accepts):
            return accepts(value) ? nil : reason
        }
    }

    static func number(_ text: String, minimum: Double) -> Double? {
        guard let n = Double(text), n.isFinite, n >= minimum,
            !text.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" })
        else { return nil }
        return n
    }

    /// The JSON schema of one value.
    var schema: JSONValue {
        switch kind {
        case .text: OpenAPIDocument.string
        case .integer(let range, let defaultValue):
            [
                "type": "integer", "minimum": .number(Double(range.lowerBound)), "maximum": .number(Double(range.upperBound)),
                "default": .number(Double(defaultValue)),
            ]
        case .number(let minimum): ["type": "number", "minimum": .number(minimum)]
        case .boolean: OpenAPIDocument.boolean
        case .choice(let values): OpenAPIDocument.enumeration(values)
        case .custom(let schema, _, _), .list(let schema): schema
        }
    }

    /// The OpenAPI parameter object.
    func openAPI(_ repository: Repository) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(name)), ("in", "query"), ("required", .bool(required))]
        if case .list = kind { members += [("style", "form"), ("explode", false)] }
        members += [("description", .string(description)), ("schema", schema)]
        if let example = example?(repository) { members.append(("example", example)) }
        return .object(pairs: members)
    }
}

extension QueryParameter.Kind {
    /// The cases of a string enum, in declaration order.
    static func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> Self where E.RawValue == String {
        .choice(type.allCases.map(\.rawValue))
    }
}
