import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc

/// A container health check: exits 0 when the URL answers 200. A few lines over a socket rather
/// than URLSession, so the image needs no libcurl.
struct Healthcheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 when the server answers its health check with 200, else 1.")

    @Argument(help: ArgumentHelp("Plain-HTTP URL to ask (default: http://127.0.0.1:$PORT/healthz, PORT defaulting to 8080).", valueName: "url"))
    var url: String?

    @Option(help: "Seconds to wait for the answer.")
    var timeout: Double = 3

    func validate() throws {
        try ServerOptions.check("--timeout", timeout, in: 0.001...600)
        _ = try target()
    }

    func run() throws {
        let (host, port, path) = try target()
        do {
            let status = try HealthProbe.status(host: host, port: port, path: path, timeout: timeout)
            guard status == 200 else {
                Console.error("healthcheck: \(path) answered \(status)")
                throw ExitCode.failure
            }
        } catch let error as HealthProbe.Failure {
            Console.error("healthcheck: \(host):\(port): \(error.description)")
            throw ExitCode.failure
        }
    }

    private func target() throws -> (host: String, port: Int, path: String) {
        let text = url ?? "http://127.0.0.1:\(ProcessInfo.processInfo.environment["PORT"].flatMap { Int($0) } ?? 8080)/healthz"
        guard let components = URLComponents(string: text), components.scheme == "http", let host = components.host, !host.isEmpty
        else { throw ValidationError("url '\(text)' is not an http:// URL") }
        let port = components.port ?? 80
        guard (1...65535).contains(port) else { throw ValidationError("url '\(text)' has an invalid port") }
        let path = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
            + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
        return (host, port, path)
    }
}

enum HealthProbe {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends one GET and returns the status code of the answer.
    static func status(host: String, port: Int, path: String, timeout: Double) throws(Failure) -> Int {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let error = getaddrinfo(host, String(port), &hints, &list)
        guard error == 0, let first = list else {
            throw Failure(description: "cannot resolve: \(String(cString: gai_strerror(error)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            guard connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
                lastError = String(cString: strerror(errno))
                continue
            }
            let hostHeader = host.contains(":") ? "[\(host)]" : host
            let request = Array("GET \(path) HTTP/1.1\r\nHost: \(hostHeader):\(port)\r\nConnection: close\r\n\r\n".utf8)
            guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else {
                throw Failure(description: "cannot send: \(String(cString: strerror(errno)))")
            }
            return try readStatus(fd)
        }
        throw Failure(description: "cannot connect: \(lastError)")
    }

    private static func readStatus(_ fd: Int32) throws(Failure) -> Int {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 512)
        while !received.contains(UInt8(ascii: "\n")) && received.count < 4096 {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw Failure(description: n == 0 ? "connection closed before an answer" : "no answer: \(String(cString: strerror(errno)))") }
            received += chunk[..<n]
        }
        // "HTTP/1.1 200 OK": the three digits after the first space.
        let line = received.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }
        let parts = line.split(separator: UInt8(ascii: " "), maxSplits: 2)
        guard parts.count >= 2, parts[0].starts(with: Array("HTTP/1.".utf8)), parts[1].count == 3,
              let status = Int(String(decoding: parts[1], as: UTF8.self))
        else { throw Failure(description: "not an HTTP answer") }
        return status
    }
}
