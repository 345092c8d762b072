#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Substring search and splitting on UTF-8 bytes for ASCII text, where it gives exactly the answer
/// of the stdlib's Character-level `firstRange(of:)` (every ASCII character is one grapheme, CR LF
/// aside, and no needle here holds a CR or LF). The stdlib's searcher and the `split`/`joined`
/// round trips around it dominated parsing time; text with other characters still goes through
/// the stdlib, so accents and combining marks keep their grapheme semantics.
extension StringProtocol {
    /// `firstRange(of: needle)`, on the bytes when both sides are ASCII.
    func firstRangeFast(of needle: String) -> Range<Index>? {
        let utf8 = self.utf8
        let result = utf8.withContiguousStorageIfAvailable { text in
            ByteSearch.isASCII(text) ? ByteSearch.searchASCII(needle, in: text) : ByteSearch.searchInOtherText(needle, in: text)
        }
        switch result ?? .notASCII {
        case .notASCII:
            return firstRange(of: needle)
        case .absent:
            return nil
        case .found(let offset):
            let start = utf8.index(utf8.startIndex, offsetBy: offset)
            return start..<utf8.index(start, offsetBy: needle.utf8.count)
        }
    }

    /// `utf8.contains(byte)` on the contiguous bytes: the UTF-8 view's iterator costs several times
    /// more per byte, and lines are asked this often ("|" for postings, "(" for qualified roles).
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }

    /// `hasPrefix(prefix)`, on the bytes when the prefix and the text's bytes up to one past it are
    /// ASCII: those are then single Characters (CR LF aside, and a prefix not ending in CR cannot
    /// end inside that pair), with no combining mark after them. Every line asks several of these
    /// ("salary insights", "featured job", "@").
    func hasPrefixFast(_ prefix: String) -> Bool {
        let answer = utf8.withContiguousStorageIfAvailable { bytes in
            prefix.utf8.withContiguousStorageIfAvailable { pattern -> Bool? in
                guard pattern.last != 0x0D, ByteSearch.isASCII(pattern) else { return nil }
                guard bytes.count >= pattern.count else { return false }
                guard ByteSearch.isASCII(UnsafeBufferPointer(rebasing: bytes[..<Swift.min(bytes.count, pattern.count + 1)])) else { return nil }
                return bytes[..<pattern.count].elementsEqual(pattern)
            } ?? nil
        } ?? nil
        return answer ?? hasPrefix(prefix)
    }

    /// `hasSuffix(suffix)`, on the bytes when the suffix and the text's bytes from one before it
    /// are ASCII: those are then single Characters (a suffix not starting with LF cannot start
    /// inside CR LF), with no prepended mark before them.
    func hasSuffixFast(_ suffix: String) -> Bool {
        let answer = utf8.withContiguousStorageIfAvailable { bytes in
            suffix.utf8.withContiguousStorageIfAvailable { pattern -> Bool? in
                guard pattern.first != 0x0A, ByteSearch.isASCII(pattern) else { return nil }
                guard bytes.count >= pattern.count else { return false }
                let tail = bytes.count - pattern.count
                guard ByteSearch.isASCII(UnsafeBufferPointer(rebasing: bytes[Swift.max(0, tail - 1)...])) else { return nil }
                return bytes[tail...].elementsEqual(pattern)
            } ?? nil
        } ?? nil
        return answer ?? hasSuffix(suffix)
    }

    /// Whether every byte is ASCII.
    var isASCIIOnly: Bool {
        utf8.withContiguousStorageIfAvailable(ByteSearch.isASCII) ?? utf8.allSatisfy { $0 < 0x80 }
    }
}

enum ByteSearch {
    /// The bounds of `trimmingSpaces()` found on the bytes, or nil where that needs characters.
    /// Leading blanks are read up to the first ASCII non-blank (index 0 starts a grapheme, and an
    /// ASCII blank followed by ASCII is a grapheme of its own, CR LF being blank as a whole);
    /// trailing blanks likewise down to an ASCII non-blank. A non-ASCII byte met on either side
    /// (NBSP, a combining mark on a space, a prepended mark) leaves the decision to `Character`.
    static func trimBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var low = 0
        while low < bytes.count {
            if bytes[low] >= 0x80 { return nil }
            if !isBlank(bytes[low]) { break }
            low += 1
        }
        var high = bytes.count
        while high > low {
            if bytes[high - 1] >= 0x80 { return nil }
            if !isBlank(bytes[high - 1]) { break }
            high -= 1
        }
        return low..<high
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Eight bytes at a time: this runs on nearly every line.
        var index = 0
        let count = bytes.count
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= count {
                if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
        }
        while index < count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    enum Result { case found(Int), absent, notASCII }

