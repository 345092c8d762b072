import Synchronization

/// Responses to queries, kept by their exact target so a repeated query costs one dictionary
/// lookup instead of a search and a serialisation. Lives in a snapshot, so a reload starts it
/// empty; bounded by bytes, and emptied whole when full (queries repeat in bursts, and a clear
/// is cheaper and fairer than tracking recency on every hit).
final class QueryCache: Sendable {
    static let maxBytes = 32 << 20
    static let maxEntryBytes = 1 << 20

    /// The route (its index in the snapshot's table) and the query as received: no key string
    /// is built per request (that concatenation was ~0.5 % of a cached `/jobs?…` in `perf`).
    private struct Key: Hashable {
        let route: Int
        let query: String
    }

    private struct State {
        var entries: [Key: Representation] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())

    subscript(route route: Int, query query: String) -> Representation? {
        let key = Key(route: route, query: query)
        return state.withLock { $0.entries[key] }
    }

    func insert(_ representation: Representation, route: Int, query: String) {
        let key = Key(route: route, query: query)
        let size = representation.body.count + (representation.gzipBody?.count ?? 0) + query.utf8.count + 8
        guard size <= Self.maxEntryBytes else { return }
        state.withLock { state in
            if state.bytes + size > Self.maxBytes {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            if state.entries.updateValue(representation, forKey: key) == nil { state.bytes += size }
        }
    }
}
