import Dispatch
import Glibc

/// Hands the memory of a replaced repository back to the system after a reload.
///
/// glibc's malloc keeps freed memory in its arenas for reuse instead of returning it, and a
/// repository is built by several threads at once (articles are parsed in parallel), so its
/// blocks are spread over several arenas (up to 8 per core). Freeing the old repository after a
/// SIGHUP left most of it resident: a 1,000-article corpus went from 151 MB to 758 MB resident
/// over 10 reloads. `malloc_trim(0)` walks every arena and returns its free pages (`madvise`),
/// so after each reload the process is back to about one dataset. It is called once the old
/// repository is gone (requests in flight may hold it for a moment) and costs a few ms per
/// reload. Fewer arenas (`M_ARENA_MAX`) would bound the growth too, but at the cost of lock
/// contention between the event loops on every request's allocations; trimming costs nothing on
/// the request path. (Figures for both: README, "Reloads and memory".)
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
