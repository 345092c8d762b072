import Dispatch
import Glibc
import Synchronization

/// Turns signals into handlers run on a queue, through Dispatch signal sources: the handler is
/// ordinary code (it may lock, allocate and log), which a C signal handler may not.
final class SignalWatcher: Sendable {
    private let queue = DispatchQueue(label: "careers-api.signals")
    /// Keeps the sources alive for the life of the process.
    private let sources = Mutex<[Retained]>([])

    /// Dispatch sources are thread-safe objects that the SDK does not mark Sendable.
    private struct Retained: @unchecked Sendable {
        let source: any DispatchSourceSignal
    }

    func on(_ signals: Int32..., run handler: @escaping @Sendable (Int32) -> Void) {
        for number in signals {
            // The default disposition would kill the process before the source sees the signal.
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            let retained = Retained(source: source)
            sources.withLock { $0.append(retained) }
        }
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
