import Foundation
import Testing

@testable import CareersAPI

@Suite struct EncodingTests {
    func encode(_ s: String, htmlSafe: Bool = false) -> String {
        var w = JSONWriter()
        w.htmlSafe = htmlSafe
        w.string(s)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    @Test func stringsAreEscaped() {
        #expect(encode("a\"b\\c") == #""a\"b\\c""#)
        #expect(encode("\n\r\t\u{8}\u{C}") == #""\n\r\t\b\f""#)
        #expect(encode("\u{0}\u{1F}") == #""\u0000\u001f""#)
        #expect(encode("x\u{2028}y\u{2029}z") == #""x\u2028y\u2029z""#)
        #expect(encode("é–😀") == "\"é–😀\"")
        #expect(encode("</script>&") == "\"</script>&\"")
        #expect(encode("</script>&", htmlSafe: true) == #""\u003c/script\u003e\u0026""#)
    }

    @Test func everyStringRoundTrips() throws {
        let samples = ["", "plain", "\u{0}\u{7F}\u{80}\u{2027}\u{2028}\u{2029}\u{202A}", "\u{E000}\u{FFFF}\u{10FFFF}", String(repeating: "\\\"", count: 50)]
        for s in samples {
            let data = Data(encode(s).utf8)
            #expect(try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) as? String == s)
        }
    }

    @Test func integersAtTheirLimits() {
        var w = JSONWriter()
        w.array { a in
            for value in [0, 7, -7, 10, 1_000_000, Int.max, Int.min] { a.int(value) }
        }
        #expect(String(decoding: w.bytes, as: UTF8.self) == "[0,7,-7,10,1000000,9223372036854775807,-9223372036854775808]")
    }

    /// Escapes between long clean runs, at both ends, and an E2 lead byte that is not U+2028/9.
    @Test func escapesInsideLongRuns() {
        let clean = String(repeating: "abc ", count: 300)
        #expect(encode("\"" + clean + "\n" + clean + "\u{2028}") == "\"\\\"" + clean + "\\n" + clean + "\\u2028\"")
        #expect(encode("€\u{2028}€") == "\"€\\u2028€\"")
    }

    @Test func numbersHaveNoNoise() {
        var w = JSONWriter()
        w.array { a in
            a.number(120000)
            a.number(-3)
            a.number(0.5)
            a.number(1e300)
            a.number(.nan)
            a.number(.infinity)
            a.int(Int.min)
            a.int(0)
        }
        #expect(String(decoding: w.bytes, as: UTF8.self) == "[120000,-3,0.5,1e+300,null,null,-9223372036854775808,0]")
    }

    @Test func objectsPlaceCommasAndNulls() {
        var w = JSONWriter()
        w.object { o in
            o.field("a", nil as String?)
            o.field("b", [String]())
            o.field("c", object: { $0.field("d", true) })
            o.key("e")
            o.raw(Array("[1]".utf8))
        }
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"a":null,"b":[],"c":{"d":true},"e":[1]}"#)
    }

    @Test func percentDecoding() {
        #expect(PercentDecoding.decode("a%20b+c".utf8, plusIsSpace: true) == "a b c")
        #expect(PercentDecoding.decode("a+b".utf8, plusIsSpace: false) == "a+b")
        #expect(PercentDecoding.decode("%C3%A9".utf8, plusIsSpace: true) == "é")
        for bad in ["%", "%2", "%zz", "%C3", "%FF"] { #expect(PercentDecoding.decode(bad.utf8, plusIsSpace: true) == nil) }
    }

    @Test func weakComparisonForIfNoneMatch() {
        let tag = #""abc""#
        #expect(ETag.noneMatchHits(#"W/"abc""#, tag))
        #expect(ETag.noneMatchHits(#""x", "abc""#, tag))
        #expect(ETag.noneMatchHits("*", tag))
        #expect(!ETag.noneMatchHits(#""abcd""#, tag))
        #expect(!ETag.noneMatchHits("garbage", tag))
        #expect(!ETag.noneMatchHits(#""unterminated"#, tag))
        #expect(!ETag.noneMatchHits("", tag))
    }

    @Test func strongComparisonForIfMatch() {
        let tag = #""abc""#
        #expect(ETag.matchHits(tag, tag))
        #expect(ETag.matchHits(#""x" , "abc""#, tag))
        #expect(ETag.matchHits("*", tag))
        #expect(!ETag.matchHits(#"W/"abc""#, tag))
        #expect(!ETag.matchHits(#""nope""#, tag))
    }

    @Test func namedLinkedDataWinsATieWithAWildcard() {
        #expect(Negotiation.prefersLinkedData(accept: "application/ld+json, */*"))
        #expect(Negotiation.prefersLinkedData(accept: "application/ld+json, application/*"))
        #expect(!Negotiation.prefersLinkedData(accept: "application/ld+json, application/json"))
        #expect(!Negotiation.prefersLinkedData(accept: "application/ld+json;q=0.5, */*"))
        #expect(!Negotiation.prefersLinkedData(accept: "*/*"))
    }

    @Test func openAPIDocumentCoversEveryRoute() throws {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes(version: "t", repository: sharedAPI.repository))) as? [String: Any])
        #expect(doc["openapi"] as? String == "3.1.0")
        let paths = try #require(doc["paths"] as? [String: Any])
        #expect(Set(paths.keys) == Set(Routes.all.map(\.path)))
        #expect(sharedAPI.call("/openapi.json").body == OpenAPIDocument.bytes(version: sharedAPI.options.version, repository: sharedAPI.repository))
    }
}

