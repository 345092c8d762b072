import Foundation
import Glibc
import Logging
import Testing

@testable import careers_api

/// Log lines as a log shipper reads them: one line per event, parseable, not forgeable.
@Suite struct LogLineTests {
    /// Writes through a sink whose stdout and stderr are pipes; returns what each received.
    private func capture(_ format: LogFormat, _ body: (LogSink) -> Void) -> (stdout: String, stderr: String) {
        var out: [Int32] = [0, 0]
        var err: [Int32] = [0, 0]
        pipe(&out)
        pipe(&err)
        let sink = LogSink(format: format, stdout: BufferedOutput(fd: out[1]), stderr: BufferedOutput(fd: err[1]))
        body(sink)
        sink.flush()
        close(out[1])
        close(err[1])
        defer {
            close(out[0])
            close(err[0])
        }
        return (read(out[0]), read(err[0]))
    }

    private func read(_ fd: Int32) -> String {
        FileHandle(fileDescriptor: fd, closeOnDealloc: false).readDataToEndOfFile().withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    private let entry = AccessLogEntry(
        time: timespec(tv_sec: 1_795_000_000, tv_nsec: 123_456_789), remote: "127.0.0.1:50000", method: "GET",
        path: "/roles?q=ml", status: 200, bytes: 1234, durationMicros: 87, requestID: "abc-123")

    @Test func accessLineInTextHasEveryFieldOnOneLine() {
        let (stdout, stderr) = capture(.text) { sink in
            sink.write(level: .info, label: "access", message: "request", metadata: [LogSink.accessKey: .stringConvertible(entry)], error: nil)
        }
        #expect(stdout == "2026-11-18T11:06:40.123Z access remote=127.0.0.1:50000 method=GET path=/roles?q=ml status=200 bytes=1234 duration_us=87 request_id=abc-123\n")
        #expect(stderr.isEmpty)
    }

    @Test func accessLineInJSONIsOneObjectWithEveryField() throws {
        let (stdout, _) = capture(.json) { sink in
            sink.write(level: .info, label: "access", message: "request", metadata: [LogSink.accessKey: .stringConvertible(entry)], error: nil)
        }
        #expect(stdout.hasSuffix("}\n"))
        let object = try #require(JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        #expect(object["time"] as? String == "2026-11-18T11:06:40.123Z")
        #expect(object["remote"] as? String == "127.0.0.1:50000")
        #expect(object["method"] as? String == "GET")
        #expect(object["path"] as? String == "/roles?q=ml")
        #expect(object["status"] as? Int == 200)
        #expect(object["bytes"] as? Int == 1234)
        #expect(object["duration_us"] as? Int == 87)
        #expect(object["request_id"] as? String == "abc-123")
    }

    @Test func hostileValuesCannotForgeALine() throws {
        var hostile = entry
        hostile.path = "/x\"\n2026-01-01T00:00:00.000Z access status=200 \u{1B}[31m"
        for format in LogFormat.allCases {
            let (stdout, _) = capture(format) { sink in
                sink.write(level: .info, label: "access", message: "request", metadata: [LogSink.accessKey: .stringConvertible(hostile)], error: nil)
            }
            #expect(stdout.split(separator: "\n").count == 1, "\(format)")
            #expect(!stdout.contains("\u{1B}"), "\(format)")
        }
        let (json, _) = capture(.json) { sink in
            sink.write(level: .info, label: "access", message: "request", metadata: [LogSink.accessKey: .stringConvertible(hostile)], error: nil)
        }
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["path"] as? String == hostile.path)
    }

    @Test func warningsGoToStderrAndInfoToStdout() {
        let (stdout, stderr) = capture(.text) { sink in
            sink.write(level: .notice, label: "careers-api", message: "listening on http://127.0.0.1:8080", metadata: [:], error: nil)
            sink.write(level: .error, label: "careers-api", message: "cannot start", metadata: ["port": "8080"], error: nil)
        }
        #expect(stdout.contains(" notice careers-api: listening on http://127.0.0.1:8080\n"))
        #expect(!stdout.contains("cannot start"))
        #expect(stderr.contains(" error careers-api: cannot start port=8080\n"))
    }

    @Test func eventInJSONCarriesLevelMessageAndMetadata() throws {
        let (stdout, _) = capture(.json) { sink in
            sink.write(level: .info, label: "careers-api", message: "data loaded", metadata: ["articles": "4", "roles": "6"], error: nil)
        }
        let object = try #require(JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info")
        #expect(object["logger"] as? String == "careers-api")
        #expect(object["message"] as? String == "data loaded")
        #expect(object["articles"] as? String == "4")
    }

    @Test func fullBufferDropsLinesInsteadOfGrowing() {
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        defer {
            close(fds[0])
            close(fds[1])
        }
        // Nobody flushes within the test (long delay), so the buffer fills and stops at its capacity.
        let output = BufferedOutput(fd: fds[1], capacity: 100, flushThreshold: 1 << 20, flushDelay: .seconds(3600))
        for _ in 0..<50 {
            output.append { $0.append(contentsOf: Array(repeating: UInt8(ascii: "x"), count: 10)) }
        }
        #expect(output.bufferedByteCount == 100)
    }
}
