@testable import CareersCore
import Testing

/// `JobParser.parseMeta` and `SalaryParser.parse` read separators, labels, currencies, amounts and
/// periods on the bytes; they must answer exactly as the Character-based code they replaced (kept
/// here as the reference), including text with combining marks, "·", CR LF and non-ASCII symbols.
@Suite struct MetaFastPathTests {
    static let samples = [
        "", " ", "Full Time", "full-time Senior-level / Expert USD 120K - 150K", "Full Time Mid Level / Intermediate EUR 60,000 - 80,000",
        "Part Time · Entry-level / Junior $45 - $60 per hour", "Contract, Freelance · Expert £50 PER DAY", "Internship USD 20 /hr",
        "Full Time Senior-level / Expert USD 100K - 130KSenior Data Scientist", "Full Time Expert USD 100K - 130K Data Scientist",
        "Full Time Senior-level / ExpertiOS Engineer", "Full Time Seniors", "Full Time Senior\u{301} level", "Full Time\u{301} Senior",
        ", ·Full Time", " ·\u{301}Full Time", "·", "· ", ",\u{301}Expert", "USD 100K\u{301} - 130K", "USD\u{301} 100K", "USD 1\u{301}00K",
        "USD 100K - 130K per hou\u{301}r", "USD 100K - 130K per hour\u{301}", "USD 100K - 130K Per Annum", "USD 100K - 130K yearly\r\n",
        "USD 100K - 130K a\u{301} year", "USD$100K-USD$130K", "USD 100K to 130K", "USD 100K – 130K/month", "¥5,000,000 - ¥7,000,000",
        "₹12,00,000 - ₹18,00,000 per annum", "€45.50 - €60.75 an hour", "CHF 120'000", "usd 100K", "USD100K", "USD ", "USD",
        "$", "$1", "$1.", "$1,5", "$1,000.00M", "$1.5Million", "$1.5M Manager", "USD 1000000000000000000", "Temporary\u{A0}Director",
        "\u{A0}Full Time", "\tFull Time", "Full Time,\tSenior level", "Executive-Level / Director GBP 200K", "Director\u{301}", "junior",
        "JUNIOR USD 1", "Mid-Level", "mid level", "Full\r\nTime", "Director USD 5 - 6 weekly Head of Data", "Director USD 5 - 6 Daily",
        "Entry level ₹ 500", "Entry level € 500", "Full Time Senior Level USD 120K - 150K Machine Learning Engineer",
    ]

    @Test func parseMetaMatchesTheCharacterReference() {
        for sample in Self.samples {
            for text in [sample, " " + sample + " "] {
                let fast = JobParser.parseMeta(Substring(text))
                let reference = Self.referenceMeta(Substring(text))
                #expect(fast.map { Self.describe($0.0) } == reference.map { Self.describe($0.0) }, "\(text.debugDescription)")
                #expect(fast.map { String($0.1) } == reference.map { String($0.1) }, "rest of \(text.debugDescription)")
                let salary = SalaryParser.parse(Substring(text))
                let referenceSalary = Self.referenceSalary(Substring(text))
                #expect(salary.map { "\($0.salary)" } == referenceSalary.map { "\($0.salary)" }, "salary of \(text.debugDescription)")
                #expect(salary.map { String($0.rest) } == referenceSalary.map { String($0.rest) }, "salary rest of \(text.debugDescription)")
            }
        }
    }

    static func describe(_ meta: JobParser.Meta) -> String {
        "\(meta.types) \(String(describing: meta.level)) \(String(describing: meta.levelLabel)) \(String(describing: meta.salary))"
    }

    // MARK: The Character-based reference (the code before the byte paths)

    static func referenceMeta(_ text: Substring) -> (JobParser.Meta, Substring)? {
        var meta = JobParser.Meta()
        var cursor = text.trimmingSpaces()
        var matchedSomething = false
        typeLoop: while true {
            cursor = cursor.drop(while: { $0 == " " || $0 == "," || $0 == "·" })
            for entry in JobParser.employmentTypes where referenceHasPrefixWord(cursor, entry.words) {
                if !meta.types.contains(entry.type) { meta.types.append(entry.type) }
                cursor = cursor.dropFirst(entry.words.count)
                matchedSomething = true
                continue typeLoop
            }
            break
        }
        cursor = cursor.drop(while: { $0 == " " || $0 == "," || $0 == "·" })
        for entry in JobParser.levels where referenceHasPrefixWord(cursor, entry.words) {
            meta.level = entry.level
            meta.levelLabel = String(cursor.prefix(entry.words.count))
            cursor = cursor.dropFirst(entry.words.count)
            matchedSomething = true
            break
        }
        if let (salary, rest) = referenceSalary(cursor) {
            meta.salary = salary
            cursor = rest
            matchedSomething = true
        }
        return matchedSomething ? (meta, cursor) : nil
    }

    static func referenceHasPrefixWord(_ text: Substring, _ words: String) -> Bool {
        let bytes = text.utf8
        let pattern = words.utf8
        guard bytes.count >= pattern.count else { return false }
        guard zip(bytes, pattern).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 || ($1 == 0x2D && $0 == 0x20) })
        else { return false }
        guard let next = bytes.dropFirst(pattern.count).first else { return true }
        if pattern.contains(UInt8(ascii: "/")) { return true }
        return !(next >= 0x61 && next <= 0x7A)
    }

    static func referenceSalary(_ text: Substring) -> (salary: Salary, rest: Substring)? {
        var cursor = text.trimmingSpaces()
        guard let currency = referenceCurrency(&cursor) else { return nil }
        cursor = cursor.trimmingSpaces()
        guard let low = referenceAmount(&cursor) else { return nil }
        var high = low
        let afterRange = cursor.drop(while: { $0 == " " })
        if let separator = ["-", "–", "—", "to "].first(where: { afterRange.hasPrefix($0) }) {
            var candidate = afterRange.dropFirst(separator.count).drop(while: { $0 == " " })
            _ = referenceCurrency(&candidate)
            candidate = candidate.drop(while: { $0 == " " })
            if let value = referenceAmount(&candidate) {
                high = value
                cursor = candidate
            }
        }
        var period = SalaryPeriod.year
        let afterAmount = cursor.drop(while: { $0 == " " })
        let lowerAfterAmount = afterAmount.lowercased()
        for entry in SalaryParser.periods where lowerAfterAmount.hasPrefix(entry.words) {
            period = entry.period
            cursor = afterAmount.dropFirst(entry.words.count)
            break
        }
        return (SalaryParser.make(currency: currency, min: low, max: high, period: period), cursor)
    }

    static func referenceCurrency(_ cursor: inout Substring) -> String? {
        let symbols = SalaryParser.currencySymbols
        if let first = cursor.first, let code = symbols[first] {
            cursor = cursor.dropFirst()
            return code
        }
        let code = String(cursor.prefix(3))
        guard code.count == 3, SalaryParser.currencyCodes.contains(code) else { return nil }
        let rest = cursor.dropFirst(3)
        guard let next = rest.first, next == " " || next.isNumber || symbols[next] != nil else { return nil }
        cursor = rest
        if let symbol = cursor.first, symbols[symbol] != nil { cursor = cursor.dropFirst() }
        return code
    }

    static func referenceAmount(_ cursor: inout Substring) -> Double? {
        let digits = cursor.prefix(while: { $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") })
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
