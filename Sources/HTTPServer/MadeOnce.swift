import Synchronization

/// A value made on first use and then kept: once made, reading it is one atomic load (no lock on
/// the hot path); until then a lock is held while making it, so concurrent first uses wait for
/// the one result instead of making it twice. For what is costly to make and often never needed
/// (a document's gzip form, a body's file for sendfile).
public final class MadeOnce<Value: AnyObject & Sendable>: Sendable {
    private let made = AtomicLazyReference<Value>()
    private let making = Mutex(())

    public init() {}

    /// The value, made by `make` on the first call.
    public func value(_ make: () -> Value) -> Value {
        if let ready = made.load() { return ready }
        return making.withLock { _ in made.load() ?? made.storeIfNil(make()) }
    }

    /// The value if it was made already.
    public var ifMade: Value? { made.load() }
}
