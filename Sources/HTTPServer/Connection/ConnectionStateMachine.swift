/// Counts request-body bytes buffered by all connections together (`ServerContext` in the server,
/// a fake in tests): a body that would exceed the budget is refused with 503.
protocol BodyBudget: AnyObject {
    func reserveBodyBytes(_ count: Int) -> Bool
    func releaseBodyBytes(_ count: Int)
}

/// HTTP/1 on one connection, without I/O and without a clock: every event carries the time it
/// happened (monotonic nanoseconds from the driver), and every decision comes out as an `Action`
/// for the driver (`Connection`) to carry out. Parsing, body framing, 100-continue, pipelining,
/// back-pressure, the timeouts, the drain on shutdown and whether the connection stays open are
/// decided here and only here, so each rule is tested directly with a fake clock.
///
/// The driver's loop: feed an event (`receive`, `wrote`, `peerClosed`, `timerFired`,
/// `shutdownRequested`, …), then call `nextAction()` and carry out what it says until it says
/// `.wait` or `.close`. Between events, `deadline` is when `timerFired` must be called.
struct ConnectionStateMachine {
    struct Configuration: Sendable {
        var limits = ParserLimits()
        var headerTimeout: UInt64 = 10_000_000_000
        var idleTimeout: UInt64 = 60_000_000_000
        /// A deadline for the whole body from the end of the head, not an inactivity timer: a
        /// byte every few seconds must not hold a connection (and its buffer) forever.
        var bodyTimeout: UInt64 = 30_000_000_000
        /// Pending output must drain, or advance by `writeProgressBytes`, within this time.
        var writeTimeout: UInt64 = 30_000_000_000
        var handshakeTimeout: UInt64 = 10_000_000_000
        /// How long a closing connection keeps reading (and discarding) so its last response is
        /// not destroyed by a reset while the client is still sending.
        var lingerTimeout: UInt64 = 2_000_000_000
        /// While draining, an idle keep-alive connection is closed once it has been idle this
        /// long: a client that just got a response may have its next request on the way, one
        /// idle for longer is unlikely to, and waiting for it would hold up the exit.
        var drainIdleGrace: UInt64 = 1_000_000_000
        /// Output a connection may queue before it stops reading requests (back-pressure).
        var outputHighWater = 256 * 1024
        /// A reader slower than this per write timeout is cut off (a minimum rate, so a client
        /// reading a byte at a time does not count as reading).
        var writeProgressBytes = 64 * 1024
        /// A body the responder refused up to this size is read and discarded and the connection
        /// kept; a larger one is answered at once and the connection closed.
        var maxDiscardedBody = 64 * 1024
    }

    enum Phase: Equatable {
        /// Waiting for (more of) a request head.
        case head
        /// Head accepted; reading (or discarding) its body.
        case body
        /// `.respond` was handed out: waiting for `responded`.
        case responding
        /// A final response is queued; the connection closes once it is written.
        case closing
        /// Written and half-closed; discarding input until the client closes or the linger ends.
        case lingering
        case closed
    }

    /// An error answered with problem+json; the connection closes after it.
    struct Refusal: Equatable {
        var status: Int
        var detail: String
        /// Metrics label.
        var reason: String
        /// The request the error answers, when its head was complete.
        var method: HTTPMethod?
        var requestID: String?
        /// The request-target once the request line was accepted (for the problem's `instance`).
        var target: String?
    }

    enum CloseReason: Equatable {
        /// The last response was written and the linger ended (or the peer closed).
        case finished
        case peerClosed
        case idle
        case drained
        case writeTimeout
        case handshakeTimeout
        case transportFailed
    }

    enum Action {
        /// A head announcing a body arrived: ask the responder whether it reads bodies for it,
        /// answer with `bodyWanted(_:)`.
        case askBody(ParsedHead)
        /// Call the responder, then `responded(asksToClose:)`, then queue the response with the
        /// `Connection` field that call returned and report it with `queued(bytes:)`.
        case respond(ParsedHead, body: [UInt8])
        /// Queue `100 Continue` and report it with `queued(bytes:)`.
        case sendContinue
        /// Queue this error response and report it with `queued(bytes:)`.
        case refuse(Refusal)
        /// Write pending output and report it with `wrote(bytes:remaining:now:)`.
        case write
        /// Shut the socket down for writing; discard input until `peerClosed` or the linger ends.
        case halfClose
        case close(CloseReason)
        /// Nothing to do until the next event; `read`/`write` say which socket events to wait for.
        case wait(read: Bool, write: Bool)
    }

