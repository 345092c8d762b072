import Foundation
import Glibc
import Synchronization

/// `careers-api serve` as a child process on an ephemeral port, its log lines collected as they
/// arrive so a test can wait for one (the event itself, bounded by a timeout).
final class RunningServer: Sendable {
    let process: Process
    private let lines = Mutex<[String]>([])
    private let arrived = DispatchSemaphore(value: 0)
    private let stdoutDone = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)

    init(_ arguments: [String], environment: [String: String] = [:], launcher: [String] = []) throws {
        process = try CLIProcess.start(
            ["serve", "--port", "0"] + arguments, environment: environment, launcher: launcher, exited: exited)
        for (pipe, done) in [(process.standardOutput, stdoutDone), (process.standardError, nil)] {
            guard let handle = (pipe as? Pipe)?.fileHandleForReading else { continue }
            Thread.detachNewThread { [self] in
                var pending = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    pending += chunk
                    while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                        let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                        pending = Data(pending[(newline + 1)...])
                        lines.withLock { $0.append(line) }
                        arrived.signal()
                    }
                }
                done?.signal()
            }
        }
    }

    var log: [String] { lines.withLock { $0 } }

    /// The first line satisfying `predicate`, waiting up to `timeout` seconds for it.
    func waitForLine(timeout: Double = 15, _ predicate: (String) -> Bool) -> String? {
        let deadline = DispatchTime.now() + timeout
        while true {
            if let line = log.first(where: predicate) { return line }
            if arrived.wait(timeout: deadline) == .timedOut { return log.first(where: predicate) }
        }
    }

    /// The port from the start-up line "listening on http://127.0.0.1:PORT".
    func plainPort() -> Int? {
        guard let line = waitForLine({ $0.contains("listening on http://") }),
              let last = line.split(separator: ":").last
        else { return nil }
        return Int(last.prefix { $0.isNumber })
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the process to exit (bounded); returns its status, or nil if it did not exit.
    func waitForExit(timeout: Double = 15) -> Int32? {
        guard exited.wait(timeout: .now() + timeout) == .success else { return nil }
        exited.signal()
        stdoutDone.wait()
        stdoutDone.signal()
        return process.terminationStatus
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
            exited.signal()
        }
    }
}
