import OrderedCollections

/// A JSON tree with literal syntax, for documents written by hand in Swift (the OpenAPI
/// document). Objects keep their keys in the order written.
indirect enum JSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([JSONValue])
    case object(OrderedDictionary<String, JSONValue>)
    case null

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A repeated key in a literal is a programming error, as in a `Dictionary` literal.
    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(OrderedDictionary(uniqueKeysWithValues: elements)) }

    /// An object from members in order; a repeated key keeps its first place and its last value.
    static func object(pairs: [(String, JSONValue)]) -> JSONValue {
        .object(OrderedDictionary(pairs, uniquingKeysWith: { _, last in last }))
    }
    init(nilLiteral: ()) { self = .null }

    /// An object with more members (later keys replace earlier ones).
    func merging(_ other: JSONValue) -> JSONValue {
        guard case .object(var mine) = self, case .object(let theirs) = other else { return self }
        mine.merge(theirs) { _, new in new }
        return .object(mine)
    }
}

extension JSONWriter {
    mutating func value(_ v: JSONValue) {
        switch v {
        case .string(let s): string(s)
        case .number(let n): number(n)
        case .bool(let b): bool(b)
        case .null: null()
        case .array(let items): array(items) { $0.value($1) }
        case .object(let members):
            object { o in
                for (key, member) in members {
                    o.key(key)
                    o.value(member)
                }
            }
        }
    }
}