    enum Timer: Equatable { case header, idle, body, write, handshake, linger }

    let configuration: Configuration
    private let budget: any BodyBudget

    private(set) var phase = Phase.head
    private var parser: RequestHeadParser

    private var input: [UInt8]
    private var inStart = 0
    private var inEnd = 0

    /// The head being served (from `.askBody` or `.respond` until `responded`).
    private var current: ParsedHead?
    private enum BodyMode { case undecided, storing, discarding }
    private var bodyMode = BodyMode.undecided
    private var body: [UInt8] = []
    private var bodyRemaining = 0
    private var chunked: ChunkedDecoder?
    private var bodyStarted = false
    private var continueSent = false
    private var discardedBytes = 0
    /// The response will close the connection whatever the request asked (answered before its body).
    private var closeAfterResponse = false
    /// Body bytes counted against the process-wide budget.
    private var bodyReserved = 0

    private var refusal: Refusal?
    private var closeReason = CloseReason.finished

    /// Output queued and not yet written (as reported by `queued` and `wrote`).
    private(set) var pendingOutput = 0
    /// The last write stopped short; wait for writability instead of writing again.
    private var writeBlocked = false
    private var stalledSince: UInt64?
    private var sentSinceStall = 0

    private(set) var peerHasClosed = false
    private(set) var draining = false
    private(set) var handshaking: Bool
    private(set) var requestsServed = 0

    /// The time of the latest event.
    private var now: UInt64
    private let acceptedAt: UInt64
    private var headStartedAt: UInt64
    private var idleSince: UInt64
    private var bodyStartedAt: UInt64 = 0
    private var lingerUntil: UInt64 = 0

    init(configuration: Configuration, budget: any BodyBudget, now: UInt64, handshaking: Bool = false) {
        self.configuration = configuration
        self.budget = budget
        self.handshaking = handshaking
        parser = RequestHeadParser(limits: configuration.limits)
        // Given by the driver (`adoptInputBuffer`) or allocated by the first `receive`, and
        // handed back whenever the connection waits with nothing buffered (`releaseInputBuffer`).
        input = []
        self.now = now
        acceptedAt = now
        headStartedAt = now
        idleSince = now
    }

    // MARK: Events

    /// Lets `read` fill the input buffer (at least `minimum` bytes of room); `read` returns the
    /// count it wrote (≤ 0: nothing). The driver's read system call, without a copy.
    mutating func receive(now: UInt64, minimum: Int = ReadBufferPool.bufferBytes, _ read: (UnsafeMutableRawBufferPointer) -> Int) -> Int {
        self.now = now
        ensureInputSpace(minimum)
        let start = inEnd
        let n = input.withUnsafeMutableBytes { read(UnsafeMutableRawBufferPointer(rebasing: $0[start...])) }
        if n > 0 { noteInput(n) }
        return n
    }

    /// Bytes arrived (decrypted TLS, tests).
    mutating func receive(_ bytes: UnsafeRawBufferPointer, now: UInt64) {
        guard !bytes.isEmpty else { return }
        _ = receive(now: now, minimum: bytes.count) { room in
            room.copyMemory(from: bytes)
            return bytes.count
        }
    }

    mutating func receive(_ bytes: [UInt8], now: UInt64) {
        bytes.withUnsafeBytes { receive($0, now: now) }
    }

    /// Bytes of read buffer the connection holds (0 while it waits idle with nothing buffered).
    var inputBufferBytes: Int { input.count }

    /// Takes `buffer` as the read buffer when the connection holds none (a recycled one from
    /// the driver's pool, so the next `receive` allocates nothing); its contents do not matter.
    mutating func adoptInputBuffer(_ buffer: [UInt8]) {
        guard input.isEmpty else { return }
        input = buffer
        inStart = 0
        inEnd = 0
    }

    /// The read buffer, handed back for reuse when no byte waits in it: between requests (an
    /// idle keep-alive connection holds none) and once the connection is closed. Nil while a
    /// head or the rest of a pipeline is buffered, or when there is no buffer.
    mutating func releaseInputBuffer() -> [UInt8]? {
        guard !input.isEmpty, phase == .closed || (phase == .head && inStart == inEnd) else { return nil }
        let buffer = input
        input = []
        inStart = 0
        inEnd = 0
        return buffer
    }

