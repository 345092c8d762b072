#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One completed request, for the access log. Built only when `HTTPServer.onRequestCompleted` is set.
public struct AccessRecord: Sendable {
    /// When the request head was complete.
    public var time: Date
    /// The peer, e.g. "127.0.0.1:53122" or "[::1]:53122".
    public var remoteAddress: String
    public var method: String
    /// The raw path, without the query.
    public var path: String
    public var status: Int
    /// Bytes of the response (head and body) handed to the connection.
    public var bytesSent: Int
    /// From the complete request head to the serialised response, in microseconds.
    public var durationMicroseconds: Int
    public var requestID: String
    /// Route template, or nil when no route matched (and for requests refused by the core).
    public var route: String?

    public init(
        time: Date, remoteAddress: String, method: String, path: String, status: Int, bytesSent: Int,
        durationMicroseconds: Int, requestID: String, route: String?
    ) {
        self.time = time
        self.remoteAddress = remoteAddress
        self.method = method
        self.path = path
        self.status = status
        self.bytesSent = bytesSent
        self.durationMicroseconds = durationMicroseconds
        self.requestID = requestID
        self.route = route
    }
}
