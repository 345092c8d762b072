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
        guard text.utf8.withContiguousStorageIfAvailable(hasLeadByteImage)
            ?? text.unicodeScalars.contains(where: { CodePageTables.byte(for: $0.value).map { $0 >= 0xC2 && $0 <= 0xF4 } == true })
        else { return nil }
        let scalars = Array(text.unicodeScalars)
        // The output is UTF-8 bytes, made into a String once: appending to a scalar view cost
        // hundreds of instructions a scalar.
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var changed = false
        var index = 0
        var repairedUpTo = -1
        while index < scalars.count {
            if let (decoded, length) = decodeSequence(scalars, at: index, afterRepair: repairedUpTo == index) {
                UTF8.encode(decoded, into: { output.append($0) })
                index += length
                repairedUpTo = index
                changed = true
            } else {
                UTF8.encode(scalars[index], into: { output.append($0) })
                index += 1
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : nil
    }

    /// Whether a scalar of the (valid) UTF-8 `bytes` is the image of a lead byte, decoding only the
    /// non-ASCII sequences: iterating the unicode scalars of every non-ASCII line cost more.
    private static func hasLeadByteImage(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            // A String's bytes are valid UTF-8; should they not be, the repair below decides.
            guard index + length <= bytes.count else { return true }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            if let byte = CodePageTables.byte(for: value), byte >= 0xC2 && byte <= 0xF4 { return true }
            index += length
        }
        return false
    }

    private static func decodeSequence(_ scalars: [Unicode.Scalar], at start: Int, afterRepair: Bool) -> (Unicode.Scalar, Int)? {
        guard let lead = CodePageTables.byte(for: scalars[start].value) else { return nil }
        if let quote = closingQuoteMissingLastByte(scalars, at: start, lead: lead) { return quote }
        guard let (scalar, length) = sequence(scalars, at: start, lead: lead),
            isPlausible(scalar, in: scalars, start..<start + length, afterRepair: afterRepair)
        else { return nil }
        return (scalar, length)
    }

    /// The scalar whose UTF-8 bytes the characters from `start` are the images of, by the rules of
    /// UTF-8 alone.
    private static func sequence(_ scalars: [Unicode.Scalar], at start: Int, lead: UInt8) -> (Unicode.Scalar, Int)? {
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
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// "”" is E2 80 9D, and Windows-1252 has no character for 0x9D: most decoders drop it or write
    /// "?", leaving "â€" before whatever followed the quote. The other E2 80 xx characters have
    /// their last byte in the table, so "â€" not followed by the image of a continuation byte can
    /// only be "”"; a "?" there is the lost byte. Only for the images of E2 in Windows-1252 ("â")
    /// and -874 ("โ"): Greek "β€" could be clean text.
    private static func closingQuoteMissingLastByte(_ scalars: [Unicode.Scalar], at start: Int, lead: UInt8) -> (Unicode.Scalar, Int)? {
        guard lead == 0xE2, scalars[start].value == 0xE2 || scalars[start].value == 0x0E42,
            start + 1 < scalars.count, scalars[start + 1].value == 0x20AC
        else { return nil }
        guard start + 2 < scalars.count else { return ("\u{201D}", 2) }
        let third = scalars[start + 2]
        if third == "?" { return ("\u{201D}", 3) }
        // Mojibake twice over: the first repair left "â€" + "Â" + U+009D (C2 9D, a C1 control).
        if third.value == 0xC2, start + 3 < scalars.count, scalars[start + 3].value == 0x9D { return ("\u{201D}", 4) }
        if let byte = CodePageTables.byte(for: third.value), byte & 0xC0 == 0x80 { return nil }
        return ("\u{201D}", 2)
    }

    /// Clean Thai or Greek text also maps to bytes that can form UTF-8 ("ุง" → 0xD8 0xA7 → "ا",
    /// "ΘΉ" → "ȹ"), so a candidate must look like this site's mojibake: its result lies in a
    /// script or symbol block the site writes, and a run made only of non-Latin letters must not
    /// sit inside a word of that script. Mojibake of Latin text is surrounded by Latin letters or
    /// spaces ("Zรผrich", "4 min read ยท Mar"); clean Thai and Greek are not ("กรุงเทพ", "ΑΘΉΝΑ").
    ///
    /// A neighbour that is itself mojibake is no clean letter, though: in the image of "Αθήνα",
    /// "ΞΈ" (θ) sits between "Ξ‘" (Α, just repaired) and "Ξ®" (ή, whose "®" gives it away).
    private static func isPlausible(_ result: Unicode.Scalar, in scalars: [Unicode.Scalar], _ range: Range<Int>, afterRepair: Bool) -> Bool {
        guard plausibleBlocks.contains(where: { $0.contains(result.value) }) else { return false }
        guard scalars[range].allSatisfy(isNonLatinLetter) else { return true }
        let before = range.lowerBound > 0 && !afterRepair ? scalars[range.lowerBound - 1] : nil
        let after = range.upperBound < scalars.count && !isEvidentMojibake(scalars, at: range.upperBound) ? scalars[range.upperBound] : nil
        return !(before.map(isNonLatinLetter) ?? false) && !(after.map(isNonLatinLetter) ?? false)
    }

    /// Whether the characters at `start` are the image of a character the site writes, and not all
    /// letters (so clean Greek or Thai cannot be taken for it).
    private static func isEvidentMojibake(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        guard let lead = CodePageTables.byte(for: scalars[start].value), let (scalar, length) = sequence(scalars, at: start, lead: lead)
        else { return false }
        return plausibleBlocks.contains { $0.contains(scalar.value) } && !scalars[start..<start + length].allSatisfy(isNonLatinLetter)
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
