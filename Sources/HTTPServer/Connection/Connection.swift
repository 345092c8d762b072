#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CEpoll
#if canImport(Glibc)
import Glibc
#endif

/// One client connection, confined to its event loop: the I/O driver around its
/// `ConnectionStateMachine`. It turns socket events into the machine's events and carries out the
/// machine's actions (system calls, the responder, serialisation, metrics, the access hook); every
/// HTTP decision — framing, timeouts, keep-alive, drain — is the machine's.
/// Plain HTTP reads straight into the machine's input buffer and writes straight from the output
/// queue; TLS goes through the `TransportSession` (decrypt into the input buffer, encrypt into
/// the output queue). All complete requests in the buffer are answered before the output is
/// written, so a pipelined batch costs one read and one write.
///
/// Its state is only ever touched on its loop's thread, one event at a time, and no access to
/// `machine` or `out` calls back into the connection; so those two, read and changed several
/// times per request, are exempt from run-time exclusivity checks (`@exclusivity(unchecked)`,
/// SE-0176), which cost 2 % of a cached request in `perf`. Every other property keeps them.
final class Connection {
    let fd: Int32
    /// Strong, not `unowned`: an unowned reference costs a checked retain and a release on every
    /// use (0.6 % of a request). There is no lasting cycle: the loop drops a connection from its
    /// table when it closes, and closes every connection before its thread ends.
    let loop: EventLoop
    private let context: ServerContext
    let remoteAddress: String
    private let transport: (any TransportSession)?
    @exclusivity(unchecked) private var machine: ConnectionStateMachine

    /// Bytes for the socket (for TLS: records already encrypted).
    @exclusivity(unchecked) private var out = OutputQueue()
    /// TLS only: responses waiting to be encrypted into `out`.
    private var plainOut: [UInt8] = []
    private var plainIn: [UInt8] = []
    private var closeNotifyQueued = false

    private var interest = EPOLLIN.rawValue
    private var closed = false

    init(fd: Int32, loop: EventLoop, remoteAddress: String, transport: (any TransportSession)?) {
        self.fd = fd
        self.loop = loop
        context = loop.context
        self.remoteAddress = remoteAddress
        self.transport = transport
        machine = ConnectionStateMachine(
            configuration: loop.context.connection, budget: loop.context, now: loop.now,
            handshaking: !(transport?.isHandshakeComplete ?? true))
    }

    private var pendingOutput: Int { out.pending + plainOut.count }

    // MARK: Events

    func handle(events: UInt32) {
        if events & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 && interest & EPOLLIN.rawValue != 0 {
            readable()
        }
        if !closed && events & EPOLLOUT.rawValue != 0 {
            machine.writable(now: loop.now)
            flush()
            drive()
        }
        // Without read interest a hang-up would be reported again and again: nothing more can be
        // done for a peer that is gone.
        if !closed && events & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 && interest & EPOLLIN.rawValue == 0 {
            abort()
        }
    }

    private func readable() {
        if machine.phase == .lingering {
            discardInput()
            drive()
            return
        }
        var error: Int32 = 0
        let n: Int
        if transport == nil {
            adoptReadBuffer()
            n = machine.receive(now: loop.now) { room in
                let count = read(fd, room.baseAddress, room.count)
                if count < 0 { error = errno }
                return count
            }
        } else {
            n = loop.scratch.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { error = errno }
            if n > 0 { receiveTLS(count: n) }
        }
        if n == 0 {
            machine.peerClosed(now: loop.now)
        } else if n < 0 {
            if error == EAGAIN || error == EWOULDBLOCK || error == EINTR {
                releaseReadBuffer()
                return
            }
            abort()
            return
        }
        drive()
    }

