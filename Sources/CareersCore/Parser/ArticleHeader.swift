#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The line under an article's subtitle: "4 min read · Oct. 30, 2024".
enum ArticleHeader {
    static func readingMinutes(_ line: String) -> Int? {
        // Both need a number that `Int` reads, so ASCII digits: most lines have none.
        guard hasASCIIDigit(line) else { return nil }
        let lower = line.lowercased()
        // Each phrase needs the bytes " min" (its Characters have no other spelling): most
        // lines with a digit have none, and the Character search of non-ASCII text is slow.
        guard TextKey.contains(lower, " min"), let range = lower.firstRangeFast(of: " min read") ?? lower.firstRangeFast(of: " minute read")
            ?? lower.firstRangeFast(of: " mins read")
        else { return nil }
        let number = lower[..<range.lowerBound].reversed().prefix(while: \.isNumber).reversed()
        guard number.count <= 3 else { return nil }
        return Int(String(number))
    }

    private static let months: [(prefix: String, month: Int)] = [
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6), ("jul", 7), ("aug", 8),
        ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ]

    /// "Oct. 30, 2024", "October 30, 2024", "30 October 2024", "2024-10-30" → "2024-10-30".
    static func isoDate(_ line: String) -> String? {
        guard hasASCIIDigit(line) else { return nil }
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "·" || $0 == "|" })
        for (index, token) in tokens.enumerated() {
            if let iso = isoToken(token) { return iso }
            if Self.cannotBeMonth(token) { continue }
            let word = trimmingDots(token.lowercased())
            guard word.count >= 3, word.allSatisfy(\.isLetter),
                let month = months.first(where: { word.hasPrefix($0.prefix) && $0.prefix.count <= word.count })?.month
            else { continue }
            let after = tokens.dropFirst(index + 1).prefix(2).map(String.init)
            let before = index > 0 ? String(tokens[index - 1]) : nil
            if after.count == 2, let day = Int(trimmingDots(after[0])), let year = Int(after[1]) {
                if let date = format(year, month, day) { return date }
            }
            if let before, let day = Int(trimmingDots(before)), let yearText = after.first, let year = Int(yearText) {
                if let date = format(year, month, day) { return date }
            }
        }
        return nil
    }

    private static func hasASCIIDigit(_ line: String) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { $0.contains { $0 >= 0x30 && $0 <= 0x39 } } ?? line.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// An ASCII token that, without its dots, is not three letters or more cannot name a month:
    /// decided on the bytes before the token is lower-cased and trimmed as Characters.
    private static func cannotBeMonth(_ token: Substring) -> Bool {
        token.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard ByteSearch.isASCII(bytes) else { return false }
            let letters = bytes.drop { $0 == UInt8(ascii: ".") }.reversed().drop { $0 == UInt8(ascii: ".") }
            return letters.count < 3 || !letters.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        } ?? false
    }

    private static func isoToken(_ token: Substring) -> String? {
        // No "-" byte, no "-" Character: one part.
        guard token.containsByte(UInt8(ascii: "-")) else { return nil }
        let parts = token.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return format(year, month, day)
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1990...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}

/// "Dec." → "Dec", ".5." → "5".
private func trimmingDots(_ text: String) -> String {
    let start = text.drop { $0 == "." }
    return String(start[..<(start.lastIndex { $0 != "." }.map(start.index(after:)) ?? start.startIndex)])
}
