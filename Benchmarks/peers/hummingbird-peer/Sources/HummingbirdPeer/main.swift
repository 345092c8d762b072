import Foundation
import Hummingbird

// Usage: HummingbirdPeer DIR PORT
// DIR/index.tsv lists "request-target<TAB>file" lines; each file holds a response body captured
// from our server. Bodies are loaded once and served as shared ByteBuffers through the ordinary
// Router, as a Hummingbird user would write it, so the peer pays only Hummingbird's own costs.
let arguments = CommandLine.arguments
guard arguments.count == 3, let port = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: HummingbirdPeer DIR PORT\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: arguments[1])
let index = try String(contentsOf: directory.appendingPathComponent("index.tsv"), encoding: .utf8)

var bodies: [String: ByteBuffer] = [:]
var paths: Set<String> = []
for line in index.split(separator: "\n") {
    let columns = line.split(separator: "\t")
    guard columns.count == 2 else { continue }
    let target = String(columns[0])
    let bytes = try Data(contentsOf: directory.appendingPathComponent(String(columns[1])))
    bodies[target] = ByteBuffer(bytes: bytes)
    paths.insert(String(target.split(separator: "?", maxSplits: 1)[0]))
}
let table = bodies

let router = Router()
for path in paths.sorted() {
    router.get(RouterPath(path)) { request, _ -> Response in
        // The query is part of the key: /jobs?… and /compare?… map to one captured body each.
        guard let body = table[request.uri.description] else { return Response(status: .notFound) }
        return Response(
            status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: body))
    }
}

let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "Hummingbird"))
try await app.runService()
