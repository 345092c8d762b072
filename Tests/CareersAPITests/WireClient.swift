import Foundation
import HTTPServer
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// One response parsed off the wire.
struct WireResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
}

/// The API behind the real HTTP core on an ephemeral loopback port, for tests that speak raw bytes.
final class LiveServer {
    let server: HTTPServer

    init(_ api: any HTTPResponder) throws {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        server = HTTPServer(configuration: configuration, responder: api)
        try server.start()
    }

    deinit { server.shutdown() }

    /// Writes `raw` on a fresh connection, half-closes, and reads until the server closes. The
    /// receive timeout only guards against a hang; it is not how the test synchronises.
    func exchange(_ raw: String) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WireError.socket }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(server.port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw WireError.connect }
        let bytes = Array(raw.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw WireError.send }
            sent += n
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { break }
            guard n > 0 else { throw WireError.receive }
            received += chunk[0..<n]
        }
        return received
    }

    /// Sends requests on one connection (the last with `Connection: close`) and parses every
    /// response; `heads` marks which were HEAD (their responses have no body).
    func send(_ requests: [String], heads: Set<Int> = []) throws -> [WireResponse] {
        let raw = try exchange(requests.joined())
        var responses: [WireResponse] = []
        var rest = raw[...]
        while !rest.isEmpty {
            guard let end = rest.firstRange(of: Array("\r\n\r\n".utf8)) else { throw WireError.framing }
            let lines = String(decoding: rest[rest.startIndex..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
            let status = Int(lines[0].split(separator: " ")[1]) ?? 0
            let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            let isHead = heads.contains(responses.count)
            let length = isHead || status == 304 || status == 204
                ? 0 : Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0") ?? 0
            guard rest[end.upperBound...].count >= length else { throw WireError.framing }
            let body = Array(rest[end.upperBound..<(end.upperBound + length)])
            responses.append(WireResponse(status: status, headers: headers, body: body))
            rest = rest[(end.upperBound + length)...]
        }
        return responses
    }

    func get(_ target: String, _ headers: [String] = [], method: String = "GET") throws -> WireResponse {
        let extra = headers.map { $0 + "\r\n" }.joined()
        let request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(extra)Connection: close\r\n\r\n"
        guard let response = try send([request], heads: method == "HEAD" ? [0] : []).first else { throw WireError.framing }
        return response
    }
}

enum WireError: Error {
    case socket, connect, send, receive, framing
}
