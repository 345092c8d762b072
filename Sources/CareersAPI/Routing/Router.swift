struct RouteMatch: Sendable {
    /// The position of `route` in `Routes.all` (and of its prepared state in a `Snapshot`).
    var index: Int
    var route: Route
    /// The decoded `{id}` segment, when the template has one.
    var id: String?
}

/// Matching runs on the path's UTF-8 bytes against templates split once: splitting the path into
/// Substrings and comparing them as Strings cost about a fifth of a `/roles` request (callgrind).
/// The path is matched once per request; everything after works from the `RouteMatch`.
enum Router {
    /// Each route with its literal segments as bytes; nil stands for `{id}`.
    private static let table: [(segments: [[UInt8]?], route: Route)] = Routes.all.map { route in
        (route.path.split(separator: "/").map { $0 == "{id}" ? nil : Array($0.utf8) }, route)
    }
    private static let maxSegments = table.map(\.segments.count).max() ?? 0

    /// Matches a raw (percent-encoded) path. An `{id}` that does not decode is passed on raw, so
    /// the lookup fails with a 404 naming exactly what the client sent.
    static func match(path: String) -> RouteMatch? {
        var path = path
        return path.withUTF8 { match(bytes: $0) }
    }

    /// The segments are what follows the leading "/", split at every "/" with empty ones kept;
    /// "/" alone has none.
    private static func match(bytes: UnsafeBufferPointer<UInt8>) -> RouteMatch? {
        let slash = UInt8(ascii: "/")
        guard bytes.first == slash else { return nil }
        let segmentCount = bytes.count == 1 ? 0 : bytes.reduce(0) { $1 == slash ? $0 + 1 : $0 }
        guard segmentCount <= maxSegments else { return nil }
        for (index, entry) in table.enumerated() where entry.segments.count == segmentCount {
            var start = 1
            var idRange: Range<Int>?
            var matched = true
            for template in entry.segments {
                var end = start
                while end < bytes.count && bytes[end] != slash { end += 1 }
                let actual = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if let literal = template {
                    matched = actual.elementsEqual(literal)
                } else {
                    matched = !actual.isEmpty
                    idRange = start..<end
                }
                if !matched { break }
                start = end + 1
            }
            guard matched else { continue }
            let id = idRange.map { range in
                let raw = UnsafeBufferPointer(rebasing: bytes[range])
                return PercentDecoding.decode(raw, plusIsSpace: false) ?? String(decoding: raw, as: UTF8.self)
            }
            return RouteMatch(index: index, route: entry.route, id: id)
        }
        return nil
    }
}
