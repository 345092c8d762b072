/// The server's TLS settings and certificate (an `SSL_CTX`); makes one `TransportSession` per
/// connection. (Stub: the TLS issue fills it in.)
final class TLSContext: TransportFactory {
    /// Loads and checks certificate and key; the error names the file at fault.
    init(configuration: TLSConfiguration) throws(ServerError) {
        throw ServerError("TLS is not implemented yet")
    }

    /// Re-reads certificate and key (SIGHUP); on error keeps the old ones.
    func reload() throws(ServerError) {}

    func makeSession() throws(TransportError) -> any TransportSession {
        throw TransportError("TLS is not implemented yet")
    }
}
