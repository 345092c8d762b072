@testable import HTTPServer
import Synchronization
import Testing

private final class Made: Sendable {
    let number: Int
    init(_ number: Int) { self.number = number }
}

private final class Counter: Sendable {
    let count = Atomic<Int>(0)
}

/// A value made on first use: made once, shared by concurrent first uses, released with its holder.
@Suite struct MadeOnceTests {
    @Test func theValueIsMadeOnFirstUseOnly() {
        let once = MadeOnce<Made>()
        #expect(once.ifMade == nil)
        var makes = 0
        let first = once.value { makes += 1; return Made(1) }
        let second = once.value { makes += 1; return Made(2) }
        #expect(makes == 1)
        #expect(first === second && second.number == 1)
        #expect(once.ifMade === first)
    }

    @Test func concurrentFirstUsesGetTheOneValue() async {
        let once = MadeOnce<Made>()
        let makes = Counter()
        let values = await withTaskGroup(of: ObjectIdentifier.self) { group in
            for i in 0..<8 {
                group.addTask {
                    ObjectIdentifier(once.value {
                        makes.count.add(1, ordering: .relaxed)
                        return Made(i)
                    })
                }
            }
            return await group.reduce(into: Set<ObjectIdentifier>()) { $0.insert($1) }
        }
        #expect(values.count == 1)
        #expect(makes.count.load(ordering: .relaxed) == 1)
    }

    @Test func theValueIsReleasedWithItsHolder() {
        weak var kept: Made?
        do {
            let once = MadeOnce<Made>()
            let value = once.value { Made(1) }
            kept = value
            #expect(kept != nil)
        }
        #expect(kept == nil)
    }
}
