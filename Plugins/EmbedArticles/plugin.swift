import Foundation
import PackagePlugin

/// Embeds the package's `Resources/*.txt` articles into the target that uses the plugin, so the
/// binary carries its data: `swift run`, a copied binary and the container all find it without a
/// resource bundle beside them. `Resources/` stays the single source of truth.
@main
struct EmbedArticles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let resources = context.package.directoryURL.appending(path: "Resources")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: resources.path())) ?? []
        let inputs = names.filter { $0.hasSuffix(".txt") }.sorted().map { resources.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedArticleData.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) articles from Resources/",
                executable: try context.tool(named: "EmbedResources").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
