#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CEpoll
#if canImport(Glibc)
import Glibc
#endif

/// One client connection, confined to its event loop. Bytes flow socket → (transport) → input
/// buffer → parser → responder → output buffer → (transport) → socket. Plain HTTP reads straight
/// into the input buffer and writes straight from the output buffer; TLS goes through the
/// `TransportSession` (decrypt into the input buffer, encrypt into the output buffer).
/// All complete requests in the buffer are answered before the output is written, so a pipelined
/// batch costs one read and one write.
final class Connection {
    private enum Phase {
        /// Waiting for (more of) a request head.
        case head
        /// Head accepted; reading its body.
        case body
        /// A final response is queued; the connection closes once it is written.
        case closing
        /// Written and half-closed; discarding input until the client closes or the linger ends.
        case lingering
        case closed
    }

    let fd: Int32
    unowned let loop: EventLoop
    private let context: ServerContext
    let remoteAddress: String
    private let transport: (any TransportSession)?

    private var phase = Phase.head
    private var parser: RequestHeadParser

    private var input: [UInt8]
    private var inStart = 0
    private var inEnd = 0

    private var head: ParsedHead?
    private var body: [UInt8] = []
    private var bodyRemaining = 0
    private var chunked: ChunkedDecoder?
    private var bodyStarted = false
    private var continueSent = false
    /// The responder refused the body and was answered already: its bytes are skipped, not stored.
    private var discardingBody = false
    /// Body bytes counted against the process-wide budget (`ServerContext.reserveBodyBytes`).
    private var bodyReserved = 0

    /// Bytes for the socket (for TLS: records already encrypted).
    private var out = OutputQueue()
    /// TLS only: responses waiting to be encrypted into `out`.
    private var plainOut: [UInt8] = []
    private var plainIn: [UInt8] = []
    private var closeNotifyQueued = false

    private var interest = EPOLLIN.rawValue
    private var peerClosed = false
    private var closeAfterResponse = false
    private var requestsServed = 0

    private let acceptedAt: UInt64
    private var headStartedAt: UInt64
    private var idleSince: UInt64 = 0
    private var bodyStartedAt: UInt64 = 0
    /// When the output last drained or advanced by `writeProgressBytes` (0: nothing pending since).
    private var writeStalledSince: UInt64 = 0
    private var sentSinceStall = 0
    private var lingerUntil: UInt64 = 0

    init(fd: Int32, loop: EventLoop, remoteAddress: String, transport: (any TransportSession)?) {
        self.fd = fd
        self.loop = loop
        context = loop.context
        self.remoteAddress = remoteAddress
        self.transport = transport
        parser = RequestHeadParser(limits: loop.context.limits)
        input = [UInt8](repeating: 0, count: 4096)
        acceptedAt = loop.now
        headStartedAt = loop.now
    }

    private var pendingOutput: Int { out.pending + plainOut.count }

    // MARK: Events

    func handle(events: UInt32) {
        if events & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 && interest & EPOLLIN.rawValue != 0 {
            readable()
        }
        if phase != .closed && events & EPOLLOUT.rawValue != 0 {
            flush()
            afterIO()
        }
        // Without read interest a hang-up would be reported again and again: nothing more can be
        // done for a peer that is gone.
        if phase != .closed && events & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 && interest & EPOLLIN.rawValue == 0 {
            abort()
        }
    }

