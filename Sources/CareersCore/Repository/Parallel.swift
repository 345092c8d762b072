import Dispatch
import Synchronization

/// Two independent pieces of work at once: the repository is built on machines with few cores,
/// where the merge's independent halves (roles, jobs; word indexes, sort orders) then take the
/// time of the longer one instead of their sum.
enum Parallel {
    static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = Mutex<(A?, B?)>((nil, nil))
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 {
                        let value = first()
                        results.withLock { $0.0 = value }
                    } else {
                        let value = second()
                        results.withLock { $0.1 = value }
                    }
                }
            }
        }
        let (a, b) = results.withLock { $0 }
        // concurrentPerform returns only after both iterations ran, so both are set.
        guard let a, let b else { preconditionFailure("Parallel.both: a piece of work did not run") }
        return (a, b)
    }
}
