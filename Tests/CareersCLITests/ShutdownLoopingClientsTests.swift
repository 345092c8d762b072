import Foundation
import Glibc
import Synchronization
import Testing

/// SIGTERM with keep-alive clients looping requests: a request a client has sent must get its
/// response (with `Connection: close` once the drain began), never a close or a reset.
@Suite struct ShutdownLoopingClientsTests {
    /// One response on a keep-alive connection: its head (nil when the connection ended first)
    /// and whether it said `Connection: close`. `pending` keeps bytes read past it.
    private static func readResponse(_ fd: Int32, _ pending: inout [UInt8]) -> (status: Int, close: Bool)? {
        var chunk = [UInt8](repeating: 0, count: 16384)
        func fill() -> Bool {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return false }
            pending += chunk[..<n]
            return true
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            headEnd = pending.indices.dropLast(3).first { pending[$0..<($0 + 4)].elementsEqual(separator) }
            if headEnd == nil, !fill() { return nil }
        }
        guard let end = headEnd else { return nil }
        let head = String(decoding: pending[..<end], as: UTF8.self).lowercased()
        let lines = head.split(separator: "\r\n")
        let length = lines.first { $0.hasPrefix("content-length:") }.flatMap { Int($0.dropFirst(15).trimmingCharacters(in: .whitespaces)) } ?? 0
        while pending.count < end + 4 + length {
            if !fill() { return nil }
        }
        pending.removeFirst(end + 4 + length)
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, lines.contains { $0.hasPrefix("connection:") && $0.contains("close") })
    }

    @Test func noRequestSentBeforeOrDuringTheDrainIsLost() throws {
        let server = try RunningServer(["--no-access-log", "--drain-timeout", "5"])
        defer { server.stop() }
        let port = try #require(server.plainPort())
        let clients = 16
        let counts = Mutex((answered: 0, lost: 0))
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        let request = Array("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        for _ in 0..<clients {
            finished.enter()
            Thread.detachNewThread {
                defer { finished.leave() }
                guard let fd = try? RawHTTP.connect(port: port) else {
                    started.signal()
                    return
                }
                defer { close(fd) }
                var pending: [UInt8] = []
                var first = true
                // Bounded: the server closes every connection within its drain timeout.
                for _ in 0..<1_000_000 {
                    let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    guard sent == request.count else { break }  // not sent: the client knows
                    guard let response = Self.readResponse(fd, &pending) else {
                        counts.withLock { $0.lost += 1 }
                        break
                    }
                    counts.withLock { $0.answered += 1 }
                    if first {
                        first = false
                        started.signal()
                    }
                    if response.close { break }
                }
                if first { started.signal() }
            }
        }
        for _ in 0..<clients { _ = started.wait(timeout: .now() + 15) }
        server.signal(SIGTERM)
        #expect(finished.wait(timeout: .now() + 30) == .success, "a client hung")
        #expect(server.waitForExit() == 0)
        let result = counts.withLock { $0 }
        #expect(result.answered >= clients)
        #expect(result.lost == 0, "\(result.lost) requests sent and never answered (\(result.answered) answered)")
    }
}
