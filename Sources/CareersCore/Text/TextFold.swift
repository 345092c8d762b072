/// Lower-casing and accent removal for Latin text without Foundation's `folding(options:locale:)`,
/// which links the ICU data (~44 MB) into the static binary. Covers Latin-1 Supplement and Latin
/// Extended-A/B, the letters our articles and queries use; other scripts are only lower-cased.
public enum TextFold {
    /// "Ingénieur ML" → "ingénieur ml" → "ingenieur ml", "Straße" → "strasse". Punctuation and
    /// spacing are kept, so callers decide what separates words.
    public static func lowercasedWithoutAccents(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                output.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value | 0x20)) : scalar)
                continue
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                appendBase(of: lower, to: &output)
            }
        }
        return String(output)
    }

    private static func appendBase(of scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView) {
        // Combining marks are what is left of accents in decomposed (NFD) text.
        if (0x300...0x36F).contains(scalar.value) { return }
        let index = Int(scalar.value) - firstMapped
        if index >= 0, index < bases.count, let base = bases[index] {
            output.append(contentsOf: base.unicodeScalars)
        } else {
            output.append(scalar)
        }
    }

    private static let firstMapped = 0xC0

    /// ASCII base letters of U+00C0…U+024F, one space-separated entry per code point ("-": not a
    /// letter or no plain base, kept as is). Generated from the NFKD decompositions, plus the
    /// letters without one (ß, æ, ø, ł, đ, þ, œ, …) spelled the way people type them in ASCII.
    private static let bases: [String?] = [
        "a a a a a a ae c e e e e i i i i", // U+00C0
        "d n o o o o o - o u u u u y th ss", // U+00D0
        "a a a a a a ae c e e e e i i i i", // U+00E0
        "d n o o o o o - o u u u u y th y", // U+00F0
        "a a a a a a c c c c c c c c d d", // U+0100
        "d d e e e e e e e e e e g g g g", // U+0110
        "g g g g h h h h i i i i i i i i", // U+0120
        "i i ij ij j j k k k l l l l l l l", // U+0130
        "l l l n n n n n n n n n o o o o", // U+0140
        "o o oe oe r r r r r r s s s s s s", // U+0150
        "s s t t t t t t u u u u u u u u", // U+0160
        "u u u u w w y y y z z z z z z s", // U+0170
        "b b b b - - o c c d d d d - e -", // U+0180
        "e f f g - hv - i k k l - - n n o", // U+0190
        "o o oi oi p p - - - - - t t t t u", // U+01A0
        "u - v y y z z - - - - - - - - -", // U+01B0
        "- - - - dz dz dz lj lj lj nj nj nj a a i", // U+01C0
        "i o o u u u u u u u u u u e a a", // U+01D0
        "a a ae ae g g g g k k o o o o - -", // U+01E0
        "j dz dz dz g g hv - n n a a ae ae o o", // U+01F0
        "a a a a e e e e i i i i o o o o", // U+0200
        "r r r r u u u u s s t t - - h h", // U+0210
        "n d ou ou z z a a e e o o o o o o", // U+0220
        "o o y y l n t j db qp a c c l t s", // U+0230
        "z - - b u v e e j j q q r r y y", // U+0240
    ].flatMap { row in row.split(separator: " ").map { $0 == "-" ? nil : String($0) } }
}
