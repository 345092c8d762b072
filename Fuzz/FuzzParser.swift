// libFuzzer target for the request parser: the head parser fed whole and in two pieces, then the
// chunked decoder over what follows the head. Built by Fuzz/run with `swiftc -sanitize=fuzzer`
// over the parser's sources, so it exercises exactly the code the server runs.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // Small limits so the limit paths (414, 431, 413) are reachable by short inputs.
    let limits = ParserLimits(maxTargetBytes: 64, maxHeaderBytes: 256, maxHeaderFields: 8, maxBodyBytes: 512)

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
