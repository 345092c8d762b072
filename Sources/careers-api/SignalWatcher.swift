import Dispatch
import Glibc
import Synchronization

/// Turns signals into handlers run on a queue, through Dispatch signal sources: the handler is
/// ordinary code (it may lock, allocate and log), which a C signal handler may not.
///
/// On Linux a Dispatch signal source reads a signalfd, which only sees a signal while it is
/// pending, i.e. blocked in the thread it is delivered to. Two threads do not block it: one the
/// process starts before blocking (so `block` runs first: threads inherit the mask), and the main
/// thread once `dispatchMain()` parks it in `sigsuspend` with an empty mask. Dispatch covers the
/// latter with a handler that passes the signal on, but it installs it asynchronously, when the
/// source is registered; until then the signal would hit SIG_IGN and be lost. Hence
/// `waitUntilRegistered` before the server says it is up.
final class SignalWatcher: Sendable {
    private let registered = DispatchGroup()

    /// Blocks the signals in the calling thread and, by inheritance, in every thread it starts.
    static func block(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals { sigaddset(&set, number) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    private let queue = DispatchQueue(label: "careers-api.signals")
    /// Keeps the sources alive for the life of the process.
    private let sources = Mutex<[Retained]>([])

    /// Dispatch sources are thread-safe objects that the SDK does not mark Sendable.
    private struct Retained: @unchecked Sendable {
        let source: any DispatchSourceSignal
    }

    func on(_ signals: Int32..., run handler: @escaping @Sendable (Int32) -> Void) {
        for number in signals {
            // Should some thread not block it, the default disposition would kill the process; so a
            // handler that does nothing. Not SIG_IGN: ignoring a signal discards it when pending
            // (POSIX), and a SIGTERM or SIGHUP sent while the data loads (seconds for a large
            // corpus) is pending here, to be read by the source once it is registered.
            Glibc.signal(number) { _ in }
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            registered.enter()
            source.setRegistrationHandler { [registered] in registered.leave() }
            source.resume()
            let retained = Retained(source: source)
            sources.withLock { $0.append(retained) }
        }
    }

    /// True once every source is registered with the kernel (false after `timeout` seconds).
    func waitUntilRegistered(timeout: Double = 10) -> Bool {
        registered.wait(timeout: .now() + timeout) == .success
    }

    static func name(_ number: Int32) -> String {
        switch number {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        case SIGHUP: "SIGHUP"
        default: "signal \(number)"
        }
    }
}
