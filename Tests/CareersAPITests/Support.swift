import CareersAPI
import CareersCore
import Foundation
import HTTPServer
import Testing
import CZlib

/// The API over the embedded articles, built once for all tests (building is the slow part).
let sharedAPI = CareersAPI(repository: Repository.build(files: EmbeddedArticles.all()))

extension CareersAPI {
    func call(_ target: String, method: HTTPMethod = .GET, _ headers: [(String, String)] = []) -> HTTPResponse {
        respond(to: HTTPRequest(method: method, target: target, headers: HTTPHeaders(headers.map { (name: $0.0, value: $0.1) })))
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])) as? [String: Any] ?? [:]
    }

    /// The names in a problem's `invalid_params`.
    var invalidParamNames: [String] {
        (json["invalid_params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }
}

func expectProblem(_ response: HTTPResponse, status: Int, naming parameter: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(response.status == status, sourceLocation: sourceLocation)
    #expect(response.headers["Content-Type"] == "application/problem+json", sourceLocation: sourceLocation)
    let body = response.json
    #expect(body["status"] as? Int == status, sourceLocation: sourceLocation)
    #expect(body["type"] as? String == "about:blank", sourceLocation: sourceLocation)
    #expect((body["detail"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
    if let parameter {
        #expect(response.invalidParamNames.contains(parameter), "\(response.text)", sourceLocation: sourceLocation)
    }
}

/// Inflates a gzip body, failing the test on anything zlib rejects.
func gunzip(_ input: [UInt8]) -> [UInt8]? {
    var stream = z_stream()
    guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
    defer { inflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: max(64, input.count * 20))
    let status: Int32 = input.withUnsafeBufferPointer { inBuf in
        output.withUnsafeMutableBufferPointer { outBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = uInt(inBuf.count)
            stream.next_out = outBuf.baseAddress
            stream.avail_out = uInt(outBuf.count)
            return inflate(&stream, Z_FINISH)
        }
    }
    guard status == Z_STREAM_END else { return nil }
    return Array(output[..<Int(stream.total_out)])
}
