/// What a route handler produces, before the HTTP concerns common to all routes (conditional
/// requests, compression, caching and CORS headers) are applied.
enum Outcome: Sendable {
    case ok(Representation, vary: String? = nil)
    case problem(Problem)
}

/// The list envelope `{"items","total","limit","offset","next"}`, from items serialised
/// elsewhere (often once, at start-up).
struct Page {
    var limit: Int
    var offset: Int

    init(_ reader: QueryReader) {
        limit = reader.int(.limit)
        offset = reader.int(.offset)
    }

    /// `extra` writes members after the envelope's own (e.g. `facets`).
    func envelope(
        path: String, reader: QueryReader, total: Int, items: some Collection<[UInt8]>, extra: ((inout JSONWriter) -> Void)? = nil
    ) -> [UInt8] {
        var w = JSONWriter(capacity: 256 + items.reduce(0) { $0 + $1.count + 1 })
        w.object { o in
            o.field("items", array: { a in
                for item in items { a.raw(item) }
            })
            o.field("total", total)
            o.field("limit", limit)
            o.field("offset", offset)
            o.field("next", next(path: path, reader: reader, total: total))
            extra?(&o)
        }
        return w.bytes
    }

    /// The next page keeps the client's other parameters as written, in their order, with
    /// `limit` and `offset` appended.
    func next(path: String, reader: QueryReader, total: Int) -> String? {
        guard offset + limit < total else { return nil }
        var parts = reader.preservedPairs(excluding: [QueryParameter.limit.name, QueryParameter.offset.name]).map(String.init)
        parts.append("limit=\(limit)")
        parts.append("offset=\(offset + limit)")
        return path + "?" + parts.joined(separator: "&")
    }

    func slice<T>(_ all: [T]) -> ArraySlice<T> {
        guard offset < all.count else { return [] }
        return all[offset..<min(all.count, offset + limit)]
    }
}

extension QueryParameter {
    static let limit = QueryParameter("limit", .integer(1...100, default: 20), "Page size, 1 to 100.", shared: true)
    static let offset = QueryParameter("offset", .integer(0...1_000_000, default: 0), "Items to skip.", shared: true)
}
