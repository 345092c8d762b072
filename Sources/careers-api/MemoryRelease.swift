import Dispatch
import Glibc

/// Hands the memory of a replaced repository back to the system after a reload.
///
/// glibc's malloc keeps freed memory in its arenas for reuse instead of returning it, and a
/// repository is built by several threads at once (articles are parsed in parallel), so its
/// blocks are spread over several arenas (up to 8 per core). Measured with `scripts/soak --parts
/// reload` (1,000 articles, 10 SIGHUPs, release build), RSS after the first load and after the
/// 10th reload (arena counts set with `MALLOC_ARENA_MAX`, the same as `mallopt(M_ARENA_MAX)` at start-up):
///   - neither:                      150 MB -> 540 MB (643 MB on the way)
///   - `M_ARENA_MAX` 2:              150 MB -> 491 MB
///   - `M_ARENA_MAX` 1:              148 MB -> 281 MB (two datasets, reached at once and kept)
///   - `malloc_trim(0)` (this):      149 MB -> 156 MB (every reload 155-157 MB)
///   - both, arenas 2:               150 MB -> 152 MB
/// `malloc_trim(0)` walks every arena and returns its free pages (`madvise`), so it alone brings
/// the process back to one dataset after each reload. It runs on the reload queue, once the old
/// repository is gone (requests in flight may hold it for a moment), off the request path. Fewer
/// arenas would add nothing here and would make the event loops contend for one allocator lock
/// on every request, so the arena count stays glibc's default (an operator can still set
/// `MALLOC_ARENA_MAX`).
enum MemoryRelease {
    /// Trims once `reference` no longer points to anything, checking every 100 ms for up to 5 s
    /// (then trims anyway: what was freed so far is returned).
    static func trim<Object: AnyObject & Sendable>(whenReleased reference: WeakReference<Object>, on queue: DispatchQueue, attempt: Int = 0) {
        guard reference.object != nil, attempt < 50 else {
            trimNow()
            return
        }
        queue.asyncAfter(deadline: .now() + .milliseconds(100)) {
            trim(whenReleased: reference, on: queue, attempt: attempt + 1)
        }
    }

    /// `malloc_trim(0)`, looked up at run time: Glibc's Swift module leaves out `<malloc.h>`, and a
    /// C library without the function (musl) makes this a no-op rather than a link error.
    static func trimNow() {
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }
}

/// A reference that does not keep its object alive (to see when a replaced repository is gone).
struct WeakReference<Object: AnyObject & Sendable>: Sendable {
    weak var object: Object?

    init(_ object: Object) { self.object = object }
}
