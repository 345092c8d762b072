/// Repairs UTF-8 text that was once decoded with a Windows code page (874, 1252 or 1253) and
/// re-encoded as UTF-8: "ยท" → "·", "ðŸ‘€" → "👀", "â€™" → "’". Each character is mapped back to
/// the byte its code page gave it; wherever those bytes form one valid UTF-8 sequence, the sequence
/// replaces the characters. Everything else is left alone, so clean text passes unchanged.
enum Mojibake {
    /// Passes are repeated (bounded) because text can be damaged more than once.
    static func repair(_ text: String) -> String {
        var current = text
        for _ in 0..<3 {
            guard let repaired = repairOnce(current) else { break }
            current = repaired
        }
        return current
    }

    /// The repaired text, or nil when nothing had to change.
    static func repairOnce(_ text: String) -> String? {
        // Mojibake of a multi-byte sequence always starts with the image of a lead byte (≥ 0xC2),
        // so ASCII-only text (most lines) needs no further look.
        guard !text.isASCIIOnly else { return nil }
        // Nor does text without a character that a code page gives a lead byte (most non-ASCII
        // lines: "’", "·", "👀" are not such images).
        guard text.unicodeScalars.contains(where: { CodePageTables.byte(for: $0.value).map { $0 >= 0xC2 && $0 <= 0xF4 } == true })
        else { return nil }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var changed = false
        var index = 0
        while index < scalars.count {
            if let (decoded, length) = decodeSequence(scalars, at: index) {
                output.append(decoded)
                index += length
                changed = true
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return changed ? String(output) : nil
    }

    private static func decodeSequence(_ scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        guard let lead = CodePageTables.byte(for: scalars[start].value) else { return nil }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        guard start + length <= scalars.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            guard let byte = CodePageTables.byte(for: scalars[start + offset].value), byte & 0xC0 == 0x80 else {
                return nil
            }
            if offset == 1 && !secondByteAllowed(lead: lead, byte) { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value), isPlausible(scalar, in: scalars, start..<start + length) else { return nil }
        return (scalar, length)
    }

    /// Clean Thai or Greek text also maps to bytes that can form UTF-8 ("ุง" → 0xD8 0xA7 → "ا",
    /// "ΘΉ" → "ȹ"), so a candidate must look like this site's mojibake: its result lies in a
    /// script or symbol block the site writes, and a run made only of non-Latin letters must not
    /// sit inside a word of that script. Mojibake of Latin text is surrounded by Latin letters or
    /// spaces ("Zรผrich", "4 min read ยท Mar"); clean Thai and Greek are not ("กรุงเทพ", "ΑΘΉΝΑ").
    private static func isPlausible(_ result: Unicode.Scalar, in scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard plausibleBlocks.contains(where: { $0.contains(result.value) }) else { return false }
        guard scalars[range].allSatisfy(isNonLatinLetter) else { return true }
        let before = range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil
        let after = range.upperBound < scalars.count ? scalars[range.upperBound] : nil
        return !(before.map(isNonLatinLetter) ?? false) && !(after.map(isNonLatinLetter) ?? false)
    }

    private static func isNonLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x0370 && (scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark)
    }

    /// Latin, Greek, Cyrillic, Thai, punctuation and symbols, CJK and Hangul, the BOM and
    /// variation selector, emoji: what the site's articles contain. Not Arabic, Hebrew, Armenian,
    /// Indic scripts and the like, which clean Thai or Greek pairs decode to.
    private static let plausibleBlocks: [ClosedRange<UInt32>] = [
        0x00A0...0x052F, 0x0E00...0x0E7F, 0x1E00...0x1FFF, 0x2000...0x2BFF, 0x3000...0x9FFF, 0xAC00...0xD7AF,
        0xFE0F...0xFE0F, 0xFEFF...0xFEFF, 0xFF00...0xFFEF, 0x1F000...0x10FFFF,
    ]

    /// The UTF-8 rules against overlong forms, surrogates and values beyond U+10FFFF.
    private static func secondByteAllowed(lead: UInt8, _ byte: UInt8) -> Bool {
        switch lead {
        case 0xE0: return byte >= 0xA0
        case 0xED: return byte < 0xA0
        case 0xF0: return byte >= 0x90
        case 0xF4: return byte < 0x90
        default: return true
        }
    }
}
