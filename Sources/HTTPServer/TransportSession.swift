/// A byte transform between a connection's socket and its HTTP parser. Plain HTTP uses none (the
/// connection reads and writes the socket directly); TLS decrypts and encrypts through OpenSSL
/// memory BIOs, so OpenSSL never touches the socket and no call ever blocks a queue.
///
/// A session is confined to its connection's queue: never called from two threads at once.
protocol TransportSession: AnyObject {
    /// True once the handshake has finished (always true for a pass-through transport).
    var isHandshakeComplete: Bool { get }

    /// Bytes arrived from the socket. Appends decrypted application data to `plaintext` and any
    /// bytes that must go to the peer (handshake records, alerts) to `outbound`.
    /// Throws when the peer's bytes are not acceptable; the connection then sends `outbound`
    /// (e.g. an alert) and closes.
    func receive(_ bytes: UnsafeRawBufferPointer, plaintext: inout [UInt8], outbound: inout [UInt8]) throws(TransportError)

    /// Encrypts application data, appending the records to `outbound`.
    func send(_ plaintext: UnsafeRawBufferPointer, outbound: inout [UInt8]) throws(TransportError)

    /// Starts an orderly close: appends close_notify (if any) to `outbound`.
    func close(outbound: inout [UInt8])
}

struct TransportError: Error, Sendable, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Makes one session per accepted connection.
protocol TransportFactory: Sendable {
    func makeSession() throws(TransportError) -> any TransportSession
}
