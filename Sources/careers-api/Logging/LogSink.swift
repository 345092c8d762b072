import Glibc
import Logging

/// Where log lines go and how they look. Access lines and informational lines go to stdout
/// (buffered); warnings and errors go to stderr at once.
final class LogSink: Sendable {
    /// The metadata key under which an access line travels through swift-log.
    static let accessKey = "access"

    let format: LogFormat
    let stdout: BufferedOutput
    let stderr: BufferedOutput

    init(format: LogFormat, stdout: BufferedOutput = BufferedOutput(fd: STDOUT_FILENO), stderr: BufferedOutput = BufferedOutput(fd: STDERR_FILENO)) {
        self.format = format
        self.stdout = stdout
        self.stderr = stderr
    }

    func write(level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, error: (any Error)?) {
        if case .stringConvertible(let value)? = metadata[Self.accessKey], let entry = value as? AccessLogEntry {
            stdout.append { out in appendAccess(entry, to: &out) }
            return
        }
        let output = level >= .warning ? stderr : stdout
        output.append(urgent: true) { out in
            appendEvent(level: level, label: label, message: message, metadata: metadata, error: error, to: &out)
        }
    }

    func flush() {
        stdout.flush()
        stderr.flush()
    }

    private func appendAccess(_ entry: AccessLogEntry, to out: inout [UInt8]) {
        switch format {
        case .text:
            Timestamp.append(entry.time, to: &out)
            out.append(contentsOf: " access ".utf8)
            entry.appendText(to: &out)
        case .json:
            out.append(contentsOf: #"{"time":""#.utf8)
            Timestamp.append(entry.time, to: &out)
            out.append(contentsOf: #"","type":"access""#.utf8)
            entry.appendJSONMembers(to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "\n"))
    }

    private func appendEvent(
        level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, error: (any Error)?,
        to out: inout [UInt8]
    ) {
        var fields = metadata.sorted { $0.key < $1.key }.map { ($0.key, $0.value.description) }
        if let error { fields.append(("error", String(describing: error))) }
        switch format {
        case .text:
            Timestamp.append(Timestamp.now(), to: &out)
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: level.rawValue.utf8)
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: label.utf8)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: message.utf8.map { $0 < 0x20 ? UInt8(ascii: " ") : $0 })
            for (key, value) in fields {
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: key.utf8)
                out.append(UInt8(ascii: "="))
                LineEncoding.appendTextValue(value, to: &out)
            }
        case .json:
            out.append(contentsOf: #"{"time":""#.utf8)
            Timestamp.append(Timestamp.now(), to: &out)
            out.append(contentsOf: #"","level":"#.utf8)
            LineEncoding.appendJSONString(level.rawValue, to: &out)
            out.append(contentsOf: #","logger":"#.utf8)
            LineEncoding.appendJSONString(label, to: &out)
            out.append(contentsOf: #","message":"#.utf8)
            LineEncoding.appendJSONString(message, to: &out)
            for (key, value) in fields {
                out.append(UInt8(ascii: ","))
                LineEncoding.appendJSONString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                LineEncoding.appendJSONString(value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "\n"))
    }
}

/// The swift-log handler every `Logger` of the process gets (bootstrapped by `serve`).
struct LineLogHandler: LogHandler {
    let label: String
    let sink: LogSink
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String, sink: LogSink, logLevel: Logger.Level) {
        self.label = label
        self.sink = sink
        self.logLevel = logLevel
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        // The access line's path: nothing to merge, so no dictionary copy per request.
        if metadata.isEmpty, metadataProvider == nil {
            sink.write(level: event.level, label: label, message: event.message.description, metadata: event.metadata ?? [:], error: event.error)
            return
        }
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty { merged.merge(provided) { $1 } }
        if let explicit = event.metadata { merged.merge(explicit) { $1 } }
        sink.write(level: event.level, label: label, message: event.message.description, metadata: merged, error: event.error)
    }
}
