/// Text copied out of web pages keeps HTML character references: "R&amp;D", "Bachelor&#39;s",
/// "EUR&nbsp;50K", "&ldquo;…&rdquo;". They are decoded once per line, before spaces are
/// normalised (so "&nbsp;" becomes a space like U+00A0 does). Unknown names stay as written.
enum HTMLEntities {
    static func decode(_ text: String) -> String {
        // Every reference has "&" and ";": most lines have no "&" and skip at the first scan.
        let utf8 = text.utf8
        guard let firstAmpersand = utf8.firstIndex(of: UInt8(ascii: "&")), utf8[firstAmpersand...].contains(UInt8(ascii: ";"))
        else { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var changed = false
        while index < scalars.count {
            if scalars[index] == "&", let (scalar, length) = reference(scalars, at: index) {
                output.append(scalar)
                index += length
                changed = true
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return changed ? String(output) : text
    }

    /// The character the reference at `start` ("&amp;", "&#39;", "&#x2019;") stands for, and its
    /// length in scalars. References longer than 10 characters are none (bounded look-ahead).
    private static func reference(_ scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < scalars.count, end - start <= 10, scalars[end] != ";" {
            guard scalars[end].isASCII, scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) || scalars[end] == "#"
            else { return nil }
            end += 1
        }
        guard end < scalars.count, scalars[end] == ";", end > start + 1 else { return nil }
        let name = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, end - start + 1)
        }
        guard let value = named[name], let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, end - start + 1)
    }

    /// The names web pages of this kind use; HTML has many more, which these articles do not.
    private static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "ndash": 0x2013, "mdash": 0x2014,
        "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D, "hellip": 0x2026,
        "bull": 0x2022, "middot": 0xB7, "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "deg": 0xB0, "times": 0xD7,
        "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2, "laquo": 0xAB, "raquo": 0xBB, "thinsp": 0x2009,
        "ensp": 0x2002, "emsp": 0x2003, "shy": 0xAD, "eacute": 0xE9, "egrave": 0xE8, "ecirc": 0xEA, "aacute": 0xE1,
        "agrave": 0xE0, "acirc": 0xE2, "auml": 0xE4, "ouml": 0xF6, "uuml": 0xFC, "Auml": 0xC4, "Ouml": 0xD6,
        "Uuml": 0xDC, "szlig": 0xDF, "ccedil": 0xE7, "ntilde": 0xF1, "oacute": 0xF3, "iacute": 0xED, "uacute": 0xFA,
        "Eacute": 0xC9, "oslash": 0xF8, "aring": 0xE5, "rarr": 0x2192, "larr": 0x2190, "check": 0x2713,
    ]
}
