@testable import HTTPServer
import Testing

/// The process-wide body budget, with a limit a test can set.
private final class FakeBudget: BodyBudget {
    var limit = Int.max
    var reserved = 0

    func reserveBodyBytes(_ count: Int) -> Bool {
        guard reserved + count <= limit else { return false }
        reserved += count
        return true
    }

    func releaseBodyBytes(_ count: Int) { reserved -= count }
}

/// What the driver did for one action, in a form a test can compare.
private enum Step: Equatable {
    case askedBody(String)
    case responded(String, body: String, keepAlive: Bool)
    case sentContinue
    case refused(Int, String)
    case wrote(Int, remaining: Int)
    case halfClosed
    case closed(ConnectionStateMachine.CloseReason)
    case waiting(read: Bool, write: Bool)
}

private let second: UInt64 = 1_000_000_000

/// Drives the machine as `Connection` does, with a fake clock, a fake responder and a fake socket.
private struct Harness {
    var machine: ConnectionStateMachine
    let budget = FakeBudget()
    /// Starts at an arbitrary non-zero instant: nothing may depend on the clock's origin.
    var clock: UInt64 = 1_000 * second
    /// The responder's answer to `.askBody`.
    var acceptsBody = true
    /// The responder's response carries `Connection: close`.
    var asksToClose = false
    /// Bytes of each queued response.
    var responseBytes = 100
    /// Bytes the socket takes per write (nil: everything).
    var socketTakes: Int?

    init(handshaking: Bool = false, _ configure: (inout ConnectionStateMachine.Configuration) -> Void = { _ in }) {
        var configuration = ConnectionStateMachine.Configuration()
        configure(&configuration)
        machine = ConnectionStateMachine(configuration: configuration, budget: budget, now: clock, handshaking: handshaking)
    }

    mutating func advance(_ nanos: UInt64) { clock += nanos }

    /// Bytes arrive; then the driver runs.
    @discardableResult
    mutating func send(_ text: String) -> [Step] {
        machine.receive(Array(text.utf8), now: clock)
        return run()
    }

    /// The fake clock reaches `at` (by default the armed deadline) and the timer fires.
    @discardableResult
    mutating func fire(at: UInt64? = nil) -> [Step] {
        if let at { clock = at } else if let deadline = machine.deadline { clock = deadline }
        machine.timerFired(now: clock)
        return run()
    }

    @discardableResult
    mutating func peerCloses() -> [Step] {
        machine.peerClosed(now: clock)
        return run()
    }

    @discardableResult
    mutating func writable(takes: Int?) -> [Step] {
        socketTakes = takes
        machine.writable(now: clock)
        return write() + run()
    }

    @discardableResult
    mutating func shutdown() -> [Step] {
        machine.shutdownRequested(now: clock)
        return run()
    }

    private mutating func write() -> [Step] {
        let pending = machine.pendingOutput
        let sent = min(pending, socketTakes ?? pending)
        machine.wrote(bytes: sent, remaining: pending - sent, now: clock)
        return [.wrote(sent, remaining: pending - sent)]
    }

    /// Carries out actions until the machine waits or closes (bounded: a loop is a failure).
    mutating func run() -> [Step] {
        var steps: [Step] = []
        for _ in 0..<1000 {
            switch machine.nextAction() {
            case .askBody(let head):
                steps.append(.askedBody(head.target))
                machine.bodyWanted(acceptsBody)
            case .respond(let head, let body):
                let keepAlive = machine.responded(asksToClose: asksToClose)
                machine.queued(bytes: responseBytes)
                steps.append(.responded(head.target, body: String(decoding: body, as: UTF8.self), keepAlive: keepAlive))
            case .sendContinue:
                machine.queued(bytes: 25)
                steps.append(.sentContinue)
            case .refuse(let refusal):
                machine.queued(bytes: 200)
                steps.append(.refused(refusal.status, refusal.reason))
            case .write:
                steps += write()
            case .halfClose:
                steps.append(.halfClosed)
            case .close(let reason):
                steps.append(.closed(reason))
                return steps
            case .wait(let read, let write):
                steps.append(.waiting(read: read, write: write))
                return steps
            }
        }
        Issue.record("the machine never waited: \(steps.suffix(5))")
        return steps
    }
}

private let get = "GET / HTTP/1.1\r\nHost: x\r\n\r\n"

/// Every transition of the HTTP/1 connection state machine, driven directly with a fake clock:
/// no sockets, no sleeps.
@Suite struct ConnectionStateMachineTests {
    // MARK: Requests and keep-alive

