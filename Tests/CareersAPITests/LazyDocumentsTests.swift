import Dispatch
import Synchronization
import Testing

@testable import CareersAPI

/// A resource's documents are made on their first request, once: later requests, concurrent
/// first ones included, get the same document; ids no item has make nothing. The suggest index
/// waits for the first /suggest likewise.
@Suite struct LazyDocumentsTests {
    /// The positions `make` was called with, in order.
    final class Calls: Sendable {
        private let positions = Mutex<[Int]>([])
        func record(_ position: Int) { positions.withLock { $0.append(position) } }
        var all: [Int] { positions.withLock { $0 } }
    }

    static func table(counting made: Calls) -> DocumentTable {
        DocumentTable(ids: ["a", "b", "a"]) { position in
            made.record(position)
            return Representation(body: Array("{\"position\":\(position)}".utf8), precompress: true)
        }
    }

    @Test func aDocumentIsMadeOnItsFirstRequestOnly() throws {
        let made = Calls()
        let documents = Self.table(counting: made)
        #expect(documents.madeCount == 0)
        let first = try #require(documents["b"])
        #expect(made.all == [1])
        #expect(documents["b"] === first)
        #expect(made.all == [1])
        #expect(documents.madeCount == 1)
    }

    @Test func theFirstOfEqualIdsIsServed() {
        let made = Calls()
        let documents = Self.table(counting: made)
        #expect(documents["a"]?.body == Array("{\"position\":0}".utf8))
    }

    @Test func aSiblingTableServesTheSameIdsWithItsOwnDocuments() throws {
        let made = Calls()
        let documents = Self.table(counting: made)
        let sibling = documents.sibling { position in Representation(body: Array("[\(position)]".utf8)) }
        #expect(try #require(sibling["b"]).body == Array("[1]".utf8))
        #expect(sibling["c"] == nil)
        #expect(made.all.isEmpty, "the first table made nothing")
        #expect(documents.madeCount == 0)
        #expect(sibling.madeCount == 1)
    }

    @Test func anUnknownIdMakesNothing() {
        let made = Calls()
        let documents = Self.table(counting: made)
        #expect(documents["c"] == nil)
        #expect(made.all.isEmpty)
    }

    @Test func concurrentFirstRequestsShareOneDocument() {
        let made = Calls()
        let documents = Self.table(counting: made)
        let served = Mutex<[ObjectIdentifier]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            guard let document = documents["b"] else { return }
            served.withLock { $0.append(ObjectIdentifier(document)) }
        }
        #expect(served.withLock { $0.count } == 8)
        #expect(Set(served.withLock { $0 }).count == 1)
        #expect(made.all == [1])
    }

    @Test func theAnswerToNoQueryIsMadeOnceAndAnErrorIsNotKept() {
        let calls = Calls()
        let answer = UnqueriedAnswer {
            calls.record(0)
            return Representation(body: Array("{}".utf8))
        }
        #expect(!answer.isMade)
        let first = answer.representation
        #expect(first != nil && answer.representation === first)
        #expect(calls.all == [0])

        let failing = UnqueriedAnswer { nil }
        #expect(failing.representation == nil)
        #expect(failing.isMade)
    }

    @Test func theSuggestIndexIsBuiltOnTheFirstSuggestRequest() {
        let api = CareersAPI(repository: sharedAPI.repository)
        #expect(api.current.catalog.suggestions.ifMade == nil)
        #expect(api.call("/roles").status == 200)
        #expect(api.current.catalog.suggestions.ifMade == nil)
        #expect(api.call("/suggest?q=data").status == 200)
        #expect(api.current.catalog.suggestions.ifMade != nil)
    }
}
