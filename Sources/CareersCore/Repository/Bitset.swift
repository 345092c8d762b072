/// A fixed-size set of job positions; filters combine as word-wise ANDs.
struct Bitset: Sendable, Hashable {
    private(set) var words: [UInt64]
    let count: Int

    init(count: Int, filled: Bool = false) {
        self.count = count
        words = Array(repeating: filled ? ~0 : 0, count: (count + 63) / 64)
        if filled, count % 64 != 0, !words.isEmpty { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
    }

    mutating func insert(_ position: Int) {
        words[position >> 6] |= 1 << UInt64(position & 63)
    }

    func contains(_ position: Int) -> Bool {
        words[position >> 6] & (1 << UInt64(position & 63)) != 0
    }

    mutating func formIntersection(_ other: Bitset) {
        for index in words.indices { words[index] &= other.words[index] }
    }

    mutating func formUnion(_ other: Bitset) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Positions in ascending order.
    func positions() -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(cardinality)
        for (index, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                result.append(index << 6 | remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
        return result
    }
}
