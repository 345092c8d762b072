import Synchronization

/// A value made on first use and then kept: once made, reading it is one atomic load (no lock on
/// the hot path); until then a lock is held while making it, so concurrent first uses wait for
/// the one result instead of making it twice. For what is costly to make and often never needed
/// (a document's gzip form, a body's file for sendfile).
public final class MadeOnce<Value: AnyObject & Sendable>: Sendable {
    /// Holds one retain of the value once made. Not `AtomicLazyReference`: its `load` is not
    /// inlinable, and through it each read looked up `Value`'s metadata, ~1.4 % of a cached
    /// `/roles` in `perf`.
    @usableFromInline let made = Atomic<Unmanaged<Value>?>(nil)
    private let making = Mutex(())

    public init() {}

    deinit { made.load(ordering: .acquiring)?.release() }

    /// The value, made by `make` on the first call. Inlinable so that a module reading it on
    /// every request gets it specialised: across the module boundary the generic version cost
    /// ~2 % of a cached `/roles` in `perf`.
    @inlinable public func value(_ make: () -> Value) -> Value {
        if let ready = made.load(ordering: .acquiring) { return ready.takeUnretainedValue() }
        return makeOnce(make)
    }

    /// The first call's slow path, under the lock.
    @usableFromInline func makeOnce(_ make: () -> Value) -> Value {
        making.withLock { _ in
            if let ready = made.load(ordering: .acquiring) { return ready.takeUnretainedValue() }
            let value = make()
            made.store(Unmanaged.passRetained(value), ordering: .releasing)
            return value
        }
    }

    /// The value if it was made already.
    @inlinable public var ifMade: Value? { made.load(ordering: .acquiring)?.takeUnretainedValue() }
}
