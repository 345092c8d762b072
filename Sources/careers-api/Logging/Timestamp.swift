import Glibc
import Synchronization

/// RFC 3339 UTC timestamps with milliseconds, e.g. `2026-11-25T13:40:00.123Z`. The date-and-time
/// part changes once a second, so it is formatted once a second and reused by every line.
enum Timestamp {
    private static let cache = Mutex<(second: Int, text: [UInt8])>((-1, []))

    /// Seconds and nanoseconds since the epoch, from the real-time clock.
    static func now() -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now
    }

    static func append(_ time: timespec, to out: inout [UInt8]) {
        let second = time.tv_sec
        cache.withLock { cache in
            if cache.second != second {
                cache = (second, format(second))
            }
            out.append(contentsOf: cache.text)
        }
        let millis = Int(time.tv_nsec) / 1_000_000
        out.append(UInt8(ascii: "."))
        out.append(UInt8(ascii: "0") + UInt8(millis / 100))
        out.append(UInt8(ascii: "0") + UInt8(millis / 10 % 10))
        out.append(UInt8(ascii: "0") + UInt8(millis % 10))
        out.append(UInt8(ascii: "Z"))
    }

    private static func format(_ second: Int) -> [UInt8] {
        var seconds = time_t(second)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let text = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
        return Array(text.utf8)
    }
}
