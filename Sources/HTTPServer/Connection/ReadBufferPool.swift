/// The read buffers of one event loop's connections that are between requests. An idle
/// keep-alive connection holds no read buffer (as nginx frees its header buffer): 4 KiB each was
/// most of the memory of 10,000 idle connections. Handing the buffer to the loop instead of
/// freeing it spares a busy connection a malloc and a 4 KiB memset per request (~1.5 % of a
/// cached `/roles` in `perf`), and a new connection its first allocation.
///
/// A loop serves one connection at a time, so a handful of spares covers it; the bound keeps
/// what a burst of closes hands back from staying allocated.
struct ReadBufferPool {
    /// The size of every buffer a connection starts with; a buffer grown past it (a long head,
    /// a TLS record) is freed rather than kept.
    static let bufferBytes = 4096

    private var spares: [[UInt8]] = []
    let limit: Int

    init(limit: Int = 4) {
        self.limit = limit
        spares.reserveCapacity(limit)
    }

    var count: Int { spares.count }

    /// A spare buffer, or a new one. Its bytes are whatever the last connection left: the
    /// connection reads only what it received since.
    mutating func take() -> [UInt8] {
        spares.popLast() ?? [UInt8](repeating: 0, count: Self.bufferBytes)
    }

    /// Keeps `buffer` for the next `take` when it has the standard size and there is room.
    mutating func give(_ buffer: [UInt8]) {
        guard buffer.count == Self.bufferBytes, spares.count < limit else { return }
        spares.append(buffer)
    }
}
