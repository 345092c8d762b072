/// A JSON tree with literal syntax, for documents written by hand in Swift (the OpenAPI
/// document). Objects keep their keys in the order written.
indirect enum JSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])
    case null

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
    init(nilLiteral: ()) { self = .null }

    /// An object with more members (later keys replace earlier ones).
    func merging(_ other: JSONValue) -> JSONValue {
        guard case .object(var mine) = self, case .object(let theirs) = other else { return self }
        for (key, value) in theirs {
            if let i = mine.firstIndex(where: { $0.0 == key }) { mine[i].1 = value } else { mine.append((key, value)) }
        }
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
