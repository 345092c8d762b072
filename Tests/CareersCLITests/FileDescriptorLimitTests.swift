import Foundation
import Glibc
import Testing

/// Running out of file descriptors (EMFILE) must shed load with 503s, never hang a client or spin.
@Suite struct FileDescriptorLimitTests {
    /// What one keep-alive connection got back: its status (0 when closed without an answer), or
    /// nil when nothing arrived within the timeout (a hanging connection).
    private static func ask(port: Int, timeout: Int = 5) -> (fd: Int32, status: Int?) {
        let fd: Int32
        do {
            fd = try RawHTTP.connect(port: port, timeout: timeout)
        } catch {
            // A connect that timed out is a hanging client; a refused one is an answer (no service).
            let code = (error as? POSIXError)?.code
            return (-1, code == .EINPROGRESS || code == .EAGAIN ? nil : 0)
        }
        let request = Array("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        // Only the head is needed; the connection stays open so the server keeps its descriptor.
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !received.containsHeadEnd {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return (fd, nil) }
            guard n > 0 else { break }
            received += chunk[..<n]
        }
        let statusText = String(decoding: received, as: UTF8.self).split(separator: " ").dropFirst().first ?? ""
        return (fd, Int(statusText) ?? 0)
    }

    /// User plus system CPU time of `pid` in clock ticks, from /proc/PID/stat.
    private static func cpuTicks(_ pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after "(comm)": state is field 3, utime 14, stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    @Test func outOfFileDescriptorsGets503AndAcceptingResumes() throws {
        let server = try RunningServer(["--no-access-log"], launcher: ["/usr/bin/prlimit", "--nofile=40:40"])
        defer { server.stop() }
        let port = try #require(server.plainPort(), "\(server.log)")

        let answers = (0..<60).map { _ in Self.ask(port: port) }
        let statuses = answers.map(\.status)
        #expect(statuses.contains(200), "\(statuses)")
        #expect(statuses.contains(503), "\(statuses)")
        #expect(!statuses.contains(nil), "a connection hung: \(statuses)")
        #expect(statuses.allSatisfy { $0 == 200 || $0 == 503 }, "\(statuses)")

        // Idle at the limit: a listener left readable while accept fails would spin a core.
        // 0.5 s is a measuring window, not synchronisation; a spin would use about 50 ticks.
        let pid = server.process.processIdentifier
        if let before = Self.cpuTicks(pid) {
            Thread.sleep(forTimeInterval: 0.5)
            let used = try #require(Self.cpuTicks(pid)) - before
            #expect(used < 25, "server used \(used) ticks of CPU in 0.5 s while idle at its descriptor limit")
        }

        for answer in answers { close(answer.fd) }
        // The server learns of the closes asynchronously; a 503 meanwhile is still shedding, so
        // ask again (bounded) until a request is served.
        var fresh: Int?
        for _ in 0..<50 {
            let answer = Self.ask(port: port)
            close(answer.fd)
            fresh = answer.status
            if fresh != 503 { break }
        }
        #expect(fresh == 200, "accepting did not resume: \(String(describing: fresh))")
    }
}

extension [UInt8] {
    fileprivate var containsHeadEnd: Bool {
        count >= 4 && indices.dropLast(3).contains { self[$0] == 13 && self[$0 + 1] == 10 && self[$0 + 2] == 13 && self[$0 + 3] == 10 }
    }
}
