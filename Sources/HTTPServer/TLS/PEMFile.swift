import Glibc

/// Start-up checks of the certificate and key files, before OpenSSL sees them, so each failure
/// gets a message naming the file and saying what is wrong with it (OpenSSL's own errors say
/// "no start line" for a missing file and a binary one alike).
enum PEMFile {
    /// Certificate and key files are a few KiB; anything past this is not one.
    static let maxBytes = 1 << 20

    static func check(_ path: String, role: String) throws(ServerError) {
        let label = "TLS \(role) \(path)"
        guard !path.isEmpty else { throw ServerError("TLS \(role): no file given") }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ServerError("\(label): \(errno == ENOENT ? "no such file" : errnoText())")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw ServerError("\(label): not a regular file") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ServerError("\(label): cannot be read (\(errnoText()))") }
        defer { close(fd) }
        let text = try read(fd, label: label)
        let marker = role == "certificate" ? "-----BEGIN CERTIFICATE-----" : "PRIVATE KEY-----"
        guard text.contains("-----BEGIN "), text.contains(marker) else {
            throw ServerError("\(label): not a PEM \(role) (no \"\(marker)\" line)")
        }
        if role != "certificate", text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED") {
            throw ServerError("\(label): the key is encrypted; give an unencrypted PEM key")
        }
    }

    private static func read(_ fd: Int32, label: String) throws(ServerError) -> String {
        var bytes = [UInt8](repeating: 0, count: maxBytes + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw ServerError("\(label): cannot be read (\(errnoText()))") }
            if n == 0 { break }
            count += n
        }
        guard count <= maxBytes else { throw ServerError("\(label): larger than \(maxBytes) bytes, not a PEM file") }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
