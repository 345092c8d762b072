/// SIGHUPs folded into reloads: at most one reload runs and at most one waits. A signal that comes
/// while a reload is already waiting adds nothing, because the waiting reload has not read the
/// files yet and will see whatever the later signal announced. Ten signals in quick succession so
/// cost two reloads, not ten (a reload of a large corpus takes seconds and a dataset's memory).
struct ReloadCoalescer: Sendable, Equatable {
    private(set) var running = false
    private(set) var pending = false

    /// A reload was asked for. True: the caller starts one now; false: one is running and this
    /// request is folded into the (single) one that follows it.
    mutating func request() -> Bool {
        if running {
            pending = true
            return false
        }
        running = true
        return true
    }

    /// The running reload finished. True: the caller runs the pending one now (still "running").
    mutating func finish() -> Bool {
        guard running else { return false }
        if pending {
            pending = false
            return true
        }
        running = false
        return false
    }
}
