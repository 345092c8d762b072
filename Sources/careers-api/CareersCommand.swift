import ArgumentParser
import Glibc
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@main
struct CareersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "careers-api",
        abstract: "An HTTP/1.1 JSON API about AI/ML career roles, comparisons and jobs.",
        discussion: "Every option of the server: careers-api serve --help.",
        version: CareersVersion.current,
        subcommands: [Serve.self, Ingest.self, Healthcheck.self],
        defaultSubcommand: Serve.self
    )

    /// ArgumentParser exits 64 (EX_USAGE) with the usage text appended; operators and scripts
    /// expect the conventional 2 and one line naming the option, so usage errors are reported here.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let message = self.message(for: error)
                .split(whereSeparator: \.isNewline).joined(separator: "; ")
            Console.error(message)
            Glibc.exit(2)
        }
    }
}
