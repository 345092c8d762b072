import ArgumentParser
import HTTPServer
import Logging

enum LogFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text, json
}

/// `--log-level` values (swift-log's levels under their own names).
enum LogLevelOption: String, CaseIterable, ExpressibleByArgument, Sendable {
    case trace, debug, info, notice, warning, error, critical

    var level: Logger.Level {
        switch self {
        case .trace: .trace
        case .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        }
    }
}

/// Byte-level helpers shared by the text and JSON line formats.
enum LineEncoding {
    /// Appends `value` as a JSON string literal (quotes included), with the one escaper the
    /// core and the API use: quotes, backslashes and control bytes are escaped, so a hostile
    /// path cannot forge a log line.
    static func appendJSONString(_ value: String, to out: inout [UInt8]) {
        JSONString.append(value, to: &out)
    }

    /// Appends a logfmt value: bare when it is one plain token, else quoted like JSON.
    static func appendTextValue(_ value: String, to out: inout [UInt8]) {
        let plain = !value.isEmpty && value.utf8.allSatisfy { $0 > 0x20 && $0 != 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if plain { out.append(contentsOf: value.utf8) } else { appendJSONString(value, to: &out) }
    }

    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        out[start...].reverse()
    }
}
