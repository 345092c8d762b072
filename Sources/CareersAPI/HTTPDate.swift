import CareersCore

/// HTTP dates (RFC 9110 §5.6.7) for `Last-Modified` and the conditional requests on it. An
/// article's date is a day (articles are dated, not timed), so it is sent as that day's midnight
/// GMT; a `--jobs` file counts by its modification time.
enum HTTPDate {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The IMF-fixdate of a day at 00:00:00 GMT: "Wed, 30 Oct 2024 00:00:00 GMT".
    static func format(_ date: IsoDate) -> String { format(seconds: date.daysSinceEpoch * 86_400) }

    /// The IMF-fixdate of a time in seconds since the epoch: "Sun, 06 Nov 1994 08:49:37 GMT".
    static func format(seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        // The civil date of a day count (the proleptic Gregorian calendar in 400-year eras).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        let clock = pad(time / 3600, 2) + ":" + pad(time / 60 % 60, 2) + ":" + pad(time % 60, 2)
        return "\(weekdays[((days % 7) + 7) % 7]), \(pad(day, 2)) \(months[month - 1]) \(pad(year, 4)) \(clock) GMT"
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

/// When the served data last changed: the newest published date among the articles, or the
/// newest `--jobs` file's modification time when that is later. Every replica loading the same
/// files (with their times kept, as `cp -p`, `rsync -t` and image layers do) sends the same
/// `Last-Modified`; the clock would differ.
struct LastModified: Sendable {
    /// The field value, an IMF-fixdate.
    let value: String
    let seconds: Int

    init?(_ repository: Repository) {
        let articles = repository.newestPublished.flatMap(IsoDate.init).map { $0.daysSinceEpoch * 86_400 }
        guard let seconds = [articles, repository.report.jobFilesModified].compactMap({ $0 }).max() else { return nil }
        value = HTTPDate.format(seconds: seconds)
        self.seconds = seconds
    }
}
