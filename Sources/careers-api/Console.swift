import Glibc

/// Direct writes to stdout and stderr for the one-shot commands. FileHandle would do, but it lives
/// in the classic Foundation, which links ICU and its data (~45 MB) into the static binary.
enum Console {
    static func error(_ line: String) {
        BufferedOutput.writeAll(fd: STDERR_FILENO, Array("careers-api: \(line)\n".utf8))
    }

    static func output(_ bytes: [UInt8]) {
        BufferedOutput.writeAll(fd: STDOUT_FILENO, bytes)
    }
}
