#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Salaries as postings write them: "USD 100K - 130K", "EUR 60,000 - 80,000", "$45 - $60 per hour".
enum SalaryParser {
    static let currencyCodes: Set<String> = [
        "USD", "EUR", "GBP", "CAD", "CHF", "AUD", "NZD", "INR", "JPY", "SGD", "SEK", "NOK", "DKK", "PLN",
        "BRL", "MXN", "ZAR", "CNY", "HKD", "ILS", "CZK", "HUF", "RON", "TRY", "AED",
    ]
    static let currencySymbols: [Character: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"]

    /// Annual figure above which (or below which) no real posting goes, per currency unit. The
    /// defaults suit the dollar/euro/pound/franc family; weaker currencies scale up.
    static let plausibleAnnualRange: ClosedRange<Double> = 1_000...2_000_000
    static let currencyScale: [String: Double] = [
        "JPY": 150, "INR": 85, "CNY": 7, "HKD": 8, "SEK": 11, "NOK": 11, "DKK": 7, "PLN": 4, "BRL": 5,
        "MXN": 18, "ZAR": 18, "CZK": 23, "HUF": 360, "RON": 4.6, "TRY": 34, "AED": 3.7, "ILS": 3.7,
    ]

    static let periods: [(words: String, period: SalaryPeriod)] = [
        ("per hour", .hour), ("an hour", .hour), ("/hour", .hour), ("/hr", .hour), ("hourly", .hour), ("/h", .hour),
        ("per day", .day), ("/day", .day), ("a day", .day), ("daily", .day),
        ("per week", .week), ("/week", .week), ("a week", .week), ("weekly", .week),
        ("per month", .month), ("/month", .month), ("a month", .month), ("/mo", .month), ("monthly", .month),
        ("per year", .year), ("/year", .year), ("/yr", .year), ("a year", .year), ("per annum", .year),
        ("annually", .year), ("yearly", .year),
    ]

    /// The period `afterAmount.lowercased().hasPrefix(words)` would find, decided on the first bytes
    /// when they are ASCII: `.some(nil)` for none, nil when the bytes cannot decide (a non-ASCII byte
    /// close to the start). Lower-casing is per character, and the longest period has 9 bytes: 12
    /// ASCII bytes followed by an ASCII byte (or the end) are 12 Characters that lower-case to
    /// themselves with A–Z folded, so the answer is the same as lower-casing all of the text.
    private static func asciiPeriod(_ text: Substring) -> (words: String, period: SalaryPeriod)?? {
        let window = 12
        let utf8 = text.utf8
        var bytes: [UInt8] = []
        bytes.reserveCapacity(window)
        var index = utf8.startIndex
        while index < utf8.endIndex, bytes.count < window {
            let byte = utf8[index]
            guard byte < 0x80 else { return nil }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            index = utf8.index(after: index)
        }
        if index < utf8.endIndex, utf8[index] >= 0x80 { return nil }
        for entry in periods where bytes.starts(with: entry.words.utf8) { return .some(entry) }
        return .some(nil)
    }

    /// First bytes of `periods`, both cases of letters (the period is matched lower-cased).
    private static let periodStartBytes: Set<UInt8> = Set(periods.compactMap(\.words.utf8.first).flatMap { byte in
        byte >= 0x61 && byte <= 0x7A ? [byte, byte - 0x20] : [byte]
    })

    /// Parses a salary at the start of `text`; returns it and what follows it.
    static func parse(_ text: Substring) -> (salary: Salary, rest: Substring)? {
        var cursor = text.trimmingSpaces()
        guard let currency = takeCurrency(&cursor) else { return nil }
        cursor = cursor.trimmingSpaces()
        guard let low = takeAmount(&cursor) else { return nil }
        var high: Double? = low
        // "USD 200K+": at least 200K, no upper figure.
        if cursor.utf8.first == UInt8(ascii: "+") {
            cursor = cursor.dropFirst()
            high = nil
        }
        var afterRange = cursor
        afterRange = afterRange.drop(while: { $0 == " " })
        if let separator = ["-", "–", "—", "to "].first(where: { afterRange.hasPrefix($0) }) {
            var candidate = afterRange.dropFirst(separator.count).drop(while: { $0 == " " })
            _ = takeCurrency(&candidate)
            candidate = candidate.drop(while: { $0 == " " })
            if high != nil, let value = takeAmount(&candidate) {
                high = value
                cursor = candidate
            }
        }
        var period = SalaryPeriod.year
        let afterAmount = cursor.drop(while: { $0 == " " })
        // Lower-casing the whole rest (often the next posting, glued on) is the costly part: ASCII
        // first bytes decide on their own (`asciiPeriod`); otherwise no period can match when the
        // first byte is ASCII and starts none of them in either case.
        if let matched = asciiPeriod(afterAmount) {
            if let (words, found) = matched {
                period = found
                cursor = afterAmount.dropFirst(words.utf8.count)
            }
        } else if afterAmount.utf8.first.map({ $0 >= 0x80 || periodStartBytes.contains($0) }) == true {
            let lowerAfterAmount = afterAmount.lowercased()
            for entry in periods where lowerAfterAmount.hasPrefix(entry.words) {
                period = entry.period
                cursor = afterAmount.dropFirst(entry.words.count)
                break
            }
        }
        return (make(currency: currency, min: low, max: high, period: period), cursor)
    }

    /// `max` nil: open-ended ("200K+"); its annual upper bound is the annual minimum.
    static func make(currency: String, min: Double, max: Double?, period: SalaryPeriod) -> Salary {
        let factor: Double
        switch period {
        case .hour: factor = Salary.hoursPerYear
        case .day: factor = Salary.daysPerYear
        case .week: factor = Salary.weeksPerYear
        case .month: factor = 12
        case .year: factor = 1
        }
        let annualMin = min * factor
        let annualMax = (max ?? min) * factor
        let scale = currencyScale[currency] ?? 1
        let plausible = annualMin > 0 && annualMin <= annualMax
            && annualMin >= plausibleAnnualRange.lowerBound * scale && annualMax <= plausibleAnnualRange.upperBound * scale
        return Salary(currency: currency, min: min, max: max, period: period, annualMin: annualMin, annualMax: annualMax, plausible: plausible)
    }

    private static func takeCurrency(_ cursor: inout Substring) -> String? {
        // Fast path on the bytes when the first five are ASCII: then the first four Characters are
        // those bytes (CR LF aside, which matches nothing here either way), and hashing Characters
        // and Strings dominated this function.
        let utf8 = cursor.utf8
        let head = utf8.prefix(5)
        if head.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(head)
            guard let first = bytes.first else { return nil }
            if first == UInt8(ascii: "$") {
                cursor = cursor[utf8.index(after: utf8.startIndex)...]
                return "USD"
            }
            guard bytes.count >= 4, first >= 0x41 && first <= 0x5A else { return nil }
            let code = String(decoding: bytes[0..<3], as: UTF8.self)
            let next = bytes[3]
            guard currencyCodes.contains(code), next == 0x20 || (next >= 0x30 && next <= 0x39) || next == UInt8(ascii: "$")
            else { return nil }
            let afterCode = utf8.index(utf8.startIndex, offsetBy: next == UInt8(ascii: "$") ? 4 : 3)
            cursor = cursor[afterCode...]
            return code
        }
        if let first = cursor.first, let code = currencySymbols[first] {
            cursor = cursor.dropFirst()
            return code
        }
        let code = String(cursor.prefix(3))
        guard code.count == 3, currencyCodes.contains(code) else { return nil }
        let rest = cursor.dropFirst(3)
        guard let next = rest.first, next == " " || next.isNumber || currencySymbols[next] != nil else { return nil }
        cursor = rest
        if let symbol = cursor.first, currencySymbols[symbol] != nil { cursor = cursor.dropFirst() }
        return code
    }

