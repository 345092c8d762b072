import ArgumentParser

@main
struct CareersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "careers-api",
        abstract: "An HTTP/1.1 JSON API about AI/ML career roles, comparisons and jobs.",
        subcommands: [Serve.self],
        defaultSubcommand: Serve.self
    )
}
