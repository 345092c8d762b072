import Foundation
@testable import HTTPServer
import Testing

/// A body served many times (`SharedBody`) goes out by sendfile(2) from an unnamed read-only file on
/// plain connections: the file must hold exactly the body's bytes, be made once, be given back
/// when the body goes, and the bytes on the wire must be the same as from memory.
@Suite struct SharedBodyFileTests {
    @Test func aLargeBodyGetsOneFileWithItsBytes() throws {
        let bytes = patternBody(BodyFile.minimumSize + 123)
        let body = SharedBody(bytes)
        let file = try #require(body.fileForSending())
        #expect(body.fileForSending() === file, "made once, then reused")
        try expectHolds(file, bytes)
    }

    /// In the temporary directory: unnamed, and reachable through a read-only descriptor only.
    @Test func aDiskFileIsUnnamedAndReadOnly() throws {
        let bytes = patternBody(20_000)
        let file = try #require(BodyFile(bytes, directory: "/tmp"))
        try expectHolds(file, bytes)
        var info = stat()
        #expect(fstat(file.fd, &info) == 0 && info.st_nlink == 0)
        #expect(fcntl(file.fd, F_GETFL) & O_ACCMODE == O_RDONLY)
    }

    /// Where the directory cannot hold it, a memory file sealed against any change.
    @Test func withoutATemporaryDirectoryTheFileIsASealedMemoryFile() throws {
        let bytes = patternBody(20_000)
        let file = try #require(BodyFile(bytes, directory: "/nonexistent-careers-api-dir"))
        try expectHolds(file, bytes)
        #expect(fcntl(file.fd, F_GETFL) & O_ACCMODE == O_RDWR, "a memory file: written, then sealed")
        #expect(ftruncate(file.fd, 10) == -1 && errno == EPERM)
    }

    /// The file reads back as `bytes` and refuses any write (read-only descriptor or seal).
    private func expectHolds(_ file: BodyFile, _ bytes: [UInt8]) throws {
        #expect(file.count == bytes.count)
        var read = [UInt8](repeating: 0, count: bytes.count + 1)
        let n = read.withUnsafeMutableBytes { pread(file.fd, $0.baseAddress, $0.count, 0) }
        #expect(n == bytes.count)
        let same = Array(read[..<max(n, 0)]) == bytes
        #expect(same)
        let written = bytes.withUnsafeBytes { pwrite(file.fd, $0.baseAddress, 1, 0) }
        #expect(written == -1 && (errno == EPERM || errno == EBADF))
    }

    @Test func aSmallBodyIsSentFromMemory() {
        #expect(SharedBody(patternBody(BodyFile.minimumSize - 1)).fileForSending() == nil)
        #expect(SharedBody([]).fileForSending() == nil)
    }

    @Test func aBodyPastTheBudgetIsSentFromMemory() {
        let body = SharedBody([UInt8](repeating: 0x61, count: BodyFile.maxBytes + 1))
        #expect(body.fileForSending() == nil)
        #expect(body.fileForSending() == nil, "not tried again")
    }

    @Test func theFileIsClosedWhenTheBodyGoes() throws {
        var fd: Int32 = -1
        do {
            let body = SharedBody(patternBody(BodyFile.minimumSize * 2))
            fd = try #require(body.fileForSending()).fd
            #expect(fcntl(fd, F_GETFD) != -1)
        }
        // Another test may open a descriptor with the same number meanwhile, so check the
        // file's identity, not only that the number is free.
        var info = stat()
        let open = fstat(fd, &info) == 0 && info.st_size == off_t(BodyFile.minimumSize * 2) && info.st_nlink == 0
        #expect(!open)
    }

    /// Sizes around the file threshold (16,384) and the splice threshold (4,096), alternating with
    /// bodies copied and spliced from memory in one pipelined batch.
    @Test func pipelinedMixOfFileAndMemoryBodiesArrivesIntact() throws {
        try withServer { server, responder in
            let client = try RawClient(port: server.port)
            let requests: [(path: String, size: Int)] = [
                ("/shared", 16_384), ("/pattern", 5), ("/shared", 70_000), ("/shared", 16_383), ("/pattern", 70_001),
                ("/shared", 16_385), ("/shared", 70_000), ("/shared", 0), ("/shared", 300_000), ("/pattern", 4096),
            ]
            try client.send(requests.map { "GET \($0.path)?n=\($0.size) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            for request in requests {
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.header("Content-Length") == String(request.size))
                let intact = response.body == patternBody(request.size)  // a Bool: a failure prints no megabytes
                #expect(intact, "body of \(request.path)?n=\(request.size)")
            }
            let filed = responder.sharedBodies.withLock { $0.filter { $0.value.hasFile }.keys.sorted() }
            #expect(filed == [16_384, 16_385, 70_000, 300_000], "the large ones went out from files")
        }
    }

    /// Megabytes pipelined before the client reads anything: sendfile stops part-way through a
    /// file (EAGAIN) and the next write must resume at the exact byte, head or file.
    @Test func partialWritesResumeInsideFileBodies() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port, receiveBuffer: 4096)
            let sizes = (0..<30).map { $0 % 3 == 0 ? 123 : 200_000 + $0 % 2 }
            try client.send(sizes.map { "GET /shared?n=\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            for size in sizes {
                let response = try client.readResponse()
                #expect(response.body.count == size)
                let intact = response.body == patternBody(size)
                #expect(intact, "body of /shared?n=\(size)")
            }
        }
    }

    @Test func headOfAFileBodySendsNoBody() throws {
        try withServer { server, _ in
            let client = try RawClient(port: server.port)
            try client.send("HEAD /shared?n=70000 HTTP/1.1\r\nHost: x\r\n\r\nGET /shared?n=20000 HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.readResponse(head: true)
            #expect(head.header("Content-Length") == "70000")
            #expect(head.body.isEmpty)
            let next = try client.readResponse()
            let intact = next.body == patternBody(20_000)
            #expect(intact)
        }
    }
}