    /// The header timeout of a request runs from its first byte (from the accept for the first).
    private mutating func noteInput(_ count: Int) {
        if inStart == inEnd && phase == .head && requestsServed > 0 { headStartedAt = now }
        inEnd += count
    }

    /// The peer sent EOF (or the transport saw its close).
    mutating func peerClosed(now: UInt64) {
        self.now = now
        peerHasClosed = true
        if phase == .lingering { close(.finished) }
    }

    /// The transport refused the peer's bytes: send what it queued (an alert) and close.
    mutating func transportFailed(now: UInt64) {
        self.now = now
        closeReason = .transportFailed
        guard phase != .closed, phase != .lingering else { return }
        releaseBody()
        phase = .closing
    }

    mutating func handshakeCompleted(now: UInt64) {
        self.now = now
        handshaking = false
    }

    /// Output was queued (responses, 100 Continue, TLS records).
    mutating func queued(bytes: Int) {
        pendingOutput += bytes
    }

    /// A write sent `bytes`; `remaining` are still pending (0: the write finished).
    mutating func wrote(bytes: Int, remaining: Int, now: UInt64) {
        self.now = now
        pendingOutput = remaining
        if remaining == 0 {
            writeBlocked = false
            stalledSince = nil
            sentSinceStall = 0
            return
        }
        writeBlocked = true
        sentSinceStall += bytes
        if stalledSince == nil || sentSinceStall >= configuration.writeProgressBytes {
            stalledSince = now
            sentSinceStall = 0
        }
    }

    /// The socket became writable again.
    mutating func writable(now: UInt64) {
        self.now = now
        writeBlocked = false
    }

    /// Shutdown began: no response after this one keeps the connection open, and an idle
    /// connection closes once idle for `drainIdleGrace` (at once when it already is).
    mutating func shutdownRequested(now: UInt64) {
        self.now = now
        draining = true
        if let timer = nextTimer, timer.kind == .idle, now >= timer.deadline { close(.drained) }
    }

    /// The driver closed the connection (write error, forced shutdown): the body budget is returned.
    mutating func abort() { close(.finished) }

    /// The answer to `.askBody`.
    mutating func bodyWanted(_ wanted: Bool) {
        guard phase == .body, bodyMode == .undecided, let head = current else { return }
        if wanted {
            bodyMode = .storing
            return
        }
        bodyMode = .discarding
        // RFC 9110 §10.1.1: a final status instead of 100; a client that waits for the 100 may
        // never send the body, so the connection cannot be reused. A large refused body is not
        // worth reading only to throw it away.
        if head.expectsContinue || head.contentLength > configuration.maxDiscardedBody {
            closeAfterResponse = true
            phase = .responding
        }
    }

    /// The responder answered the request of `.respond`; returns whether the connection stays
    /// open — the one place that decides it: the request's version and `Connection` field, the
    /// responder's `Connection: close`, a body answered before it arrived, a peer that closed,
    /// and the drain.
    mutating func responded(asksToClose: Bool) -> Bool {
        guard let head = current else { return false }
        current = nil
        releaseBody()
        requestsServed += 1
        // A peer that half-closed gets the requests it already sent answered; the last closes.
        let peerDone = peerHasClosed && inStart == inEnd
        let keepAlive = Self.requestAllowsKeepAlive(head) && !asksToClose && !closeAfterResponse && !peerDone && !draining
        if !keepAlive {
            phase = .closing
        } else {
            awaitNextRequest()
        }
        return keepAlive
    }

    /// RFC 9112 §9.3: HTTP/1.1 is persistent unless `close`; HTTP/1.0 only with `keep-alive`.
    static func requestAllowsKeepAlive(_ head: ParsedHead) -> Bool {
        head.version == .http1_1 ? !head.connectionClose : head.connectionKeepAlive && !head.connectionClose
    }

    // MARK: Timers

    /// The deadline the driver must call `timerFired` at (nil: none armed).
    var deadline: UInt64? { nextTimer?.deadline }

