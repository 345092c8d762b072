import Logging

/// Access lines go through swift-log (so an embedding program may route them elsewhere) as one
/// structured metadata value, which `LogSink` formats straight into its buffer.
struct AccessLog: Sendable {
    private let logger: Logger

    init() {
        var logger = Logger(label: "access")
        // Access lines are wanted whatever --log-level says; --no-access-log turns them off.
        logger.logLevel = .info
        self.logger = logger
    }

    func record(_ entry: AccessLogEntry) {
        logger.info("request", metadata: [LogSink.accessKey: .stringConvertible(entry)])
    }
}
