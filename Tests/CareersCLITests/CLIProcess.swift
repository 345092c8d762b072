import Foundation

/// Runs the built `careers-api` binary as a child process, as an operator would.
struct CLIProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable SwiftPM built beside the test bundle.
    static let executable: URL = {
        let bundleDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            bundleDirectory.appendingPathComponent("careers-api"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("careers-api"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// Runs to completion (bounded by `timeout` as a failure guard) and collects both streams.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 20) throws -> Result {
        let finished = DispatchSemaphore(value: 0)
        let process = try start(arguments, environment: environment, exited: finished)
        let stdout = Collected(process.standardOutput)
        let stderr = Collected(process.standardError)
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            finished.wait()
        }
        return Result(status: process.terminationStatus, stdout: stdout.text(), stderr: stderr.text())
    }

    /// Starts the binary; `exited` is signalled once when it ends. A `launcher` (e.g. `prlimit`
    /// with its options) must exec the binary in place, so the process id stays the server's.
    static func start(
        _ arguments: [String], environment: [String: String] = [:], launcher: [String] = [], exited: DispatchSemaphore
    ) throws -> Process {
        let process = Process()
        if let tool = launcher.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = launcher.dropFirst() + [executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["HOST"] = nil
        env["PORT"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        return process
    }
}

/// Reads a pipe to its end on a background thread (so a chatty child never blocks on a full pipe).
/// `data` is written once before `done` is signalled and read only after waiting on it.
final class Collected: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ pipe: Any?) {
        guard let handle = (pipe as? Pipe)?.fileHandleForReading else {
            done.signal()
            return
        }
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
