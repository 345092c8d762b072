import CareersCore
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
    /// What a trim did, for the log line that follows a reload.
    struct Outcome: Sendable, CustomStringConvertible {
        var residentBefore: Int?
        var residentAfter: Int?
        var milliseconds: Double

        var description: String {
            // MiB with one decimal, without Foundation's formatting.
            let mb = { (bytes: Int?) in bytes.map { ($0 * 10 + 524_288) >> 20 }.map { "\($0 / 10).\($0 % 10)" } ?? "?" }
            return "RSS \(mb(residentBefore)) -> \(mb(residentAfter)) MB in \(Int(milliseconds.rounded())) ms"
        }
    }

    /// Trims once `reference` no longer points to anything, checking every 100 ms for up to 5 s
    /// (then trims anyway: what was freed so far is returned); `done` gets the outcome.
    static func trim<Object: AnyObject & Sendable>(
        whenReleased reference: WeakReference<Object>, on queue: DispatchQueue, attempt: Int = 0,
        done: @escaping @Sendable (Outcome) -> Void
    ) {
        guard reference.object != nil, attempt < 50 else {
            done(trimNow())
            return
        }
        queue.asyncAfter(deadline: .now() + .milliseconds(100)) {
            trim(whenReleased: reference, on: queue, attempt: attempt + 1, done: done)
        }
    }

    /// `malloc_trim(0)`, looked up at run time: Glibc's Swift module leaves out `<malloc.h>`, and a
    /// C library without the function (musl) makes this a no-op rather than a link error.
    @discardableResult
    static func trimNow() -> Outcome {
        let before = residentBytes()
        let start = DispatchTime.now().uptimeNanoseconds
        typealias MallocTrim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        return Outcome(residentBefore: before, residentAfter: residentBytes(), milliseconds: elapsed)
    }

    /// VmRSS of this process, from /proc/self/statm (pages resident, second field).
    static func residentBytes() -> Int? {
        guard let text = try? SourceFiles.readAll("/proc/self/statm") else { return nil }
        let fields = text.split(separator: 0x20)
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }
}

/// A reference that does not keep its object alive (to see when a replaced repository is gone).
struct WeakReference<Object: AnyObject & Sendable>: Sendable {
    weak var object: Object?

    init(_ object: Object) { self.object = object }
}