    /// Decrypts what was read into the loop's scratch buffer and hands the plaintext on.
    private func receiveTLS(count: Int) {
        guard let transport else { return }
        let wasComplete = transport.isHandshakeComplete
        var failure: TransportError?
        queueing {
            loop.scratch.withUnsafeBytes { raw in
                do throws(TransportError) {
                    try transport.receive(UnsafeRawBufferPointer(rebasing: raw[0..<count]), plaintext: &plainIn, outbound: &out.bytes)
                } catch {
                    failure = error
                }
            }
        }
        if let error = failure {
            if !wasComplete { context.metrics.recordTLSHandshakeFailure() }
            context.logger.debug("TLS error from \(remoteAddress): \(error)")
            machine.transportFailed(now: loop.now)
            return
        }
        if !wasComplete && transport.isHandshakeComplete { machine.handshakeCompleted(now: loop.now) }
        if !plainIn.isEmpty {
            adoptReadBuffer()
            machine.receive(plainIn, now: loop.now)
            plainIn.removeAll(keepingCapacity: true)
        }
    }

    /// A connection between requests holds no read buffer: it takes one of the loop's spares
    /// just before reading and hands it back when it waits again (`releaseReadBuffer`).
    private func adoptReadBuffer() {
        if machine.inputBufferBytes == 0 { machine.adoptInputBuffer(loop.readBuffers.take()) }
    }

    private func releaseReadBuffer() {
        if let buffer = machine.releaseInputBuffer() { loop.readBuffers.give(buffer) }
    }

