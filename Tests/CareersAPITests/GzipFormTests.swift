import Dispatch
import Synchronization
import Testing

@testable import CareersAPI

/// A kept document's gzip form is made on the first request that asks for it, once: every later
/// request, concurrent first ones included, is sent the same bytes.
@Suite struct GzipFormTests {
    static let body = Array(String(repeating: "{\"id\":\"python\",\"name\":\"Python\"},", count: 40).utf8)

    @Test func concurrentFirstRequestsShareOneGzipForm() throws {
        let representation = Representation(body: Self.body, precompress: true)
        // The bodies are kept until compared: storage freed early could be reused at the same address.
        let bodies = Mutex<[[UInt8]]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            guard let gzip = representation.gzipBody else { return }
            bodies.withLock { $0.append(gzip) }
        }
        let addresses = bodies.withLock { $0.map { body in body.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } } }
        #expect(addresses.count == 8)
        #expect(Set(addresses).count == 1)
        #expect(representation.gzipBody == Representation.compressed(Self.body))
    }

    @Test func gzipFieldsAreThoseOfTheGzipTag() throws {
        let caching = try #require(CachingFields(options: APIOptions(), lastModified: nil))
        let representation = Representation(body: Self.body, precompress: true, caching: caching)
        let fields = try #require(representation.preparedGzipFields)
        #expect(fields.headers["ETag"] == representation.gzipETag)
        #expect(fields.headers["Content-Encoding"] == "gzip")
    }

    @Test func aBodyGzipDoesNotShortenKeepsNoGzipForm() {
        let representation = Representation(body: Array("{\"status\":\"ok\"}".utf8), precompress: true)
        #expect(representation.precompressed)
        #expect(representation.gzipBody == nil)
        #expect(representation.preparedGzipFields == nil)
    }
}
