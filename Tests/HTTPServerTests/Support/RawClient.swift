import Foundation
import HTTPServer
#if canImport(Glibc)
import Glibc
#endif

struct ClientError: Error, CustomStringConvertible {
    var description: String
}

/// A response as read off the wire.
struct RawResponse {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    func headerCount(_ name: String) -> Int { headers.filter { $0.0.lowercased() == name.lowercased() }.count }

    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// A blocking TCP client speaking raw bytes, with a receive timeout as a failure guard only.
final class RawClient {
    let fd: Int32
    private var buffer: [UInt8] = []

    /// `receiveBuffer` (SO_RCVBUF, set before connecting) keeps the TCP window small, so the
    /// server's writes fill up and stop part-way.
    init(port: Int, host: String = "127.0.0.1", timeout: Double = 5, receiveBuffer: Int32? = nil) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let info = list else {
            throw ClientError(description: "getaddrinfo \(host)")
        }
        defer { freeaddrinfo(list) }
        fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError(description: "socket: \(errno)") }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBuffer { setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size)) }
        guard connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            // Not closed here: a class initializer that throws once every property is set still
            // runs `deinit`, which closes `fd`. Closing it twice could close a descriptor another
            // test opened with the same number meanwhile (seen as a send failing with EBADF).
            throw ClientError(description: "connect: \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(fd) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw ClientError(description: "send failed: \(String(cString: strerror(errno)))") }
            sent += n
        }
    }

    func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Reads more bytes into the buffer; false on EOF. Throws on timeout or error.
    @discardableResult
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 {
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
        if n == 0 { return false }
        if errno == ECONNRESET { return false }
        throw ClientError(description: "recv: \(String(cString: strerror(errno)))")
    }

    /// Reads one response (Content-Length framed; none for HEAD, 1xx, 204, 304).
    func readResponse(head: Bool = false) throws -> RawResponse {
        while true {
            if let end = headEnd() {
                let headText = String(decoding: buffer[0..<end], as: UTF8.self)
                var lines = headText.components(separatedBy: "\r\n")
                let statusLine = lines.removeFirst()
                let parts = statusLine.split(separator: " ", maxSplits: 2)
                guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
                    throw ClientError(description: "bad status line: \(statusLine)")
                }
                var headers: [(String, String)] = []
                for line in lines where !line.isEmpty {
                    guard let colon = line.firstIndex(of: ":") else { throw ClientError(description: "bad field \(line)") }
                    headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
                }
                var length = 0
                if !head && status >= 200 && status != 204 && status != 304 {
                    length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
                }
                while buffer.count < end + 4 + length {
                    guard try fill() else { throw ClientError(description: "EOF in body") }
                }
                let body = Array(buffer[(end + 4)..<(end + 4 + length)])
                buffer.removeFirst(end + 4 + length)
                return RawResponse(status: status, headers: headers, body: body)
            }
            guard try fill() else { throw ClientError(description: "EOF before a response (\(buffer.count) bytes buffered)") }
        }
    }

    /// True when the server closed the connection (EOF) without sending anything more.
    func isClosedByServer() throws -> Bool {
        if !buffer.isEmpty { return false }
        return try !fill()
    }

    /// Everything until the server closes.
    func readUntilClose() throws -> [UInt8] {
        while try fill() {}
        defer { buffer.removeAll() }
        return buffer
    }

    private func headEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for i in 0...(buffer.count - 4) where buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 {
            return i
        }
        return nil
    }
}
