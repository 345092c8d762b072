import Foundation

/// Keys for comparing human text: case-, accent- and punctuation-insensitive.
enum TextKey {
    /// Lower-case, accents removed, every run of non-alphanumerics one space, trimmed.
    /// "Scikit-Learn" → "scikit learn", "Ingénieur ML" → "ingenieur ml".
    static func fold(_ text: String) -> String {
        var folded = ""
        folded.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        let isASCII = !text.utf8.contains(where: { $0 >= 0x80 })
        let source = isASCII ? text : text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for scalar in source.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "#" {
                if pendingSpace && !folded.isEmpty { folded.append(" ") }
                pendingSpace = false
                if scalar.isASCII {
                    folded.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: scalar).lowercasedASCII))
                } else {
                    folded += String(scalar).lowercased()
                }
            } else {
                pendingSpace = true
            }
        }
        return folded
    }

    /// URL-safe id: the folded text with hyphens ("Lead Machine Learning Engineer" →
    /// "lead-machine-learning-engineer"); "+" and "#" spelled out so that "C++" stays distinct.
    static func slug(_ text: String) -> String {
        fold(text)
            .replacingOccurrences(of: "+", with: "p")
            .replacingOccurrences(of: "#", with: "sharp")
            .split(separator: " ").joined(separator: "-")
    }

    /// FNV-1a, 64 bits: stable across processes and machines (unlike `Hasher`, seeded per run).
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
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

extension UInt8 {
    var lowercasedASCII: UInt8 { (0x41...0x5A).contains(self) ? self | 0x20 : self }
}