    var nextTimer: (deadline: UInt64, kind: Timer)? {
        switch phase {
        case .closed, .responding:
            return nil
        case .lingering:
            return (lingerUntil, .linger)
        case .head, .body, .closing:
            break
        }
        if pendingOutput > 0 {
            return stalledSince.map { ($0 &+ configuration.writeTimeout, .write) }
        }
        if handshaking { return (acceptedAt &+ configuration.handshakeTimeout, .handshake) }
        switch phase {
        case .head where inEnd > inStart:
            return (headStartedAt &+ configuration.headerTimeout, .header)
        case .head where requestsServed == 0:
            let header = (acceptedAt &+ configuration.headerTimeout, Timer.header)
            guard draining else { return header }
            let grace = acceptedAt &+ configuration.drainIdleGrace
            return grace < header.0 ? (grace, .idle) : header
        case .head:
            let idle = draining ? min(configuration.idleTimeout, configuration.drainIdleGrace) : configuration.idleTimeout
            return (idleSince &+ idle, .idle)
        case .body:
            return (bodyStartedAt &+ configuration.bodyTimeout, .body)
        default:
            return nil
        }
    }

    /// The armed timer's deadline has come (a call before it changes nothing).
    mutating func timerFired(now: UInt64) {
        self.now = now
        guard let timer = nextTimer, now >= timer.deadline else { return }
        switch timer.kind {
        case .linger: close(.finished)
        case .write: close(.writeTimeout)
        case .handshake: close(.handshakeTimeout)
        case .idle: close(draining ? .drained : .idle)
        case .header: refuse(408, "the request head did not arrive in time", reason: "header_timeout")
        case .body: refuse(408, "the request body did not arrive in time", reason: "body_timeout")
        }
    }

    // MARK: Actions

    mutating func nextAction() -> Action {
        while true {
            switch phase {
            case .closed:
                return .close(closeReason)
            case .lingering:
                return .wait(read: true, write: false)
            case .responding:
                if let head = current { return .respond(head, body: []) }
                return .close(.finished)
            case .closing:
                if let refusal {
                    self.refusal = nil
                    return .refuse(refusal)
                }
                if pendingOutput > 0 { return writeOrWait() }
                if peerHasClosed || handshaking {
                    close(closeReason)
                    continue
                }
                phase = .lingering
                let linger = configuration.lingerTimeout
                lingerUntil = now &+ (draining ? linger / 10 : linger)
                return .halfClose
            case .head:
                if pendingOutput >= configuration.outputHighWater { return writeOrWait() }
                if let action = parseHead() { return action }
            case .body:
                guard let head = current else { phase = .head; continue }
                if bodyMode == .undecided { return .askBody(head) }
                if let action = readBody(head) { return action }
            }
        }
    }

    private mutating func writeOrWait() -> Action {
        if pendingOutput > 0 && !writeBlocked { return .write }
        let reading = (phase == .head || phase == .body) && !peerHasClosed
            && pendingOutput < configuration.outputHighWater
        return .wait(read: reading, write: pendingOutput > 0)
    }

    /// nil: the phase changed, look again.
    private mutating func parseHead() -> Action? {
        guard inEnd > inStart else {
            if peerHasClosed {
                if pendingOutput > 0 { return writeOrWait() }
                close(.peerClosed)
                return nil
            }
            return writeOrWait()
        }
        let result = input.withUnsafeBufferPointer {
            parser.parse(UnsafeBufferPointer(rebasing: $0[inStart..<inEnd]))
        }
        switch result {
        case .incomplete:
            // A partial request from a client that stopped sending can never complete.
            if peerHasClosed {
                phase = .closing
                return nil
            }
            return writeOrWait()
        case .failed(let failure):
            refuse(failure.status, failure.detail, reason: failure.rawValue)
            return nil
        case .complete(let head):
            inStart += head.length
            parser.reset()
            current = head
            if head.isChunked || head.contentLength > 0 {
                startBody(head)
                return nil
            }
            phase = .responding
            return .respond(head, body: [])
        }
    }

    private mutating func startBody(_ head: ParsedHead) {
        phase = .body
        bodyMode = .undecided
        bodyStarted = false
        continueSent = false
        closeAfterResponse = false
        discardedBytes = 0
        bodyRemaining = head.contentLength
        chunked = head.isChunked ? ChunkedDecoder(limits: configuration.limits) : nil
        bodyStartedAt = now
    }

