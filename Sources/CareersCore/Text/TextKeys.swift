#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Keys for comparing human text: case-, accent- and punctuation-insensitive.
enum TextKey {
    /// Lower-case, accents removed, every run of non-alphanumerics one space, trimmed.
    /// "Scikit-Learn" → "scikit learn", "Ingénieur ML" → "ingenieur ml". ASCII text (nearly every
    /// line) is folded byte by byte; only other text goes through `TextFold`.
    static func fold(_ text: String) -> String {
        // Non-ASCII that is only punctuation or symbols ("’", "·", "–", "👀") separates words like
        // ASCII punctuation does, so such text needs no scalar folding either.
        let needsScalarFold = !text.isASCIIOnly
            && text.unicodeScalars.contains { !$0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }
        if !needsScalarFold {
            var text = text
            // Written straight into the new string's storage: no intermediate array. Each byte's
            // folded form is looked up (`asciiFoldTable`) rather than classified by comparisons.
            return text.withUTF8 { source in
                asciiFoldTable.withUnsafeBufferPointer { table in
                    String(unsafeUninitializedCapacity: source.count) { output in
                        var written = 0
                        var pendingSpace = false
                        for byte in source {
                            let folded = table[Int(byte)]
                            if folded == 0 {
                                pendingSpace = true
                                continue
                            }
                            if pendingSpace && written > 0 {
                                output[written] = 0x20
                                written += 1
                            }
                            pendingSpace = false
                            output[written] = folded
                            written += 1
                        }
                        return written
                    }
                }
            }
        }
        var folded = ""
        var pendingSpace = false
        for scalar in TextFold.lowercasedWithoutAccents(text).unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "#" {
                if pendingSpace && !folded.isEmpty { folded.append(" ") }
                pendingSpace = false
                folded.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return folded
    }

    /// Each byte as `fold` writes it for text that needs no scalar folding: letters lower-cased,
    /// digits, "+" and "#" kept, 0 for everything else (it separates words; non-ASCII bytes here
    /// are punctuation or symbols).
    private static let asciiFoldTable: [UInt8] = (0...255).map { value -> UInt8 in
        let byte = UInt8(value)
        if byte >= 0x41 && byte <= 0x5A { return byte | 0x20 }
        if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x23 { return byte }
        return 0
    }

    /// FNV-1a of `fold(text)` without building it (ASCII text; other text is folded first). Used as
    /// a dedup key where a 64-bit collision between two different items is negligible.
    static func foldedHash(_ text: String, seed: UInt64 = 0) -> UInt64 {
        // Folded text is a fixed point of the loop below (non-ASCII bytes of letters are kept).
        var source = text.isASCIIOnly ? text : fold(text)
        return source.withUTF8 { foldedHash(bytes: $0, seed: seed) }
    }

    private static func foldedHash(bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        var pendingSpace = false
        var wroteAny = false
        for byte in bytes {
            let lower = byte | 0x20
            let isLetter = (lower >= 0x61 && lower <= 0x7A) || byte >= 0x80
            guard isLetter || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x23 else {
                pendingSpace = true
                continue
            }
            if pendingSpace && wroteAny {
                hash ^= 0x20
                hash = hash &* 0x0000_0100_0000_01B3
            }
            pendingSpace = false
            wroteAny = true
            hash ^= UInt64(isLetter && byte < 0x80 ? lower : byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Byte offset of the first occurrence of `needle` in `haystack` (UTF-8), without Foundation's
    /// locale-aware search, which dominated parsing time.
    static func offset(of needle: String, in haystack: String) -> Int? {
        var needle = needle
        var haystack = haystack
        return needle.withUTF8 { pattern in
            haystack.withUTF8 { text in ByteSearch.offset(of: pattern, in: text) }
        }
    }

    static func contains(_ haystack: String, _ needle: String) -> Bool {
        offset(of: needle, in: haystack) != nil
    }

    /// URL-safe id: the folded text with hyphens ("Lead Machine Learning Engineer" →
    /// "lead-machine-learning-engineer"); "+" and "#" spelled out so that "C++" stays distinct.
    static func slug(_ text: String) -> String {
        let folded = fold(text)
        if folded.isASCIIOnly {
            // Byte for byte the same as below: ASCII folded text holds only a–z, 0–9, "+", "#"
            // and single spaces.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(folded.utf8.count + 8)
            for byte in folded.utf8 {
                switch byte {
                case UInt8(ascii: "+"): bytes.append(UInt8(ascii: "p"))
                case UInt8(ascii: "#"): bytes += "sharp".utf8
                case 0x20: bytes.append(UInt8(ascii: "-"))
                default: bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return folded
            .replacing("+", with: "p")
            .replacing("#", with: "sharp")
            .split(separator: " ").joined(separator: "-")
    }

    /// FNV-1a, 64 bits: stable across processes and machines (unlike `Hasher`, seeded per run).
    static func fnv1a64(_ text: String) -> UInt64 { fnv1a64(bytes: text.utf8) }

    static func fnv1a64<Bytes: Sequence<UInt8>>(bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }
}

