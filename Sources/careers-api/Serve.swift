import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc
import Logging

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Named, not derived: ArgumentParser derives a name from the type's demangled name each
        // time it needs it, ~0.4 ms of every start-up.
        commandName: "serve",
        abstract: "Serve the API (the default command).",
        discussion: """
            HOST and PORT in the environment stand in for --host and --port (flags win). \
            SIGTERM or SIGINT drains requests in flight and exits 0; SIGHUP reloads the articles \
            (keeping the old ones if the new ones fail to load) and the TLS certificate; SIGHUPs \
            coalesce (one reload runs, one waits). With no usable article and no job, serve exits 1 \
            unless --allow-empty is given; then /readyz is 503 until a reload brings data.
            """)

    @OptionGroup(title: "Listening, limits and timeouts")
    var server: ServerOptions

    @OptionGroup(title: "Data")
    var data: DataOptions

    @Option(help: ArgumentHelp("Origin allowed to call the API from a browser, e.g. https://careers.example (repeatable; default: none).", valueName: "origin"))
    var corsOrigin: [String] = []

    @Option(help: ArgumentHelp("Log line format: text (logfmt) or json (one object per line).", valueName: "format"))
    var logFormat: LogFormat = .text

    @Option(help: ArgumentHelp("Least severe level logged.", valueName: "level"))
    var logLevel: LogLevelOption = .info

    @Flag(inversion: .prefixedNo, help: "Write one access-log line per request to stdout (off for benchmarks).")
    var accessLog = true

    func validate() throws {
        for origin in corsOrigin where !Self.isOrigin(origin) {
            throw ValidationError("--cors-origin '\(origin)' is not an origin like https://example.com or *")
        }
    }

    func run() throws {
        // First, before loading the data or starting the server starts any thread.
        SignalWatcher.block([SIGTERM, SIGINT, SIGHUP])
        let configuration = try server.configuration()
        let sink = LogSink(format: logFormat)
        let level = logLevel.level
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, sink: sink, logLevel: level) }
        Glibc.signal(SIGPIPE, SIG_IGN)
        let service = Service(
            configuration: configuration, data: data, corsOrigins: corsOrigin, accessLog: accessLog, sink: sink,
            logger: Logger(label: "careers-api"))
        service.run()
    }

    /// `*`, or scheme://host[:port] with nothing after (RFC 6454 serialisation).
    static func isOrigin(_ text: String) -> Bool {
        if text == "*" { return true }
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return false }
        return components.path.isEmpty && components.query == nil && components.fragment == nil
            && components.user == nil && components.password == nil
    }
}