    /// "100K", "1.2M", "100,000", "45.50". Stops before glued text ("130KSenior" → 130,000).
    private static func takeAmount(_ cursor: inout Substring) -> Double? {
        // The run of digits, "," and "." on the bytes; each is its own Character unless a non-ASCII
        // byte (maybe a combining mark) follows the run: then the Character-based prefix decides.
        let utf8 = cursor.utf8
        var end = utf8.startIndex
        while end < utf8.endIndex, (utf8[end] >= 0x30 && utf8[end] <= 0x39) || utf8[end] == 0x2C || utf8[end] == 0x2E {
            end = utf8.index(after: end)
        }
        let digits = end == utf8.endIndex || utf8[end] < 0x80
            ? cursor[..<end]
            : cursor.prefix(while: { $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") })
        guard let firstDigit = digits.first, firstDigit.isNumber, digits.count <= 15 else { return nil }
        var numberText = String(digits)
        while let last = numberText.last, last == "." || last == "," { numberText.removeLast() }
        let consumed = numberText.count
        guard let value = Double(numberText.contains(",") ? numberText.replacing(",", with: "") : numberText) else { return nil }
        var rest = cursor.dropFirst(consumed)
        var multiplier = 1.0
        if let suffix = rest.first {
            if suffix == "K" || suffix == "k" { multiplier = 1_000; rest = rest.dropFirst() }
            else if suffix == "M" || suffix == "m", !(rest.dropFirst().first?.isLowercase ?? false) { multiplier = 1_000_000; rest = rest.dropFirst() }
        }
        cursor = rest
        return value * multiplier
    }
}
