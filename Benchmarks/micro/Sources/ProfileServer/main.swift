import CareersAPI
import CareersCore
import Foundation
import HTTPServer

// The server of `careers-api serve` without its CLI, for `valgrind --tool=callgrind`: valgrind
// 3.19 dies on libdispatch's signal thread (dispatchMain + signal sources), so this one blocks
// its main thread in sleep instead. Usage: ProfileServer PORT [--access-log]
guard CommandLine.arguments.count >= 2, let port = Int(CommandLine.arguments[1]) else {
    FileHandle.standardError.write(Data("usage: ProfileServer PORT\n".utf8))
    exit(2)
}
var configuration = ServerConfiguration()
configuration.port = port
let repository = Repository.load(directories: [], includeEmbedded: true)
let server = HTTPServer(configuration: configuration, responder: CareersAPI(repository: repository))
do {
    try server.start()
} catch {
    FileHandle.standardError.write(Data("cannot start: \(error)\n".utf8))
    exit(1)
}
print("listening on \(server.port)")
while true { sleep(3600) }
