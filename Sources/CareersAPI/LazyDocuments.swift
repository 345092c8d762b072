import HTTPServer

/// The documents of a resource route, one per id, each serialised, tagged and given its fields on
/// its first request and then kept for the snapshot's life (once made, a lookup is a dictionary
/// probe and one atomic load, as before).
/// Why not up front: making the seeds' ~200 role, job, comparison and entity documents before
/// `/healthz` could answer was about a seventh of start-up, and with 10,000 articles and 80,000
/// jobs most documents are never asked for between two reloads. Concurrent first requests for
/// one id wait for the one document (`MadeOnce`), so every client sees the same bytes and tag.
struct DocumentTable: Sendable {
    private let positions: [String: Int]
    private let cells: [MadeOnce<Representation>]
    private let make: @Sendable (Int) -> Representation

    /// `make(i)` builds the document of `ids[i]`; the first of equal ids wins.
    init(ids: [String], make: @escaping @Sendable (Int) -> Representation) {
        self.init(
            positions: Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }),
            count: ids.count, make: make)
    }

    private init(positions: [String: Int], count: Int, make: @escaping @Sendable (Int) -> Representation) {
        self.positions = positions
        cells = (0..<count).map { _ in MadeOnce() }
        self.make = make
    }

    /// A table of another form of the same items (a job's JSON-LD beside its JSON): the id index
    /// is shared, not built again (80,000 entries at 10,000 articles).
    func sibling(make: @escaping @Sendable (Int) -> Representation) -> DocumentTable {
        DocumentTable(positions: positions, count: cells.count, make: make)
    }

    /// The document of `id`, made now if this is its first request; nil when no item has that id.
    subscript(id: String) -> Representation? {
        guard let position = positions[id] else { return nil }
        return cells[position].value { make(position) }
    }

    /// How many documents have been made so far (for tests).
    var madeCount: Int { cells.count { $0.ifMade != nil } }
}

/// A query route's answer to no query, made on the first request without one and then kept, for
/// the same reason as `DocumentTable` (the OpenAPI document alone was ~2 % of start-up).
final class UnqueriedAnswer: Sendable {
    /// Nil inside when the answer to no query is an error (e.g. `/compare` without roles): such
    /// requests go through the handler each time, as queries do.
    private final class Made: Sendable {
        let representation: Representation?
        init(_ representation: Representation?) { self.representation = representation }
    }

    private let made = MadeOnce<Made>()
    private let make: @Sendable () -> Representation?

    init(make: @escaping @Sendable () -> Representation?) { self.make = make }

    var representation: Representation? { made.value { Made(make()) }.representation }

    var isMade: Bool { made.ifMade != nil }
}
