import COpenSSL
import Foundation
import Glibc
@testable import HTTPServer
import Testing

/// The in-memory `TLSTestClient` driven over a real socket (a `RawClient`'s), for the end-to-end
/// TLS tests. The socket's receive timeout only guards against a hang: a test that hits it fails.
extension TLSTestClient {
    /// One read from the socket; nil on EOF, reset or the guard timeout.
    static func receive(_ fd: Int32) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n > 0 ? Array(buffer.prefix(n)) : nil
    }

    /// Sends what OpenSSL has queued for the peer.
    func flush(to raw: RawClient) throws {
        let bytes = takeOutput()
        if !bytes.isEmpty { try raw.send(bytes) }
    }

    /// Runs the handshake over the socket; true when it completed.
    func handshake(over raw: RawClient) throws -> Bool {
        for _ in 0..<50 {
            let step = handshakeStep()
            try flush(to: raw)
            if step != 0 { return step == 1 }
            guard let bytes = Self.receive(raw.fd) else { return false }
            give(bytes)
        }
        return false
    }

    /// Sends `text` and reads until `count` complete responses arrived, or the stream ended;
    /// `closed` tells whether the server's close_notify came.
    func exchange(_ text: String, expecting count: Int = 1, over raw: RawClient) throws -> (responses: [String], closed: Bool) {
        write(text)
        try flush(to: raw)
        var plaintext: [UInt8] = []
        var closed = false
        while true {
            let responses = Self.split(plaintext)
            if responses.count >= count || closed { return (responses, closed) }
            guard let bytes = Self.receive(raw.fd) else { return (responses, closed) }
            give(bytes)
            let chunk = read()
            plaintext += chunk.bytes
            closed = chunk.closed
            try flush(to: raw)
        }
    }

    /// Complete responses in `bytes`, framed by their Content-Length.
    static func split(_ bytes: [UInt8]) -> [String] {
        var responses: [String] = []
        var rest = Substring(String(decoding: bytes, as: UTF8.self))
        while let end = rest.range(of: "\r\n\r\n") {
            let length = rest[..<end.lowerBound].split(separator: "\r\n")
                .first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            guard rest[end.upperBound...].utf8.count >= length else { break }
            let bodyEnd = rest.utf8.index(end.upperBound, offsetBy: length)
            responses.append(String(rest[..<bodyEnd]))
            rest = rest[bodyEnd...]
        }
        return responses
    }
}

/// Runs a command-line tool with arguments; returns its exit status and combined output.
func runTool(_ arguments: [String], stdin: String = "") throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = input
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