    private func discardInput() {
        let n = loop.scratch.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            machine.peerClosed(now: loop.now)
        }
    }

    // MARK: Actions

    /// Carries out the machine's actions until it waits or the connection is closed.
    private func drive() {
        while !closed {
            switch machine.nextAction() {
            case .askBody(let head):
                machine.bodyWanted(context.responder.acceptsBody(for: request(for: head, body: [], requestID: head.requestID ?? "")))
            case .respond(let head, let body):
                respond(to: head, body: body)
            case .sendContinue:
                queueing { withOutputBuffer { $0.append(contentsOf: ResponseSerializer.continueResponse) } }
            case .refuse(let refusal):
                refuse(refusal)
            case .write:
                flush()
            case .halfClose:
                halfClose()
            case .close(let reason):
                if reason == .handshakeTimeout { context.metrics.recordTLSHandshakeFailure() }
                finalClose()
            case .wait(let read, let write):
                releaseReadBuffer()
                var wanted: UInt32 = 0
                if read { wanted |= EPOLLIN.rawValue }
                if write { wanted |= EPOLLOUT.rawValue }
                if wanted != interest {
                    interest = wanted
                    loop.control(EPOLL_CTL_MOD, fd, wanted)
                }
                return
            }
        }
    }

    private func request(for head: ParsedHead, body: [UInt8], requestID: String) -> HTTPRequest {
        HTTPRequest(
            method: head.method, target: head.target, version: head.version, headers: head.headers,
            body: body, remoteAddress: remoteAddress, requestID: requestID)
    }

    private func respond(to head: ParsedHead, body: [UInt8]) {
        let started = monotonicNanos()
        let requestID = head.requestID ?? loop.nextRequestID()
        let incoming = request(for: head, body: body, requestID: requestID)
        let response = context.responder.respond(to: incoming)
        // Shutdown may have begun on another thread while the responder ran (the loop hears of it
        // only after this request): the answer must already say `Connection: close`.
        if context.draining.load(ordering: .relaxed) { machine.shutdownRequested(now: loop.now) }
        let keepAlive = machine.responded(asksToClose: response.asksToClose)
        let hasBody = head.method != .HEAD && response.status >= 200 && response.status != 204 && response.status != 304
        loop.date.refresh()
        let written = queueing {
            withOutputBuffer { buffer in
                ResponseSerializer.appendHead(
                    status: response.status, prepared: response.preparedFields, headers: response.headers,
                    bodyLength: response.body.count,
                    keepAlive: keepAlive, requestID: requestID, date: loop.date, into: &buffer)
            }
            if hasBody {
                if transport == nil { out.appendBody(response.body, file: response.sharedBody?.fileForSending()) } else { plainOut.append(contentsOf: response.body) }
            }
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
    }

    /// Answers an error with problem+json; the request never reaches the responder.
    private func refuse(_ refusal: ConnectionStateMachine.Refusal) {
        let instance = refusal.target.map { HTTPRequest(method: .GET, target: $0).path }
        let method = refusal.method?.rawValue ?? "-"
        context.metrics.recordParseError(reason: refusal.reason)
        context.metrics.record(shard: loop.index, route: nil, method: method, status: refusal.status, seconds: 0)
        let requestID = refusal.requestID ?? loop.nextRequestID()
        loop.date.refresh()
        let written = queueing {
            withOutputBuffer { buffer in
                ResponseSerializer.appendProblem(
                    status: refusal.status, detail: refusal.detail, instance: instance, requestID: requestID,
                    date: loop.date, into: &buffer, render: context.responder.problemBody(for:))
            }
        }
        if let hook = context.onRequestCompleted {
            hook(AccessRecord(
                time: Date(), remoteAddress: remoteAddress, method: method, path: instance ?? "-",
                status: refusal.status, bytesSent: written, durationMicroseconds: 0, requestID: requestID, route: nil))
        }
    }

    // MARK: Output

    /// Runs `body`, which queues output, and tells the machine how much it queued.
    @discardableResult
    private func queueing(_ body: () -> Void) -> Int {
        let before = pendingOutput
        body()
        let added = pendingOutput - before
        machine.queued(bytes: added)
        return added
    }

    private func withOutputBuffer(_ body: (inout [UInt8]) -> Void) {
        if transport == nil { body(&out.bytes) } else { body(&plainOut) }
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
            if machine.phase == .closing { queueCloseNotify() }
        }
        var sent = 0
        while out.pending > 0 {
            let n = out.send(to: fd)
            if n > 0 {
                out.advance(by: n)
                sent += n
            } else if n < 0 && errno == EINTR {
                continue
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                // Keep the unsent tail at the front so the buffer does not grow with what was sent.
                out.compact()
                break
            } else {
                abort()
                return
            }
        }
        if out.pending == 0 { out.reset() }
        machine.wrote(bytes: sent, remaining: pendingOutput, now: loop.now)
    }

    private func queueCloseNotify() {
        guard let transport, !closeNotifyQueued, transport.isHandshakeComplete else { return }
        closeNotifyQueued = true
        transport.close(outbound: &out.bytes)
    }

    // MARK: Closing

    /// Half-closes and keeps reading for a while: closing with unread input would send a reset
    /// that can destroy the final response before the client has read it.
    private func halfClose() {
        if transport != nil && !closeNotifyQueued {
            queueCloseNotify()
            // Best effort: a close_notify that does not fit the socket now is not worth waiting for.
            if out.pending > 0 { _ = out.send(to: fd) }
        }
        shutdown(fd, Int32(SHUT_WR))
    }

    private func finalClose() {
        guard !closed else { return }
        closed = true
        machine.abort()
        releaseReadBuffer()
        loop.remove(self)
    }

    /// Closes at once (peer gone, write error, forced shutdown).
    func abort() { finalClose() }

    /// Shutdown: what already arrived is read and answered (with `Connection: close`); an idle
    /// connection closes once it has been idle for the drain grace.
    func drain() {
        guard !closed else { return }
        if interest & EPOLLIN.rawValue != 0 && (machine.phase == .head || machine.phase == .body) { readable() }
        guard !closed else { return }
        machine.shutdownRequested(now: loop.now)
        drive()
    }

    // MARK: Timeouts

    func checkTimeouts(now: UInt64) {
        guard !closed, let deadline = machine.deadline, now >= deadline else { return }
        machine.timerFired(now: now)
        drive()
    }
}
