import Foundation
import PackagePlugin

/// Embeds the package's `Resources/*.txt` articles and `Resources/*.psv` vocabularies into the
/// target that uses the plugin, so the binary carries its data: `swift run`, a copied binary and
/// the container all find it without a resource bundle beside them. `Resources/` stays the single
/// source of truth. Each kind gets its own generated enum, so a vocabulary is never read as an
/// article.
@main
struct EmbedArticles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let resources = context.package.directoryURL.appending(path: "Resources")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: resources.path())) ?? []
        func files(_ suffix: String) -> [URL] {
            names.filter { $0.hasSuffix(suffix) }.sorted().map { resources.appending(path: $0) }
        }
        let tool = try context.tool(named: "EmbedResources").url
        func embed(_ inputs: [URL], as enumName: String, what: String) -> Command {
            let output = context.pluginWorkDirectoryURL.appending(path: enumName + ".swift")
            return .buildCommand(
                displayName: "Embedding \(inputs.count) \(what) from Resources/",
                executable: tool,
                arguments: [output.path(), enumName] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            )
        }
        return [
            embed(files(".txt"), as: "EmbeddedArticleData", what: "articles"),
            embed(files(".psv"), as: "EmbeddedVocabularyData", what: "vocabularies"),
        ]
    }
}
