import CareersCore

/// HTTP dates (RFC 9110 §5.6.7) for `Last-Modified` and the conditional requests on it. The
/// data's date is a day (articles are dated, not timed), so it is sent as that day's midnight GMT.
enum HTTPDate {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The IMF-fixdate of a day at 00:00:00 GMT: "Wed, 30 Oct 2024 00:00:00 GMT".
    static func format(_ date: IsoDate) -> String {
        let days = date.daysSinceEpoch
        let weekday = weekdays[((days % 7) + 7) % 7]
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let year = String(repeating: "0", count: max(0, 4 - String(date.year).count)) + String(date.year)
        return "\(weekday), \(day) \(months[date.month - 1]) \(year) 00:00:00 GMT"
    }

    /// Seconds since the epoch of an HTTP-date in any of the three forms a recipient must accept:
    /// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT")
    /// and asctime ("Sun Nov  6 08:49:37 1994"). Nil for anything else, which the caller ignores
    /// (RFC 9110 §13.1.3: an invalid date makes the condition void, not the request bad).
    static func seconds(_ text: String) -> Int? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        var day: Int?, month: Int?, year: Int?, time: Int?
        switch words.count {
        case 6 where words[0].hasSuffix(",") && words[5] == "GMT":  // IMF-fixdate
            (day, month, year, time) = (Int(words[1]), monthIndex(words[2]), Int(words[3]), clock(words[4]))
            if words[3].count != 4 { year = nil }
        case 4 where words[0].hasSuffix(",") && words[3] == "GMT":  // RFC 850: two-digit year
            let parts = words[1].split(separator: "-")
            if parts.count == 3, parts[2].count == 2, let short = Int(parts[2]) {
                // RFC 9110 §5.6.7: a year more than 50 years ahead is the most recent past one.
                (day, month, year) = (Int(parts[0]), monthIndex(parts[1]), short < 70 ? 2000 + short : 1900 + short)
            }
            time = clock(words[2])
        case 5 where !words[0].hasSuffix(","):  // asctime
            (day, month, year, time) = (Int(words[2]), monthIndex(words[1]), Int(words[4]), clock(words[3]))
        default:
            return nil
        }
        guard let day, let month, let year, let time, (1...9999).contains(year), day >= 1, day <= 31 else { return nil }
        func pad(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        guard let date = IsoDate(pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)) else { return nil }
        return date.daysSinceEpoch * 86_400 + time
    }

    private static func monthIndex(_ name: Substring) -> Int? {
        months.firstIndex { $0 == name }.map { $0 + 1 }
    }

    /// "08:49:37" as seconds into the day.
    private static func clock(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 3, parts.allSatisfy({ $0.count == 2 }), let h = Int(parts[0]), let m = Int(parts[1]), let s = Int(parts[2]),
            h < 24, m < 60, s <= 60
        else { return nil }
        return h * 3600 + m * 60 + s
    }
}

/// When the served data last changed: the newest published date among the articles, so every
/// replica loading the same files sends the same `Last-Modified` (the clock would differ).
struct LastModified: Sendable {
    /// The field value, an IMF-fixdate.
    let value: String
    let seconds: Int

    init?(_ repository: Repository) {
        guard let text = repository.newestPublished, let date = IsoDate(text) else { return nil }
        value = HTTPDate.format(date)
        seconds = date.daysSinceEpoch * 86_400
    }
}
