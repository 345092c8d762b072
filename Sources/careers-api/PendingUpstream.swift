import CareersAPI
import CareersCore
import HTTPServer

// Stand-ins for interfaces other issues are adding (HTTP core: access hook, metrics, TLS reload;
// API: options, repository swap). Each goes as soon as the real one lands on main.

struct CareersAPIOptions: Sendable {
    var corsOrigins: [String]
    var metricsText: @Sendable () -> String
    var isReady: @Sendable () -> Bool
}

extension CareersAPI {
    convenience init(repository: Repository, options: CareersAPIOptions) {
        self.init(repository: repository)
    }

    func replaceRepository(_ repository: Repository) {}
}

extension HTTPServer {
    func reloadTLS() throws(ServerError) {}

    var metricsText: String { "" }
}

enum AccessHook {
    static func install(on configuration: inout ServerConfiguration, _ record: @escaping @Sendable (AccessLogEntry) -> Void) {}
}
