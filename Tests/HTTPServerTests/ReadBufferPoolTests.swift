@testable import HTTPServer
import Testing

/// The event loop's spare read buffers: standard-sized ones are kept up to the limit.
@Suite struct ReadBufferPoolTests {
    @Test func anEmptyPoolMakesAStandardBuffer() {
        var pool = ReadBufferPool(limit: 2)
        #expect(pool.take().count == ReadBufferPool.bufferBytes)
        #expect(pool.count == 0)
    }

    @Test func aGivenBufferIsTakenAgain() {
        var pool = ReadBufferPool(limit: 2)
        pool.give([UInt8](repeating: 7, count: ReadBufferPool.bufferBytes))
        #expect(pool.count == 1)
        #expect(pool.take().first == 7)
        #expect(pool.count == 0)
    }

    @Test func noMoreThanTheLimitIsKept() {
        var pool = ReadBufferPool(limit: 2)
        for _ in 0..<5 { pool.give([UInt8](repeating: 0, count: ReadBufferPool.bufferBytes)) }
        #expect(pool.count == 2)
    }

    @Test func aGrownBufferIsNotKept() {
        var pool = ReadBufferPool(limit: 2)
        pool.give([UInt8](repeating: 0, count: 2 * ReadBufferPool.bufferBytes))
        pool.give([])
        #expect(pool.count == 0)
    }
}
