#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc
import HTTPServer

/// One access-log line: what the server reports when it has written a response.
struct AccessLogEntry: Sendable, CustomStringConvertible {
    var time: timespec
    var remote: String
    var method: String
    var path: String
    var status: Int
    var bytes: Int
    var durationMicros: Int
    var requestID: String

    init(_ record: AccessRecord) {
        let seconds = record.time.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        time = timespec(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1_000_000_000))
        remote = record.remoteAddress
        method = record.method
        path = record.path
        status = record.status
        bytes = record.bytesSent
        durationMicros = record.durationMicroseconds
        requestID = record.requestID
    }

    init(time: timespec, remote: String, method: String, path: String, status: Int, bytes: Int, durationMicros: Int, requestID: String) {
        self.time = time
        self.remote = remote
        self.method = method
        self.path = path
        self.status = status
        self.bytes = bytes
        self.durationMicros = durationMicros
        self.requestID = requestID
    }

    /// logfmt, also what another swift-log handler would print for the entry.
    var description: String {
        var out: [UInt8] = []
        appendText(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func appendText(to out: inout [UInt8]) {
        field("remote", remote, &out)
        field("method", method, &out)
        field("path", path, &out)
        number("status", status, &out)
        number("bytes", bytes, &out)
        number("duration_us", durationMicros, &out)
        field("request_id", requestID, &out, last: true)
    }

    /// The JSON members after `"time":…,` (without the closing brace).
    func appendJSONMembers(to out: inout [UInt8]) {
        member("remote", remote, &out)
        member("method", method, &out)
        member("path", path, &out)
        member("status", status, &out)
        member("bytes", bytes, &out)
        member("duration_us", durationMicros, &out)
        member("request_id", requestID, &out)
    }

    private func field(_ name: StaticString, _ value: String, _ out: inout [UInt8], last: Bool = false) {
        append(name, &out)
        out.append(UInt8(ascii: "="))
        LineEncoding.appendTextValue(value, to: &out)
        if !last { out.append(UInt8(ascii: " ")) }
    }

    private func number(_ name: StaticString, _ value: Int, _ out: inout [UInt8]) {
        append(name, &out)
        out.append(UInt8(ascii: "="))
        LineEncoding.appendInteger(value, to: &out)
        out.append(UInt8(ascii: " "))
    }

    private func member(_ name: StaticString, _ value: String, _ out: inout [UInt8]) {
        memberName(name, &out)
        LineEncoding.appendJSONString(value, to: &out)
    }

    private func member(_ name: StaticString, _ value: Int, _ out: inout [UInt8]) {
        memberName(name, &out)
        LineEncoding.appendInteger(value, to: &out)
    }

    private func memberName(_ name: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\"")])
        append(name, &out)
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    private func append(_ name: StaticString, _ out: inout [UInt8]) {
        name.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}
