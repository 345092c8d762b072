import COpenSSL
import Synchronization

/// The server's TLS settings and certificate (an `SSL_CTX`); makes one `TLSSession` per
/// connection.
///
/// Shared by the accept path (makeSession, on any worker queue) and the SIGHUP path (reload).
/// The only mutable state is which `SSL_CTX` is current, swapped under a `Mutex`. An `SSL_CTX` is
/// never changed after it is built, and OpenSSL allows `SSL_new` on one shared, fully configured
/// context from many threads; each `SSL` holds its own reference to its context, so a session
/// made before a reload keeps the old context alive until it ends.
final class TLSContext: TransportFactory {
    let configuration: TLSConfiguration
    private let current: Mutex<SSLContextHandle>

    /// Loads and checks certificate and key; the error names the file at fault.
    init(configuration: TLSConfiguration) throws(ServerError) {
        self.configuration = configuration
        current = Mutex(try SSLContextHandle(configuration: configuration))
    }

    /// Re-reads certificate and key (SIGHUP); on error keeps the old ones. Sessions made after a
    /// successful reload use the new certificate; open ones keep theirs.
    func reload() throws(ServerError) {
        let fresh = try SSLContextHandle(configuration: configuration)
        current.withLock { $0 = fresh }
    }

    func makeSession() throws(TransportError) -> any TransportSession {
        let handle = current.withLock { $0 }
        return try TLSSession(context: handle)
    }

    /// Subject and notAfter of the current certificate, for logs ("CN=localhost until ...").
    var certificateSummary: String { current.withLock { $0 }.summary }
}