    /// Moves body bytes out of the input buffer (stored, or counted and dropped); `.respond` once
    /// the body is complete, so a refused body is framed and discarded before the answer, and bad
    /// framing is answered 400 instead.
    private mutating func readBody(_ head: ParsedHead) -> Action? {
        let available = inEnd - inStart
        if available > 0 { bodyStarted = true }
        let storing = bodyMode == .storing
        var complete = false
        if var decoder = chunked {
            let before = body.count
            let consumed: Int
            do throws(ParseFailure) {
                consumed = try input.withUnsafeBufferPointer { buffer throws(ParseFailure) in
                    try decoder.decode(UnsafeBufferPointer(rebasing: buffer[inStart..<inEnd]), into: &body)
                }
            } catch {
                refuse(error.status, error.detail, reason: error.rawValue)
                return nil
            }
            chunked = decoder
            inStart += consumed
            if storing {
                guard reserveBody(body.count - before) else { return nil }
            } else {
                discardedBytes += body.count
                body.removeAll(keepingCapacity: true)
                if discardedBytes > configuration.maxDiscardedBody {
                    closeAfterResponse = true
                    phase = .responding
                    return .respond(head, body: [])
                }
            }
            complete = decoder.isDone
        } else {
            let take = min(bodyRemaining, available)
            if take > 0 {
                if storing {
                    guard reserveBody(take) else { return nil }
                    input.withUnsafeBufferPointer { body.append(contentsOf: UnsafeBufferPointer(rebasing: $0[inStart..<(inStart + take)])) }
                }
                inStart += take
                bodyRemaining -= take
            }
            complete = bodyRemaining == 0
        }
        if complete {
            phase = .responding
            let delivered = storing ? body : []
            body = []
            return .respond(head, body: delivered)
        }
        if inStart == inEnd {
            inStart = 0
            inEnd = 0
        }
        if peerHasClosed {
            releaseBody()
            phase = .closing
            return nil
        }
        if storing && head.expectsContinue && !continueSent && !bodyStarted {
            // RFC 9110 §10.1.1: the client waits for this before sending the body.
            continueSent = true
            return .sendContinue
        }
        return writeOrWait()
    }

    /// Counts `count` newly buffered body bytes against the budget; false (and the request
    /// refused with 503) when it is exhausted.
    private mutating func reserveBody(_ count: Int) -> Bool {
        guard count > 0 else { return true }
        guard budget.reserveBodyBytes(count) else {
            refuse(503, "the server is buffering too many request bodies; retry later", reason: "body_budget")
            return false
        }
        bodyReserved += count
        return true
    }

    private mutating func releaseBody() {
        body = []
        budget.releaseBodyBytes(bodyReserved)
        bodyReserved = 0
    }

    private mutating func awaitNextRequest() {
        phase = .head
        closeAfterResponse = false
        if inStart == inEnd {
            inStart = 0
            inEnd = 0
            idleSince = now
        } else {
            headStartedAt = now
        }
    }

    /// Answers an error and closes; the request never reaches the responder.
    private mutating func refuse(_ status: Int, _ detail: String, reason: String) {
        releaseBody()
        refusal = Refusal(
            status: status, detail: detail, reason: reason, method: current?.method, requestID: current?.requestID,
            target: current?.target ?? parser.requestTarget)
        current = nil
        phase = .closing
    }

    private mutating func close(_ reason: CloseReason) {
        guard phase != .closed else { return }
        closeReason = reason
        releaseBody()
        phase = .closed
    }

    // MARK: Buffer

    /// Makes room for `needed` more bytes: reuses the consumed front, then grows (bounded by the
    /// head limits, which the parser enforces before the buffer could outgrow them).
    private mutating func ensureInputSpace(_ needed: Int) {
        if inStart == inEnd {
            inStart = 0
            inEnd = 0
        }
        guard input.count - inEnd < needed else { return }
        if input.isEmpty {
            // None adopted: a fresh buffer, allocated and zeroed in one call, not grown element
            // by element (which cost ~5 % of a /healthz).
            input = [UInt8](repeating: 0, count: max(ReadBufferPool.bufferBytes, needed))
            return
        }
        if inStart > 0 {
            let live = inEnd - inStart
            let from = inStart
            input.withUnsafeMutableBytes { buf in
                guard let base = buf.baseAddress else { return }
                base.copyMemory(from: base + from, byteCount: live)
            }
            inStart = 0
            inEnd = live
        }
        guard input.count - inEnd < needed else { return }
        let size = max(input.count * 2, inEnd + needed)
        input.append(contentsOf: repeatElement(0, count: size - input.count))
    }
}
