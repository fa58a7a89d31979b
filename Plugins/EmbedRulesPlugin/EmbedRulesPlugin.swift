import Foundation
import PackagePlugin

/// Turns the package's `rules/` folder into Swift source, so the built binary carries
/// the shipped rule pack and works from any directory.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedRulesData.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: rulesDirectory, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "rules" {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule files from rules/",
                executable: try context.tool(named: "RulesEmbedder").url,
                arguments: [rulesDirectory.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