    /// Where `needle` is in ASCII `text`. A needle with other characters cannot be among ASCII
    /// characters; one with a line break is left to the Character-level search (`.notASCII`).
    static func searchASCII(_ needle: String, in text: UnsafeBufferPointer<UInt8>) -> Result {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard !pattern.contains(0x0D), !pattern.contains(0x0A) else { return .notASCII }
            guard isASCII(pattern) else { return .absent }
            return offset(of: pattern, in: text).map(Result.found) ?? .absent
        }
    }

    /// Where an ASCII `needle` is in text with other characters too, when the bytes can tell: each
    /// Character of such a needle is its one byte, and nothing else is canonically equivalent to
    /// it unless the needle holds "K", ";" or "`" (Kelvin sign, Greek question mark, Greek varia),
    /// so every Character match is a byte match. No byte match: absent. The first byte match with
    /// ASCII bytes around it is on Character boundaries, so it is the first Character match too.
    /// Otherwise (a mark or a prepended character next to it) the Characters decide.
    static func searchInOtherText(_ needle: String, in text: UnsafeBufferPointer<UInt8>) -> Result {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard !pattern.isEmpty, isASCII(pattern),
                !pattern.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == UInt8(ascii: "K") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "`") })
            else { return .notASCII }
            guard let found = offset(of: pattern, in: text) else { return .absent }
            let end = found + pattern.count
            guard found == 0 || text[found - 1] < 0x80, end == text.count || text[end] < 0x80 else { return .notASCII }
            return .found(found)
        }
    }

    static func offset(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = pattern.first else { return start <= text.count ? start : nil }
        guard pattern.count <= text.count else { return nil }
        var position = start
        let last = text.count - pattern.count
        while position <= last {
            if text[position] == first {
                var matched = 1
                while matched < pattern.count && text[position + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return position }
            }
            position += 1
        }
        return nil
    }
}

extension StringProtocol {
    /// `split(whereSeparator:)` on single ASCII characters, on the bytes when the text is ASCII.
    func splitFast(separators: [UInt8]) -> [SubSequence] {
        let utf8 = self.utf8
        let offsets = utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>]? in
            guard ByteSearch.isASCII(bytes) else { return nil }
            var ranges: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || separators.contains(bytes[index]) {
                if index > start { ranges.append(start..<index) }
                start = index + 1
            }
            return ranges
        } ?? nil
        guard let offsets else {
            return split(whereSeparator: { character in
                character.isASCII && character.asciiValue.map { separators.contains($0) } == true && character.utf8.count == 1
            })
        }
        return offsets.map { range in
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return self[start..<utf8.index(start, offsetBy: range.count)]
        }
    }

    /// `components(separatedBy:)` (empty parts kept), on the bytes when both sides are ASCII.
    func componentsFast(separatedBy separator: String) -> [Substring] {
        guard isASCIIOnly, separator.isASCIIOnly, !separator.isEmpty else {
            return components(separatedBy: separator).map { Substring($0) }
        }
        guard let first = firstRangeFast(of: separator) else { return [Substring(self)] }
        var parts: [Substring] = []
        var rest = Substring(self)
        var range: Range<String.Index>? = first
        while let found = range {
            parts.append(rest[..<found.lowerBound])
            rest = rest[found.upperBound...]
            range = rest.firstRangeFast(of: separator)
        }
        parts.append(rest)
        return parts
    }

    /// `lowercased().hasPrefix(prefix)` for a lower-case ASCII `prefix`, without building the
    /// lower-cased copy when the text is ASCII.
    func hasPrefixIgnoringCase(_ prefix: String) -> Bool {
        guard isASCIIOnly else { return lowercased().hasPrefix(prefix) }
        let bytes = utf8
        let pattern = prefix.utf8
        guard bytes.count >= pattern.count else { return false }
        return zip(bytes, pattern).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
    }
}

extension String {
    /// `ranges(of: needle)` (leftmost, non-overlapping), on the bytes when both sides are ASCII. The
    /// StringProcessing searcher copies the whole text into an array first, on every call.
    func rangesFast(of needle: String) -> [Range<Index>] {
        var text = self
        var pattern = needle
        let offsets = text.withUTF8 { bytes in
            pattern.withUTF8 { needleBytes -> [Int]? in
                guard !needleBytes.isEmpty, ByteSearch.isASCII(bytes), ByteSearch.isASCII(needleBytes) else { return nil }
                var found: [Int] = []
                var from = 0
                while let offset = ByteSearch.offset(of: needleBytes, in: bytes, from: from) {
                    found.append(offset)
                    from = offset + needleBytes.count
                }
                return found
            }
        }
        guard let offsets else { return Array(ranges(of: needle)) }
        let utf8 = self.utf8
        return offsets.map { offset in
            let start = utf8.index(utf8.startIndex, offsetBy: offset)
            return start..<utf8.index(start, offsetBy: needle.utf8.count)
        }
    }
}

extension Substring {
    /// `split(separator: Character(separator), maxSplits: 1)` (empty parts omitted, and not
    /// counted as splits), on the bytes of ASCII text, where an ASCII separator byte is always a
    /// Character of its own; other text is split by Characters.
    func splitOnce(at separator: UInt8) -> [Substring] {
        guard isASCIIOnly else { return split(separator: Character(Unicode.Scalar(separator)), maxSplits: 1) }
        let utf8 = self.utf8
        var parts: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            guard utf8[index] == separator else {
                index = utf8.index(after: index)
                continue
            }
            let appended = index != start
            if appended { parts.append(self[start..<index]) }
            index = utf8.index(after: index)
            start = index
            if appended { break }
        }
        if start != utf8.endIndex { parts.append(self[start...]) }
        return parts
    }

    /// `drop(while: { $0 == " " })` on the bytes. Where the spaces end at a non-ASCII byte (maybe
    /// a combining mark that makes the last space another Character), the Characters decide.
    func droppingSpaces() -> Substring {
        let utf8 = self.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex, utf8[index] == 0x20 { index = utf8.index(after: index) }
        if index > utf8.startIndex, index < utf8.endIndex, utf8[index] >= 0x80 { return drop(while: { $0 == " " }) }
        return self[index...]
    }
}
