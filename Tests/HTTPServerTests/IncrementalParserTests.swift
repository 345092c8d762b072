@testable import HTTPServer
import Testing

/// The parser is incremental: however the bytes are split across reads, the outcome is the same
/// as for the whole input.
@Suite struct IncrementalParserTests {
    static let inputs = [
        "GET /roles?q=ml HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\nX-Request-Id: abc\r\n\r\n",
        "\r\nPOST /echo HTTP/1.0\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\nabc",
        "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
        "GET / HTTP/2.0\r\nHost: a\r\n\r\n",
        "BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
    ]

    private func outcome(_ result: HeadParseResult) -> String {
        switch result {
        case .incomplete: "incomplete"
        case .failed(let failure): "failed \(failure)"
        case .complete(let head): "complete \(head.length) \(head.method) \(head.target) \(head.headers.fields.count) \(head.connectionClose) \(head.connectionKeepAlive)"
        }
    }

    @Test(arguments: inputs)
    func incrementalParseMatchesWholeParseAtEverySplit(input: String) {
        let bytes = Array(input.utf8)
        let limits = ParserLimits()
        var whole = RequestHeadParser(limits: limits)
        let expected = bytes.withUnsafeBufferPointer { outcome(whole.parse($0)) }
        #expect(expected != "incomplete")
        for split in 1..<bytes.count {
            var parser = RequestHeadParser(limits: limits)
            var result = bytes.withUnsafeBufferPointer { parser.parse(UnsafeBufferPointer(rebasing: $0[0..<split])) }
            if case .incomplete = result {
                result = bytes.withUnsafeBufferPointer { parser.parse($0) }
            }
            #expect(outcome(result) == expected, "split at \(split)")
        }
    }

    @Test func oneBytePerCallParsesInLinearTime() {
        let bytes = Array(("GET / HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X-Field: value\r\n", count: 90) + "\r\n").utf8)
        var parser = RequestHeadParser(limits: ParserLimits())
        var last = HeadParseResult.incomplete
        bytes.withUnsafeBufferPointer { all in
            for end in 1...all.count { last = parser.parse(UnsafeBufferPointer(rebasing: all[0..<end])) }
        }
        guard case .complete(let head) = last else {
            Issue.record("not complete: \(outcome(last))")
            return
        }
        #expect(head.length == bytes.count)
        #expect(head.headers.fields.count == 91)
    }

    @Test func chunkedDecoderResumesAtEveryByte() throws {
        let body = Array("4;x=1\r\nWiki\r\n5\r\npedia\r\n0\r\nT: v\r\n\r\nNEXT".utf8)
        var decoder = ChunkedDecoder(limits: ParserLimits())
        var decoded: [UInt8] = []
        var offset = 0
        var end = 1
        while !decoder.isDone && end <= body.count {
            let consumed = try body.withUnsafeBufferPointer { buffer throws(ParseFailure) in
                try decoder.decode(UnsafeBufferPointer(rebasing: buffer[offset..<end]), into: &decoded)
            }
            offset += consumed
            end += 1
        }
        #expect(decoder.isDone)
        #expect(String(decoding: decoded, as: UTF8.self) == "Wikipedia")
        #expect(String(decoding: body[offset...], as: UTF8.self) == "NEXT")
    }
}
