import ArgumentParser
import CareersAPI
import CareersCore
import Foundation
import HTTPServer
import Logging

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the API (the default command).")

    @Option(help: "Address to listen on (env HOST).")
    var host: String?

    @Option(help: "Port to listen on (env PORT).")
    var port: Int?

    func run() throws {
        var configuration = ServerConfiguration()
        configuration.host = host ?? ProcessInfo.processInfo.environment["HOST"] ?? "127.0.0.1"
        configuration.port = port ?? ProcessInfo.processInfo.environment["PORT"].flatMap(Int.init) ?? 8080
        let repository = Repository.build(files: EmbeddedArticles.all())
        let server = HTTPServer(configuration: configuration, responder: CareersAPI(repository: repository))
        try server.start()
        dispatchMain()
    }
}
