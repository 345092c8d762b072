/// When two items of one role say the same thing. Items from *different* articles are one piece
/// of advice when
/// - their labels are the same once folded ("Build a Strong Foundation:" in three articles), or
/// - their content words overlap: the Jaccard index of the two sets of folded content words
///   (label and text; stop words left out, a plural "-s" dropped) is at least `threshold`.
///   "Lead and mentor a team of machine learning engineers and data scientists." and "Lead and
///   mentor a team of data scientists and engineers." share 6 of 8 words (0.75): one item;
///   "Excellent communication and collaboration abilities." and "Excellent communication and
///   leadership abilities." share 3 of 5 (0.6): two items.
/// Items of one article are never merged with each other (the article lists them apart on
/// purpose); identical texts are one item wherever they come from.
enum SameAdvice {
    /// As a fraction: `threshold.numerator / threshold.denominator` (0.75), compared in integers.
    static let threshold = (numerator: 3, denominator: 4)

    private static let stopWords: Set<Substring> = [
        "a", "an", "the", "and", "or", "of", "to", "in", "for", "with", "on", "at", "by", "from", "as", "is", "are", "be",
        "your", "their", "its", "into", "that", "this", "these", "those", "can", "such", "it", "you", "we", "they", "our",
        "e", "g", "eg", "ie", "etc", "also", "both", "well",
    ]

    /// The folded label, hashed; nil for an unlabelled item.
    static func labelKey(_ label: String?) -> UInt64? {
        guard let label else { return nil }
        let key = TextKey.foldedHash(label)
        return key == TextKey.foldedHash("") ? nil : key
    }

    /// The stop words' bytes packed into an integer (at most 7 non-zero bytes each, so the
    /// packing is one-to-one), for the byte path of `contentWords`.
    private static let stopWordCodes = Set(stopWords.map { packed($0.utf8) })

    private static func packed<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Sorted, distinct hashes of the content words of a label and text.
    static func contentWords(label: String?, text: String) -> [UInt64] {
        var folded = TextKey.fold(label.map { $0 + " " + text } ?? text)
        var hashes: [UInt64] = []
        if folded.isASCIIOnly {
            // Nearly every item: the same words, stop words, stems and hashes as below, on the
            // bytes (the Character split and Substring set lookups were ~2 ms of a seeds start-up).
            folded.withUTF8 { bytes in
                // Words found in place: `split` built an array of slices per item.
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                    defer { start = end + 1 }
                    guard end > start else { continue }
                    let word = bytes[start..<end]
                    if word.count <= 7, stopWordCodes.contains(packed(word)) { continue }
                    let stemmed = word.count > 3 && word.last == UInt8(ascii: "s") && word[word.endIndex - 2] != UInt8(ascii: "s")
                    hashes.append(TextKey.fnv1a64(bytes: stemmed ? word.dropLast() : word[...]))
                }
            }
        } else {
            for word in folded.split(separator: " ") where !stopWords.contains(word) {
                var stem = word
                if stem.utf8.count > 3, stem.hasSuffix("s"), !stem.hasSuffix("ss") { stem = stem.dropLast() }
                hashes.append(TextKey.fnv1a64(String(stem)))
            }
        }
        hashes.sort()
        var distinct: [UInt64] = []
        distinct.reserveCapacity(hashes.count)
        for hash in hashes where distinct.last != hash { distinct.append(hash) }
        return distinct
    }

    static func similar(_ lhs: [UInt64], _ rhs: [UInt64]) -> Bool {
        guard !lhs.isEmpty, !rhs.isEmpty else { return false }
        // The length filter: the shared words are at most the smaller set and the union at
        // least the larger, so sets whose sizes differ too much fail without being compared.
        let (smaller, larger) = lhs.count < rhs.count ? (lhs.count, rhs.count) : (rhs.count, lhs.count)
        guard smaller * threshold.denominator >= larger * threshold.numerator else { return false }
        var (i, j, shared) = (0, 0, 0)
        while i < lhs.count && j < rhs.count {
            if lhs[i] == rhs[j] {
                shared += 1
                i += 1
                j += 1
            } else if lhs[i] < rhs[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let union = lhs.count + rhs.count - shared
        return shared * threshold.denominator >= union * threshold.numerator
    }

    /// How many of a set's first words (in hash order) any set similar to it must share one of:
    /// two sets with Jaccard ≥ t share at least ⌈t·n⌉ of each one's n words, so they meet within
    /// each one's first n − ⌈t·n⌉ + 1 (the prefix filter): candidates come from an index of
    /// prefixes instead of a scan of every item.
    static func prefixLength(_ count: Int) -> Int {
        let needed = (count * threshold.numerator + threshold.denominator - 1) / threshold.denominator
        return Swift.max(0, count - needed + 1)
    }
}
