import HTTPServer
import Testing

@Suite struct HTTPHeadersTests {
    @Test func lookupIsCaseInsensitive() {
        var headers = HTTPHeaders([("Content-Type", "text/plain")])
        #expect(headers["content-type"] == "text/plain")
        #expect(headers["CONTENT-TYPE"] == "text/plain")
        #expect(headers["Content-Typf"] == nil)
        headers.set("content-type", "application/json")
        #expect(headers.values("Content-Type") == ["application/json"])
    }
}