    private func readable() {
        if phase == .lingering {
            discardInput()
            return
        }
        let n: Int
        if transport == nil {
            ensureInputSpace(4096)
            n = input.withUnsafeMutableBytes { read(fd, $0.baseAddress! + inEnd, $0.count - inEnd) }
            if n > 0 { noteInputArrival(); inEnd += n }
        } else {
            n = loop.scratch.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 && !receiveTLS(count: n) { return }
        }
        if n == 0 {
            peerClosed = true
        } else if n < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return }
            abort()
            return
        }
        serveBufferedRequests()
        flush()
        afterIO()
    }

    /// Decrypts what was read into the loop's scratch buffer; false when the connection ended.
    private func receiveTLS(count: Int) -> Bool {
        guard let transport else { return false }
        let wasComplete = transport.isHandshakeComplete
        var failure: TransportError?
        loop.scratch.withUnsafeBytes { raw in
            do throws(TransportError) {
                try transport.receive(UnsafeRawBufferPointer(rebasing: raw[0..<count]), plaintext: &plainIn, outbound: &out.bytes)
            } catch {
                failure = error
            }
        }
        if let error = failure {
            if !wasComplete { context.metrics.recordTLSHandshakeFailure() }
            context.logger.debug("TLS error from \(remoteAddress): \(error)")
            phase = .closing
            flush()
            afterIO()
            return false
        }
        if !plainIn.isEmpty {
            noteInputArrival()
            ensureInputSpace(plainIn.count)
            input.withUnsafeMutableBytes { dst in
                plainIn.withUnsafeBytes { src in
                    (dst.baseAddress! + inEnd).copyMemory(from: src.baseAddress!, byteCount: src.count)
                }
            }
            inEnd += plainIn.count
            plainIn.removeAll(keepingCapacity: true)
        }
        return true
    }

    /// The header timeout of a request runs from its first byte (from the accept for the first).
    @inline(__always) private func noteInputArrival() {
        if inStart == inEnd && phase == .head && requestsServed > 0 { headStartedAt = loop.now }
    }

    private func discardInput() {
        let n = loop.scratch.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) { finalClose() }
    }

    // MARK: Requests

    private func serveBufferedRequests() {
        while phase == .head || phase == .body {
            if pendingOutput >= context.outputHighWater { return }
            if phase == .head {
                guard inEnd > inStart else {
                    if peerClosed { phase = .closing }
                    return
                }
                let result = input.withUnsafeBufferPointer {
                    parser.parse(UnsafeBufferPointer(rebasing: $0[inStart..<inEnd]))
                }
                switch result {
                case .incomplete:
                    // A partial request from a client that stopped sending can never complete.
                    if peerClosed { phase = .closing }
                    return
                case .failed(let failure):
                    refuse(failure.status, failure.detail, reason: failure.rawValue)
                    return
                case .complete(let parsed):
                    inStart += parsed.length
                    parser.reset()
                    startBody(parsed)
                }
            }
            if phase == .body {
                guard readBody() else { return }
                if discardingBody {
                    discardingBody = false
                    awaitNextRequest()
                } else {
                    respond(closing: false)
                }
            }
        }
    }

    /// A refused body up to this size is skipped and the connection kept; a larger one closes it
    /// (reading a megabyte only to throw it away helps nobody).
    private static let maxDiscardedBody = 64 * 1024

    private func startBody(_ parsed: ParsedHead) {
        head = parsed
        phase = .body
        bodyStarted = false
        continueSent = false
        discardingBody = false
        bodyRemaining = parsed.contentLength
        chunked = parsed.isChunked ? ChunkedDecoder(limits: context.limits) : nil
        bodyStartedAt = loop.now
        guard parsed.isChunked || parsed.contentLength > 0 else { return }
        if !context.responder.acceptsBody(for: request(for: parsed, requestID: parsed.requestID ?? "")) {
            discardingBody = true
            // RFC 9110 §10.1.1: a final status instead of 100; a client that waits for the 100
            // may never send the body, so the connection cannot be reused reliably.
            let closes = parsed.expectsContinue || parsed.contentLength > Self.maxDiscardedBody
            respond(closing: closes)
        }
    }

    private func request(for head: ParsedHead, requestID: String) -> HTTPRequest {
        HTTPRequest(
            method: head.method, target: head.target, version: head.version, headers: head.headers,
            body: body, remoteAddress: remoteAddress, requestID: requestID)
    }

    /// Counts `count` newly buffered body bytes against the process-wide budget; false (and the
    /// request refused with 503) when it is exhausted.
    private func reserveBody(_ count: Int) -> Bool {
        guard count > 0 else { return true }
        guard context.reserveBodyBytes(count) else {
            refuse(503, "the server is buffering too many request bodies; retry later", reason: "body_budget")
            return false
        }
        bodyReserved += count
        return true
    }

    private func releaseBody() {
        body = []
        context.releaseBodyBytes(bodyReserved)
        bodyReserved = 0
    }

    /// Moves body bytes from the input buffer; true once the body is complete.
    private func readBody() -> Bool {
        let available = inEnd - inStart
        if available > 0 { bodyStarted = true }
        if var decoder = chunked {
            let consumed: Int
            let before = body.count
            do throws(ParseFailure) {
                consumed = try input.withUnsafeBufferPointer { buffer throws(ParseFailure) in
                    try decoder.decode(UnsafeBufferPointer(rebasing: buffer[inStart..<inEnd]), into: &body)
                }
            } catch {
                if discardingBody { phase = .closing } else { refuse(error.status, error.detail, reason: error.rawValue) }
                return false
            }
            chunked = decoder
            inStart += consumed
            if discardingBody {
                body.removeAll(keepingCapacity: true)
            } else if !reserveBody(body.count - before) {
                return false
            }
            if decoder.isDone { return true }
        } else {
            let take = min(bodyRemaining, available)
            if take > 0 {
                if !discardingBody {
                    guard reserveBody(take) else { return false }
                    input.withUnsafeBufferPointer { body.append(contentsOf: UnsafeBufferPointer(rebasing: $0[inStart..<(inStart + take)])) }
                }
                inStart += take
                bodyRemaining -= take
            }
            if bodyRemaining == 0 { return true }
        }
        if inStart == inEnd { inStart = 0; inEnd = 0 }
        if peerClosed {
            phase = .closing
        } else if let head, head.expectsContinue, !continueSent, !bodyStarted {
            // RFC 9110 §10.1.1: the client waits for this before sending the body.
            continueSent = true
            appendOutput(ResponseSerializer.continueResponse)
        }
        return false
    }

    private func respond(closing: Bool) {
        guard let head else { return }
        self.head = nil
        let started = monotonicNanos()
        let requestID = head.requestID ?? loop.nextRequestID()
        let incoming = request(for: head, requestID: requestID)
        body = []
        let response = context.responder.respond(to: incoming)
        releaseBody()
        requestsServed += 1
        let keepAlive = head.keepAlive && !closing && !closeAfterResponse && !peerClosed
            && !context.draining.load(ordering: .relaxed)
        let hasBody = head.method != .HEAD && response.status >= 200 && response.status != 204 && response.status != 304
        loop.date.refresh()
        var written = 0
        var closes = !keepAlive
        withOutputBuffer { buffer in
            let before = buffer.count
            let kept = ResponseSerializer.appendHead(
                status: response.status, prepared: response.preparedFields, headers: response.headers,
                bodyLength: response.body.count,
                keepAlive: keepAlive, requestID: requestID, date: loop.date, into: &buffer)
            written = buffer.count - before
            closes = !kept
        }
        if hasBody {
            if transport == nil { out.appendBody(response.body) } else { plainOut.append(contentsOf: response.body) }
            written += response.body.count
        }
        let finished = monotonicNanos()
        let seconds = Double(finished &- started) / 1e9
        context.metrics.record(shard: loop.index, route: response.route, method: head.method.rawValue,
                               status: response.status, seconds: seconds)
        if let hook = context.onRequestCompleted {
            hook(AccessRecord(
                time: Date(), remoteAddress: remoteAddress, method: head.method.rawValue,
                path: incoming.path, status: response.status, bytesSent: written,
                durationMicroseconds: Int(seconds * 1e6), requestID: requestID, route: response.route))
        }
        if closes {
            phase = .closing
        } else if !discardingBody {
            awaitNextRequest()
        }
    }

    private func awaitNextRequest() {
        phase = .head
        if inStart == inEnd {
            inStart = 0
            inEnd = 0
            idleSince = loop.now
        } else {
            headStartedAt = loop.now
        }
    }

    /// Answers an error with problem+json and closes; the request never reaches the responder.
    private func refuse(_ status: Int, _ detail: String, reason: String) {
        releaseBody()
        let instance = (head?.target ?? parser.requestTarget).map { HTTPRequest(method: .GET, target: $0).path }
        context.metrics.recordParseError(reason: reason)
        context.metrics.record(shard: loop.index, route: nil, method: head?.method.rawValue ?? "-", status: status, seconds: 0)
        let requestID = head?.requestID ?? loop.nextRequestID()
        loop.date.refresh()
        var written = 0
        withOutputBuffer { buffer in
            let before = buffer.count
            ResponseSerializer.appendProblem(
                status: status, detail: detail, instance: instance, requestID: requestID, date: loop.date, into: &buffer)
            written = buffer.count - before
        }
        if let hook = context.onRequestCompleted {
            hook(AccessRecord(
                time: Date(), remoteAddress: remoteAddress, method: head?.method.rawValue ?? "-",
                path: instance ?? "-",
                status: status, bytesSent: written, durationMicroseconds: 0, requestID: requestID, route: nil))
        }
        head = nil
        phase = .closing
    }

    // MARK: Output

    private func withOutputBuffer(_ body: (inout [UInt8]) -> Void) {
        if transport == nil { body(&out.bytes) } else { body(&plainOut) }
    }

    private func appendOutput(_ bytes: [UInt8]) {
        withOutputBuffer { $0.append(contentsOf: bytes) }
    }

    private func flush() {
        if let transport {
            if !plainOut.isEmpty {
                var failed = false
                plainOut.withUnsafeBytes { plain in
                    do throws(TransportError) { try transport.send(plain, outbound: &out.bytes) } catch { failed = true }
                }
                if failed {
                    abort()
                    return
                }
                plainOut.removeAll(keepingCapacity: plainOut.capacity <= 64 * 1024)
            }
            if phase == .closing && !closeNotifyQueued && transport.isHandshakeComplete {
                closeNotifyQueued = true
                transport.close(outbound: &out.bytes)
            }
        }
        while out.pending > 0 {
            let n = out.send(to: fd)
            if n > 0 {
                out.advance(by: n)
                sentSinceStall += n
                if sentSinceStall >= context.writeProgressBytes {
                    writeStalledSince = 0
                    sentSinceStall = 0
                }
            } else if n < 0 && errno == EINTR {
                continue
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                if writeStalledSince == 0 {
                    writeStalledSince = loop.now
                    sentSinceStall = 0
                }
                // Keep the unsent tail at the front so the buffer does not grow with what was sent.
                out.compact()
                return
            } else {
                abort()
                return
            }
        }
        out.reset()
        writeStalledSince = 0
        sentSinceStall = 0
    }

    /// After reads and writes: continue with buffered requests once output drained, move a closing
    /// connection on, and ask epoll for exactly the events the connection now waits for.
    private func afterIO() {
        while phase == .head || phase == .body, pendingOutput == 0, inEnd > inStart {
            let before = (inStart, inEnd, requestsServed)
            serveBufferedRequests()
            flush()
            if before == (inStart, inEnd, requestsServed) { break }
        }
        if phase == .closing && pendingOutput == 0 { finishClosing() }
        if phase == .head && peerClosed && inEnd == inStart && pendingOutput == 0 { finalClose() }
        guard phase != .closed else { return }
        var wanted: UInt32 = 0
        let reading = (phase == .head || phase == .body) && !peerClosed && pendingOutput < context.outputHighWater
        if reading || phase == .lingering { wanted |= EPOLLIN.rawValue }
        if out.pending > 0 { wanted |= EPOLLOUT.rawValue }
        if wanted != interest {
            interest = wanted
            loop.control(EPOLL_CTL_MOD, fd, wanted)
        }
    }

    // MARK: Closing

    private func finishClosing() {
        if peerClosed || !(transport?.isHandshakeComplete ?? true) {
            finalClose()
            return
        }
        // Half-close and keep reading for a while: closing with unread input would send a reset
        // that can destroy the final response before the client has read it.
        shutdown(fd, Int32(SHUT_WR))
        phase = .lingering
        // While draining, a client that keeps the connection open must not hold up the exit.
        let linger = context.draining.load(ordering: .relaxed) ? context.lingerTimeout / 10 : context.lingerTimeout
        lingerUntil = loop.now + linger
    }

    private func finalClose() {
        guard phase != .closed else { return }
        phase = .closed
        releaseBody()
        loop.remove(self)
    }

    /// Closes at once (peer gone, write error, forced shutdown).
    func abort() { finalClose() }

    /// Shutdown: the request in flight (if any) is answered with `Connection: close`; an idle
    /// connection is closed now.
    func drain() {
        closeAfterResponse = true
        guard phase == .head || phase == .body else { return }
        if !peerClosed && interest & EPOLLIN.rawValue != 0 { readable() }
        guard phase == .head, inEnd == inStart, pendingOutput == 0 else { return }
        finalClose()
    }

    // MARK: Timeouts

    func checkTimeouts(now: UInt64) {
        switch phase {
        case .closed:
            return
        case .lingering:
            if now >= lingerUntil { finalClose() }
            return
        default:
            break
        }
        // The write timeout: since the output last drained or advanced by `writeProgressBytes`
        // (a minimum rate, so a client reading a byte at a time does not count as reading).
        if pendingOutput > 0 {
            if writeStalledSince > 0 && now &- writeStalledSince > context.writeTimeout { abort() }
            return
        }
        if let transport, !transport.isHandshakeComplete {
            if now &- acceptedAt > context.handshakeTimeout {
                context.metrics.recordTLSHandshakeFailure()
                abort()
            }
            return
        }
        switch phase {
        case .head where inEnd > inStart || requestsServed == 0:
            if now &- headStartedAt > context.headerTimeout { timeOut("the request head did not arrive in time", reason: "header_timeout") }
        case .head:
            if now &- idleSince > context.idleTimeout { finalClose() }
        case .body where discardingBody:
            // Already answered: a refused body that is late is not worth another response.
            if now &- bodyStartedAt > context.bodyTimeout { phase = .closing; flush(); afterIO() }
        case .body:
            // A deadline for the whole body from the end of the head, not an inactivity timer:
            // a byte every few seconds must not hold a connection (and its buffer) forever.
            if now &- bodyStartedAt > context.bodyTimeout { timeOut("the request body did not arrive in time", reason: "body_timeout") }
        default:
            break
        }
    }

    private func timeOut(_ detail: String, reason: String) {
        refuse(408, detail, reason: reason)
        flush()
        afterIO()
    }

    // MARK: Buffer

    /// Makes room for `needed` more bytes: reuses the consumed front, then grows (bounded by the
    /// head limits, which the parser enforces before the buffer could outgrow them).
    private func ensureInputSpace(_ needed: Int) {
        if inStart == inEnd {
            inStart = 0
            inEnd = 0
        }
        guard input.count - inEnd < needed else { return }
        if inStart > 0 {
            let live = inEnd - inStart
            input.withUnsafeMutableBytes { buf in
                buf.baseAddress!.copyMemory(from: buf.baseAddress! + inStart, byteCount: live)
            }
            inStart = 0
            inEnd = live
        }
        guard input.count - inEnd < needed else { return }
        let size = max(input.count * 2, inEnd + needed)
        input.append(contentsOf: repeatElement(0, count: size - input.count))
    }
}
