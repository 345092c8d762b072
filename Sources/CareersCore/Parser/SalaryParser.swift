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
        // On the buffer, with no array of the window made: this runs for every salary.
        return text.utf8.withContiguousStorageIfAvailable { bytes -> (words: String, period: SalaryPeriod)?? in
            let count = min(bytes.count, window)
            for index in 0..<count where bytes[index] >= 0x80 { return nil }
            if bytes.count > count, bytes[count] >= 0x80 { return nil }
            for (offset, words) in periodBytes.enumerated() where words.count <= count {
                var matched = 0
                while matched < words.count, (bytes[matched] >= 0x41 && bytes[matched] <= 0x5A ? bytes[matched] | 0x20 : bytes[matched]) == words[matched] {
                    matched += 1
                }
                if matched == words.count { return .some(periods[offset]) }
            }
            return .some(nil)
        } ?? nil
    }

    private static let periodBytes = periods.map { Array($0.words.utf8) }

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
        let afterRange = cursor.droppingSpaces()
        if let separator = rangeSeparator(afterRange) {
            var candidate = afterRange.dropFirst(separator.count).droppingSpaces()
            _ = takeCurrency(&candidate)
            candidate = candidate.droppingSpaces()
            if high != nil, let value = takeAmount(&candidate) {
                high = value
                cursor = candidate
            }
        }
        var period = SalaryPeriod.year
        let afterAmount = cursor.droppingSpaces()
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

    /// What separates the two figures of a range: `["-", "–", "—", "to "].first(where: hasPrefix)`.
    /// An ASCII first byte other than "-" and "t" starts none of them, and a "-" followed by an
    /// ASCII byte is the Character "-": decided without comparing Characters.
    private static func rangeSeparator(_ text: Substring) -> String? {
        let utf8 = text.utf8
        guard let first = utf8.first else { return nil }
        if first < 0x80 && first != UInt8(ascii: "-") && first != UInt8(ascii: "t") { return nil }
        if first == UInt8(ascii: "-") {
            let next = utf8.index(after: utf8.startIndex)
            if next == utf8.endIndex || utf8[next] < 0x80 { return "-" }
        }
        return rangeSeparators.first(where: { text.hasPrefix($0) })
    }

    private static let rangeSeparators = ["-", "–", "—", "to "]

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
        // The code is looked up packed into an integer, not as a String in a Set.
        let utf8 = cursor.utf8
        var head: (count: Int, bytes: UInt64) = (0, 0)
        for byte in utf8.prefix(5) {
            head.bytes |= UInt64(byte) << (8 * head.count)
            head.count += 1
        }
        if head.bytes & 0x80_8080_8080 == 0 {
            func byte(_ offset: Int) -> UInt8 { UInt8(truncatingIfNeeded: head.bytes >> (8 * offset)) }
            guard head.count > 0 else { return nil }
            let first = byte(0)
            if first == UInt8(ascii: "$") {
                cursor = cursor[utf8.index(after: utf8.startIndex)...]
                return "USD"
            }
            guard head.count >= 4, first >= 0x41 && first <= 0x5A else { return nil }
            let next = byte(3)
            guard let code = packedCurrencyCodes.first(where: { $0.packed == head.bytes & 0xFF_FFFF })?.code,
                next == 0x20 || (next >= 0x30 && next <= 0x39) || next == UInt8(ascii: "$")
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

    /// The currency codes, each with its three bytes packed little-endian (as `takeCurrency` reads them).
    private static let packedCurrencyCodes: [(packed: UInt64, code: String)] = currencyCodes.sorted().map { code in
        (code.utf8.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }, code)
    }

    /// "100K", "1.2M", "100,000", "45.50". Stops before glued text ("130KSenior" → 130,000).
    private static func takeAmount(_ cursor: inout Substring) -> Double? {
        if let fast = takeAmountASCII(&cursor) { return fast }
        return takeAmountByCharacters(&cursor)
    }

    /// `takeAmountByCharacters` on the bytes, where the bytes decide: the run of digits, "," and
    /// "." ends at an ASCII byte (so each of its bytes is a Character, as is the boundary after
    /// any of them), and the suffix letter and the byte after it are ASCII too. `.some(nil)`:
    /// no amount; nil: the Characters decide.
    private static func takeAmountASCII(_ cursor: inout Substring) -> Double?? {
        let utf8 = cursor.utf8
        let scanned = utf8.withContiguousStorageIfAvailable { bytes -> (consumed: Int, value: Double?, suffix: Int)? in
            var end = 0
            while end < bytes.count, (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == 0x2C || bytes[end] == 0x2E { end += 1 }
            // Two bytes after the run decide the suffix ("K", or "M" not before a lower-case letter).
            for offset in end..<min(end + 3, bytes.count) where bytes[offset] >= 0x80 { return nil }
            guard end > 0, bytes[0] >= 0x30 && bytes[0] <= 0x39, end <= 15 else { return (0, nil, 0) }
            var consumed = end
            while consumed > 0, bytes[consumed - 1] == 0x2C || bytes[consumed - 1] == 0x2E { consumed -= 1 }
            // Digits and commas only (most amounts: "120", "60,000") make an integer of at most 15
            // digits, which a Double holds exactly: the value `Double(String)` gives, without the
            // String. A decimal point leaves the rounding to `Double(String)`.
            var integer = 0
            var isInteger = true
            for offset in 0..<consumed where bytes[offset] != 0x2C {
                guard bytes[offset] != 0x2E else {
                    isInteger = false
                    break
                }
                integer = integer * 10 + Int(bytes[offset] - 0x30)
            }
            let value: Double?
            if isInteger {
                value = Double(integer)
            } else {
                var number: [UInt8] = []
                number.reserveCapacity(consumed)
                for offset in 0..<consumed where bytes[offset] != 0x2C { number.append(bytes[offset]) }
                value = Double(String(decoding: number, as: UTF8.self))
            }
            var suffix = 0
            if consumed < bytes.count {
                let letter = bytes[consumed]
                if letter == UInt8(ascii: "K") || letter == UInt8(ascii: "k") {
                    suffix = 1
                } else if letter == UInt8(ascii: "M") || letter == UInt8(ascii: "m"),
                    !(consumed + 1 < bytes.count && bytes[consumed + 1] >= 0x61 && bytes[consumed + 1] <= 0x7A) {
                    suffix = 2
                }
            }
            return (consumed, value, suffix)
        }
        guard let scanned, let found = scanned else { return nil }
        guard let value = found.value else { return .some(nil) }
        let end = utf8.index(utf8.startIndex, offsetBy: found.consumed + (found.suffix > 0 ? 1 : 0))
        cursor = cursor[end...]
        return value * (found.suffix == 1 ? 1_000 : found.suffix == 2 ? 1_000_000 : 1)
    }

    /// The definition `takeAmountASCII` follows on the bytes.
    static func takeAmountByCharacters(_ cursor: inout Substring) -> Double? {
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