    @Test func requestIsAnsweredWrittenAndTheConnectionWaitsForTheNext() {
        var h = Harness()
        #expect(h.send(get) == [
            .responded("/", body: "", keepAlive: true), .wrote(100, remaining: 0), .waiting(read: true, write: false),
        ])
        #expect(h.machine.nextTimer?.kind == .idle)
    }

    /// The read buffer can be handed back whenever no byte waits in it (the driver does so each
    /// time the connection waits, so an idle connection holds none): not while a head or the
    /// rest of a pipeline is buffered; a buffer handed in is the one the next request is read into.
    @Test func theReadBufferIsHandedBackOnlyWhenNothingWaitsInIt() {
        var h = Harness()
        #expect(h.machine.inputBufferBytes == 0)
        #expect(h.machine.releaseInputBuffer() == nil)
        h.send("GET / HT")
        #expect(h.machine.releaseInputBuffer() == nil)
        #expect(h.machine.inputBufferBytes >= 8)
        #expect(h.send("TP/1.1\r\nHost: x\r\n\r\n").first == .responded("/", body: "", keepAlive: true))
        #expect((h.machine.releaseInputBuffer()?.count ?? 0) >= 4096)
        #expect(h.machine.inputBufferBytes == 0)

        h.machine.adoptInputBuffer([UInt8](repeating: 0xAB, count: 4096))
        #expect(h.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTT").first == .responded("/a", body: "", keepAlive: true))
        #expect(h.machine.releaseInputBuffer() == nil)
        #expect(h.send("P/1.1\r\nHost: x\r\n\r\n").first == .responded("/b", body: "", keepAlive: true))
        let reused = h.machine.releaseInputBuffer()
        #expect(reused?.count == 4096 && reused?.last == 0xAB)

        h.send("GET / HT")
        h.peerCloses()
        #expect(h.machine.phase == .closed)
        #expect(h.machine.releaseInputBuffer() != nil)
    }

    @Test func headArrivingInPiecesIsAnsweredOnceComplete() {
        var h = Harness()
        #expect(h.send("GET / HT") == [.waiting(read: true, write: false)])
        #expect(h.send("TP/1.1\r\nHost: x\r\n\r") == [.waiting(read: true, write: false)])
        #expect(h.send("\n").first == .responded("/", body: "", keepAlive: true))
    }

    @Test func pipelinedRequestsAreAnsweredInOrderWithOneWrite() {
        var h = Harness()
        #expect(h.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\nGET /c HTTP/1.1\r\nHost: x\r\n\r\n") == [
            .responded("/a", body: "", keepAlive: true), .responded("/b", body: "", keepAlive: true),
            .responded("/c", body: "", keepAlive: true), .wrote(300, remaining: 0), .waiting(read: true, write: false),
        ])
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: x\r\n\r\n", true),
        ("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false),
        ("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, CLOSE\r\n\r\n", false),
        ("GET / HTTP/1.0\r\n\r\n", false),
        ("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true),
        ("GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n", false),
    ])
    func keepAliveFollowsTheVersionAndTheConnectionField(request: String, keepAlive: Bool) {
        var h = Harness()
        #expect(h.send(request).first == .responded("/", body: "", keepAlive: keepAlive))
    }

    @Test func responderAskingToCloseClosesAfterTheResponse() {
        var h = Harness()
        h.asksToClose = true
        #expect(h.send(get) == [.responded("/", body: "", keepAlive: false), .wrote(100, remaining: 0), .halfClosed, .waiting(read: true, write: false)])
        #expect(h.machine.phase == .lingering)
    }

    @Test func closingResponseEndsThePipelineItIsPartOf() {
        var h = Harness()
        let steps = h.send("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(steps == [.responded("/a", body: "", keepAlive: false), .wrote(100, remaining: 0), .halfClosed, .waiting(read: true, write: false)])
    }

    // MARK: Closing and lingering

    @Test func lingerEndsWhenThePeerClosesOrAtItsDeadline() {
        var closedByPeer = Harness()
        closedByPeer.send("GET / HTTP/1.0\r\n\r\n")
        #expect(closedByPeer.peerCloses() == [.closed(.finished)])

        var silent = Harness()
        silent.send("GET / HTTP/1.0\r\n\r\n")
        let halfClosedAt = silent.clock
        #expect(silent.machine.nextTimer?.kind == .linger)
        #expect(silent.machine.deadline == halfClosedAt + silent.machine.configuration.lingerTimeout)
        #expect(silent.fire(at: halfClosedAt + silent.machine.configuration.lingerTimeout - 1) == [.waiting(read: true, write: false)])
        #expect(silent.fire() == [.closed(.finished)])
    }

    @Test func peerClosingMidHeadClosesWithoutAResponse() {
        var h = Harness()
        h.send("GET / HTTP/1.1\r\nHo")
        #expect(h.peerCloses() == [.closed(.finished)])
    }

    @Test func peerClosingWhileIdleCloses() {
        var h = Harness()
        h.send(get)
        #expect(h.peerCloses() == [.closed(.peerClosed)])
    }

    @Test func halfClosedPeerStillGetsItsPipelinedResponses() {
        var h = Harness()
        h.machine.receive(Array((get + get).utf8), now: h.clock)
        #expect(h.peerCloses() == [
            .responded("/", body: "", keepAlive: true), .responded("/", body: "", keepAlive: false),
            .wrote(200, remaining: 0), .closed(.finished),
        ])
    }

    @Test func malformedHeadIsRefusedAndTheConnectionCloses() {
        var h = Harness()
        #expect(h.send("GET / HTTP/1.1\r\nHost: x\r\nBad Field: y\r\n\r\n") == [
            .refused(400, "whitespace_before_colon"), .wrote(200, remaining: 0), .halfClosed, .waiting(read: true, write: false),
        ])
    }

    // MARK: Timeouts

    @Test func headerTimeoutRunsFromTheAcceptForTheFirstRequest() {
        var h = Harness()
        let accepted = h.clock
        #expect(h.machine.nextTimer?.kind == .header)
        #expect(h.machine.deadline == accepted + h.machine.configuration.headerTimeout)
        #expect(h.fire(at: accepted + h.machine.configuration.headerTimeout - 1) == [.waiting(read: true, write: false)])
        #expect(h.fire().first == .refused(408, "header_timeout"))
    }

    @Test func headerTimeoutCountsTheWholeHeadNotEachByte() {
        var h = Harness()
        let accepted = h.clock
        // A slowloris client: a byte every quarter second never moves the deadline.
        for byte in "GET / HTTP/1.1\r\nX: abc".utf8 {
            h.advance(second / 4)
            h.machine.receive([byte], now: h.clock)
            _ = h.run()
        }
        #expect(h.machine.deadline == accepted + h.machine.configuration.headerTimeout)
        #expect(h.fire().first == .refused(408, "header_timeout"))
    }

    @Test func headerTimeoutOfALaterRequestRunsFromItsFirstByte() {
        var h = Harness()
        h.send(get)
        h.advance(50 * second)
        h.send("GET / HT")
        let started = h.clock
        #expect(h.machine.nextTimer?.kind == .header)
        #expect(h.machine.deadline == started + h.machine.configuration.headerTimeout)
    }

    @Test func idleConnectionIsClosedQuietlyAtTheIdleTimeout() {
        var h = Harness()
        h.send(get)
        let idleSince = h.clock
        #expect(h.machine.deadline == idleSince + h.machine.configuration.idleTimeout)
        #expect(h.fire() == [.closed(.idle)])
    }

    @Test func bodyTimeoutIsADeadlineFromTheEndOfTheHead() {
        var h = Harness()
        h.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
        let headEnded = h.clock
        for _ in 0..<20 {
            h.advance(second)
            h.send("a")
        }
        #expect(h.machine.nextTimer?.kind == .body)
        #expect(h.machine.deadline == headEnded + h.machine.configuration.bodyTimeout)
        #expect(h.fire().first == .refused(408, "body_timeout"))
    }

    @Test func earlyTimerChangesNothing() {
        var h = Harness()
        h.send(get)
        let before = h.machine.deadline
        #expect(h.fire(at: h.clock + 1) == [.waiting(read: true, write: false)])
        #expect(h.machine.deadline == before)
    }

    // MARK: Writes and back-pressure

    @Test func blockedWriteWaitsForWritabilityAndFinishesLater() {
        var h = Harness()
        h.socketTakes = 40
        #expect(h.send(get) == [.responded("/", body: "", keepAlive: true), .wrote(40, remaining: 60), .waiting(read: true, write: true)])
        #expect(h.machine.nextTimer?.kind == .write)
        #expect(h.writable(takes: nil) == [.wrote(60, remaining: 0), .waiting(read: true, write: false)])
        #expect(h.machine.nextTimer?.kind == .idle)
    }

    @Test func writeTimeoutCutsOffAClientThatDoesNotRead() {
        var h = Harness()
        h.socketTakes = 0
        h.send(get)
        let stalled = h.clock
        #expect(h.machine.deadline == stalled + h.machine.configuration.writeTimeout)
        #expect(h.fire() == [.closed(.writeTimeout)])
    }

    @Test func writeProgressBelowTheMinimumRateDoesNotMoveTheWriteDeadline() {
        var h = Harness()
        h.responseBytes = 1 << 20
        h.socketTakes = 0
        h.send(get)
        let stalled = h.clock
        for _ in 0..<10 {
            h.advance(second)
            h.writable(takes: 512)
        }
        #expect(h.machine.deadline == stalled + h.machine.configuration.writeTimeout)
        // 64 KiB of progress restarts it.
        h.advance(second)
        h.writable(takes: h.machine.configuration.writeProgressBytes)
        #expect(h.machine.deadline == h.clock + h.machine.configuration.writeTimeout)
    }

    @Test func outputAboveTheHighWaterMarkStopsReadingAndAnswering() {
        var h = Harness()
        h.responseBytes = 200 * 1024
        h.socketTakes = 0
        let steps = h.send(get + get + get)
        // Two responses pass the 256 KiB mark: the third request waits, and so does reading.
        #expect(steps == [
            .responded("/", body: "", keepAlive: true), .responded("/", body: "", keepAlive: true),
            .wrote(0, remaining: 400 * 1024), .waiting(read: false, write: true),
        ])
        #expect(h.writable(takes: nil) == [
            .wrote(400 * 1024, remaining: 0), .responded("/", body: "", keepAlive: true),
            .wrote(200 * 1024, remaining: 0), .waiting(read: true, write: false),
        ])
    }

    // MARK: Bodies and 100-continue

    @Test func contentLengthBodyReachesTheResponder() {
        var h = Harness()
        #expect(h.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhel") == [
            .askedBody("/echo"), .waiting(read: true, write: false),
        ])
        #expect(h.send("lo").first == .responded("/echo", body: "hello", keepAlive: true))
        #expect(h.budget.reserved == 0)
    }

    @Test func chunkedBodyIsDecodedAndTheNextRequestFollows() {
        var h = Harness()
        let steps = h.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n" + get)
        #expect(steps.prefix(3) == [.askedBody("/echo"), .responded("/echo", body: "abcde", keepAlive: true), .responded("/", body: "", keepAlive: true)])
    }

    @Test func expectContinueIsAnsweredBeforeTheBodyAndOnlyOnce() {
        var h = Harness()
        #expect(h.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n") == [
            .askedBody("/echo"), .sentContinue, .wrote(25, remaining: 0), .waiting(read: true, write: false),
        ])
        #expect(h.send("pi") == [.waiting(read: true, write: false)])
        #expect(h.send("ng").first == .responded("/echo", body: "ping", keepAlive: true))
    }

    @Test func expectContinueWithTheBodyAlreadySentGetsNoContinue() {
        var h = Harness()
        let steps = h.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nping")
        #expect(!steps.contains(.sentContinue))
        #expect(steps.contains(.responded("/echo", body: "ping", keepAlive: true)))
    }

    @Test func refusedBodyWithExpectContinueIsAnsweredAtOnceAndCloses() {
        var h = Harness()
        h.acceptsBody = false
        #expect(h.send("POST /ro HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n") == [
            .askedBody("/ro"), .responded("/ro", body: "", keepAlive: false), .wrote(100, remaining: 0), .halfClosed,
            .waiting(read: true, write: false),
        ])
    }

    @Test func refusedSmallBodyIsReadAndDiscardedBeforeTheAnswer() {
        var h = Harness()
        h.acceptsBody = false
        #expect(h.send("POST /ro HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n01234") == [
            .askedBody("/ro"), .waiting(read: true, write: false),
        ])
        #expect(h.send("56789" + get).prefix(2) == [.responded("/ro", body: "", keepAlive: true), .responded("/", body: "", keepAlive: true)])
        #expect(h.budget.reserved == 0)
    }

    @Test func refusedLargeBodyIsAnsweredAtOnceAndCloses() {
        var h = Harness()
        h.acceptsBody = false
        let steps = h.send("POST /ro HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n")
        #expect(steps.prefix(2) == [.askedBody("/ro"), .responded("/ro", body: "", keepAlive: false)])
    }

    @Test func refusedChunkedBodyLargerThanTheDiscardLimitIsAnsweredAndCloses() {
        var h = Harness { $0.maxDiscardedBody = 8 }
        h.acceptsBody = false
        let steps = h.send("POST /ro HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n")
        #expect(steps.prefix(2) == [.askedBody("/ro"), .responded("/ro", body: "", keepAlive: false)])
    }

    @Test(arguments: [
        ("zz\r\n", "invalid_chunk_size"),
        ("10000000000000000\r\n", "invalid_chunk_size"),
        ("5\r\nhelloXX", "invalid_chunk_data"),
        ("5\nhello\n0\n\n", "invalid_line_ending"),
        ("5\r\nhello\r\n0\r\n\n", "invalid_line_ending"),
    ])
    func badChunkedFramingIsRefusedEvenWhenTheBodyIsIgnored(body: String, reason: String) {
        for accepts in [true, false] {
            var h = Harness()
            h.acceptsBody = accepts
            let steps = h.send("POST /ro HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
            #expect(steps.prefix(2) == [.askedBody("/ro"), .refused(400, reason)])
            #expect(!steps.contains { if case .responded = $0 { true } else { false } })
        }
    }

    @Test func peerClosingMidBodyClosesWithoutAResponse() {
        var h = Harness()
        h.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
        #expect(h.peerCloses() == [.closed(.finished)])
        #expect(h.budget.reserved == 0)
    }

    @Test func bodyOverTheProcessBudgetIsRefused503() {
        var h = Harness()
        h.budget.limit = 4
        let steps = h.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789")
        #expect(steps.prefix(2) == [.askedBody("/echo"), .refused(503, "body_budget")])
        #expect(h.budget.reserved == 0)
    }

    // MARK: Drain on shutdown

    @Test func connectionIdleLongerThanTheGraceClosesAtOnceOnShutdown() {
        var h = Harness()
        h.send(get)
        h.advance(h.machine.configuration.drainIdleGrace)
        #expect(h.shutdown() == [.closed(.drained)])
    }

    @Test func recentlyBusyConnectionIsKeptThroughTheGraceAndItsNextRequestAnsweredWithClose() {
        var h = Harness()
        h.send(get)
        let idleSince = h.clock
        h.advance(second / 10)
        #expect(h.shutdown() == [.waiting(read: true, write: false)])
        #expect(h.machine.deadline == idleSince + h.machine.configuration.drainIdleGrace)
        h.advance(second / 10)
        #expect(h.send(get).prefix(3) == [.responded("/", body: "", keepAlive: false), .wrote(100, remaining: 0), .halfClosed])
        // Linger is short while draining: a client that holds on must not hold up the exit.
        #expect(h.machine.deadline == h.clock + h.machine.configuration.lingerTimeout / 10)
    }

    @Test func recentlyBusyConnectionThatStaysSilentClosesAfterTheGrace() {
        var h = Harness()
        h.send(get)
        h.shutdown()
        #expect(h.fire() == [.closed(.drained)])
    }

    @Test func newConnectionGetsTheGraceFromItsAccept() {
        var h = Harness()
        let accepted = h.clock
        h.shutdown()
        #expect(h.machine.deadline == accepted + h.machine.configuration.drainIdleGrace)
        #expect(h.fire() == [.closed(.drained)])
    }

    @Test func requestInFlightAtShutdownIsAnsweredWithClose() {
        var h = Harness()
        h.machine.receive(Array(get.utf8), now: h.clock)
        guard case .respond = h.machine.nextAction() else {
            Issue.record("no request")
            return
        }
        h.machine.shutdownRequested(now: h.clock)
        #expect(h.machine.responded(asksToClose: false) == false)
    }

    @Test func partialRequestAtShutdownIsStillAnswered() {
        var h = Harness()
        h.send("GET / HTTP/1.1\r\n")
        h.advance(5 * second)
        #expect(h.shutdown() == [.waiting(read: true, write: false)])
        #expect(h.send("Host: x\r\n\r\n").first == .responded("/", body: "", keepAlive: false))
    }

    // MARK: TLS handshake

    @Test func handshakeTimeoutRunsFromTheAccept() {
        var h = Harness(handshaking: true)
        #expect(h.machine.nextTimer?.kind == .handshake)
        #expect(h.fire() == [.closed(.handshakeTimeout)])
    }

    @Test func completedHandshakeHandsOverToTheHeaderTimeout() {
        var h = Harness(handshaking: true)
        h.advance(second)
        h.machine.handshakeCompleted(now: h.clock)
        #expect(h.machine.nextTimer?.kind == .header)
    }

    @Test func transportFailureDuringTheHandshakeSendsTheAlertAndCloses() {
        var h = Harness(handshaking: true)
        h.machine.transportFailed(now: h.clock)
        h.machine.queued(bytes: 7)
        #expect(h.run() == [.wrote(7, remaining: 0), .closed(.transportFailed)])
    }
}
