@testable import careers_api
import Testing

/// SIGHUPs fold into reloads: at most one running and one waiting.
@Suite struct ReloadCoalescerTests {
    /// What each call answered, in order (mutating calls cannot sit inside `#expect`).
    private func answers(_ calls: [Call], from start: ReloadCoalescer = ReloadCoalescer()) -> (answers: [Bool], state: ReloadCoalescer) {
        var coalescer = start
        let answers = calls.map { $0 == .request ? coalescer.request() : coalescer.finish() }
        return (answers, coalescer)
    }

    private enum Call { case request, finish }

    @Test func aRequestWhileIdleStartsAReloadAndItsEndLeavesItIdle() {
        let (answers, state) = answers([.request, .finish])
        #expect(answers == [true, false])
        #expect(state == ReloadCoalescer())
    }

    @Test func manyRequestsDuringAReloadFoldIntoOneMore() {
        let (answers, state) = answers([.request] + Array(repeating: .request, count: 9) + [.finish])
        #expect(answers == [true] + Array(repeating: false, count: 9) + [true])
        #expect(state.running && !state.pending, "the pending reload now runs")
        let (after, idle) = self.answers([.finish], from: state)
        #expect(after == [false], "and nothing follows it")
        #expect(!idle.running && !idle.pending)
    }

    @Test func aRequestDuringTheFollowUpReloadQueuesOneMore() {
        let (answers, state) = answers([.request, .request, .finish, .request, .finish, .finish])
        #expect(answers == [true, false, true, false, true, false])
        #expect(state == ReloadCoalescer())
    }

    @Test func finishingWhenNothingRunsChangesNothing() {
        let (answers, state) = answers([.finish, .request])
        #expect(answers == [false, true])
        #expect(state.running)
    }
}
