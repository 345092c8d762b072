import Foundation
import HTTPServer
import Testing

/// Large bodies are written from the responder's storage, spliced between heads (OutputQueue):
/// every byte must still arrive once, in order, whatever the socket accepts per call.
@Suite struct SharedBodyTests {
    /// Sizes around the splice threshold (4,096) and across socket-buffer sizes.
    static let sizes = [0, 5, 4095, 4096, 4097, 70_000, 5000, 300_000, 1, 65_536]

    @Test func pipelinedMixOfSmallAndSplicedBodiesArrivesIntact() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            try client.send(Self.sizes.map { "GET /pattern?n=\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            for size in Self.sizes {
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.header("Content-Length") == String(size))
                #expect(response.body == patternBody(size), "body of /pattern?n=\(size)")
            }
        }
    }

    /// Megabytes pipelined before the client reads anything: the server's writes stop part-way
    /// through a spliced body (EAGAIN) and must resume at the exact byte.
    @Test func partialWritesResumeInsideSplicedBodies() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port, receiveBuffer: 4096)
            let sizes = (0..<40).map { $0 % 3 == 0 ? 123 : 300_000 + $0 }
            try client.send(sizes.map { "GET /pattern?n=\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            for size in sizes {
                let response = try client.readResponse()
                #expect(response.body.count == size)
                #expect(response.body == patternBody(size), "body of /pattern?n=\(size)")
            }
        }
    }

    @Test func headOfASplicedBodySendsNoBody() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            try client.send("HEAD /pattern?n=70000 HTTP/1.1\r\nHost: x\r\n\r\nGET /pattern?n=10 HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.readResponse(head: true)
            #expect(head.header("Content-Length") == "70000")
            #expect(head.body.isEmpty)
            let next = try client.readResponse()
            #expect(next.body == patternBody(10))
        }
    }
}
