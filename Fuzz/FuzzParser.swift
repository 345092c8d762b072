// libFuzzer target for the request parser: the head parser fed whole and in two pieces, the
// chunked decoder over what follows the head, then the connection state machine over the whole
// input in pieces. Built by Fuzz/run with `swiftc -sanitize=fuzzer` over the parser's and the
// state machine's sources, so it exercises exactly the code the server runs.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // Small limits so the limit paths (414, 431, 413) are reachable by short inputs.
    let limits = ParserLimits(maxTargetBytes: 64, maxHeaderBytes: 256, maxHeaderFields: 8, maxBodyBytes: 512)
    // The same reads with fresh read buffers and with recycled ones holding stale bytes (the
    // event loop's pool): the machine must do exactly the same, so nothing reads past its input.
    let fresh = fuzzConnection(bytes, limits: limits, recycled: false)
    let recycled = fuzzConnection(bytes, limits: limits, recycled: true)
    precondition(fresh == recycled, "a recycled read buffer changed what the machine did")

    var whole = RequestHeadParser(limits: limits)
    let wholeResult = whole.parse(bytes)

    // The same bytes in two reads must never yield a different complete head.
    if size > 1 {
        let split = Int(bytes[0]) % size
        var pieces = RequestHeadParser(limits: limits)
        var result = pieces.parse(UnsafeBufferPointer(rebasing: bytes[0..<split]))
        if case .incomplete = result { result = pieces.parse(bytes) }
        if case .complete(let a) = wholeResult, case .complete(let b) = result {
            precondition(a.length == b.length && a.target == b.target, "split parse disagrees")
        }
    }

    guard case .complete(let head) = wholeResult else { return 0 }
    precondition(head.length <= size, "head longer than its input")
    guard head.isChunked else { return 0 }
    var decoder = ChunkedDecoder(limits: limits)
    var body: [UInt8] = []
    var offset = head.length
    // Feed the body in slices of varying size to exercise every resume point.
    var step = 1
    while offset < size {
        let end = min(size, offset + step)
        do {
            let consumed = try decoder.decode(UnsafeBufferPointer(rebasing: bytes[offset..<end]), into: &body)
            precondition(consumed <= end - offset)
            if decoder.isDone { break }
            if consumed == 0 && end == size { break }
            offset += consumed
            if consumed == 0 { step += 1 }
        } catch {
            break
        }
        precondition(body.count <= limits.maxBodyBytes, "body over the limit")
    }
    return 0
}

/// A body budget small enough to run out.
final class FuzzBudget: BodyBudget {
    var reserved = 0

    func reserveBodyBytes(_ count: Int) -> Bool {
        guard reserved + count <= 700 else { return false }
        reserved += count
        return true
    }

    func releaseBodyBytes(_ count: Int) { reserved -= count }
}

/// The connection state machine over the input in reads of varying size, with a responder that
/// refuses bodies when the first byte is odd, then EOF and every timer: it must never spin, must
/// end closed, and must return every body byte it counted against the budget. `recycled`: the
/// read buffer is handed back at every wait and a used one, full of stale bytes, adopted before
/// the next read, as the server's loop does. Returns what the machine did, for comparison.
func fuzzConnection(_ bytes: UnsafeBufferPointer<UInt8>, limits: ParserLimits, recycled: Bool) -> [String] {
    let size = bytes.count
    var configuration = ConnectionStateMachine.Configuration()
    configuration.limits = limits
    configuration.maxDiscardedBody = 64
    configuration.outputHighWater = 64
    let budget = FuzzBudget()
    var now: UInt64 = 1_000_000_000
    var machine = ConnectionStateMachine(configuration: configuration, budget: budget, now: now)
    let acceptsBody = size == 0 || bytes[0] & 1 == 0
    let step = size > 1 ? 1 + Int(bytes[1]) % 64 : 1
    var closed = false
    var trace: [String] = []
    var spare = [UInt8](repeating: 0x41, count: ReadBufferPool.bufferBytes)
    for (i, byte) in bytes.prefix(ReadBufferPool.bufferBytes).enumerated() { spare[i] = byte }

    func run() {
        for _ in 0..<10_000 {
            switch machine.nextAction() {
            case .askBody:
                trace.append("askBody")
                machine.bodyWanted(acceptsBody)
            case .respond(let head, let body):
                precondition(body.count <= limits.maxBodyBytes, "body over the limit")
                trace.append("respond \(head.method.rawValue) \(head.target) \(head.headers.fields.count) \(body)")
                _ = machine.responded(asksToClose: false)
                machine.queued(bytes: 40)
            case .sendContinue:
                trace.append("continue")
                machine.queued(bytes: 40)
            case .refuse(let refusal):
                trace.append("refuse \(refusal.status) \(refusal.reason)")
                machine.queued(bytes: 40)
            case .write:
                // The socket takes half of what is pending: partial writes, then writability.
                let pending = machine.pendingOutput
                machine.wrote(bytes: pending - pending / 2, remaining: pending / 2, now: now)
                if pending / 2 > 0 { machine.writable(now: now) }
            case .halfClose:
                break
            case .close(let reason):
                trace.append("close \(reason)")
                closed = true
                return
            case .wait:
                if recycled, let buffer = machine.releaseInputBuffer() { spare = buffer }
                return
            }
        }
        preconditionFailure("the state machine never waited")
    }

    var offset = 0
    while offset < size && !closed {
        let end = min(size, offset + step)
        if recycled && machine.inputBufferBytes == 0 { machine.adoptInputBuffer(spare) }
        machine.receive(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[offset..<end])), now: now)
        run()
        offset = end
        now += 1_000_000
    }
    if !closed {
        machine.peerClosed(now: now)
        run()
    }
    for _ in 0..<10 where !closed {
        guard let deadline = machine.deadline else { break }
        now = max(now, deadline)
        machine.timerFired(now: now)
        run()
    }
    precondition(closed, "the connection neither closed nor armed a timer")
    precondition(budget.reserved == 0, "body budget not returned")
    return trace
}
