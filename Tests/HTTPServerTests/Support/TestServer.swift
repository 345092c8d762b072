import Foundation
import HTTPServer
import Synchronization

/// The core knows nothing of careers: tests drive it with this responder.
///   /echo       the request body back, with method, target and selected headers as fields
///   /close      answers with `Connection: close`
///   /slow?ms=N  waits N ms (a request in flight)
///   /readonly   refuses request bodies (`acceptsBody` false): 405, X-Body-Bytes = body bytes seen
///   /pattern?n=N  N bytes of `patternBody` (large ones are sent from shared storage)
///   /shared?n=N   the same bytes as a `SharedBody` kept per N (large ones are sent from a file)
///   anything    "hello" (text/plain)
final class TestResponder: HTTPResponder {
    let calls = Atomic<Int>(0)
    let lastRequest = Mutex<HTTPRequest?>(nil)
    /// The bodies /shared served, by size: kept, as a responder keeps its documents.
    let sharedBodies = Mutex<[Int: SharedBody]>([:])

    func acceptsBody(for head: HTTPRequest) -> Bool { head.path != "/readonly" }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        calls.add(1, ordering: .relaxed)
        lastRequest.withLock { $0 = request }
        switch request.path {
        case "/echo":
            var headers = HTTPHeaders([("Content-Type", "application/octet-stream")])
            headers.add("X-Method", request.method.rawValue)
            headers.add("X-Target", request.target)
            headers.add("X-Seen-Request-Id", request.requestID)
            return HTTPResponse(status: 200, headers: headers, body: request.body, route: "/echo")
        case "/close":
            return HTTPResponse(status: 200, headers: HTTPHeaders([("Connection", "close")]), body: Array("bye".utf8), route: "/close")
        case "/slow":
            let ms = request.query.flatMap { Int($0.dropFirst(3)) } ?? 100
            usleep(UInt32(ms) * 1000)
            return HTTPResponse(status: 200, body: Array("slow".utf8), route: "/slow")
        case "/readonly":
            return HTTPResponse(
                status: 405, headers: HTTPHeaders([("Allow", "GET"), ("X-Body-Bytes", String(request.body.count))]),
                body: Array("no".utf8), route: "/readonly")
        case "/nocontent":
            return HTTPResponse(status: 204, route: "/nocontent")
        case "/pattern":
            let n = request.query.flatMap { Int($0.dropFirst(2)) } ?? 0
            return HTTPResponse(status: 200, body: patternBody(n), route: "/pattern")
        case "/shared":
            let n = request.query.flatMap { Int($0.dropFirst(2)) } ?? 0
            let body = sharedBodies.withLock { bodies in
                if let body = bodies[n] { return body }
                let body = SharedBody(patternBody(n))
                bodies[n] = body
                return body
            }
            return HTTPResponse(status: 200, body: body, route: "/shared")
        case "/big":
            return HTTPResponse(status: 200, body: [UInt8](repeating: 0x61, count: 1 << 20), route: "/big")
        default:
            return HTTPResponse(
                status: 200, headers: HTTPHeaders([("Content-Type", "text/plain")]), body: Array("hello".utf8),
                route: "/")
        }
    }
}

/// Bytes whose every position is checkable: a shifted or dropped piece shows.
func patternBody(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 % 251) }
}

/// A server on an ephemeral loopback port with test-sized limits; shut down by the test.
func startServer(
    host: String = "127.0.0.1", responder: TestResponder = TestResponder(),
    configure: (inout ServerConfiguration) -> Void = { _ in }
) throws -> (HTTPServer, TestResponder) {
    var configuration = ServerConfiguration()
    configuration.host = host
    configuration.port = 0
    configuration.drainTimeout = 5
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, responder: responder)
    try server.start()
    return (server, responder)
}

/// Runs `body` against a fresh server and always shuts it down.
func withServer<T>(
    host: String = "127.0.0.1", configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (HTTPServer, TestResponder) throws -> T
) throws -> T {
    let (server, responder) = try startServer(host: host, configure: configure)
    defer { server.shutdown() }
    return try body(server, responder)
}

/// Sends `raw` on a new connection and reads one response.
func exchange(_ raw: String, port: Int) throws -> (response: RawResponse, client: RawClient) {
    let client = try RawClient(port: port)
    try client.send(raw)
    return (try client.readResponse(), client)
}

/// Waits (bounded) until `condition` holds; the bound is a failure guard, not a synchronisation.
func eventually(within seconds: Double = 5, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(2000)
    }
    return condition()
}

/// The problem+json fields of an error response.
struct Problem: Decodable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String?
}

func problem(_ response: RawResponse) throws -> Problem {
    try JSONDecoder().decode(Problem.self, from: Data(response.body))
}
