/// The request-head parser as a benchmark sees it (`@_spi(Benchmarks) import HTTPServer`): the
/// parser stays internal, and the product's API does not grow for a measurement.
@_spi(Benchmarks) public struct HeadParserProbe {
    private var parser = RequestHeadParser(limits: ParserLimits())

    public init() {}

    /// Parses one complete head; its length in bytes, or nil when incomplete or refused.
    public mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        parser.reset()
        guard case .complete(let head) = parser.parse(bytes) else { return nil }
        return head.length
    }
}
