import Foundation
import PackagePlugin

/// Embeds the package's `rules/` directory into the target as Swift source.
///
/// SwiftPM's `.embedInCode` flattens names (`sites/a.yml` becomes `a_yml`),
/// and winnow needs each file's path to qualify its rule ids, so this plugin
/// generates the table itself.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinRuleFiles.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where ["yml", "yaml"].contains(url.pathExtension) {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule files",
                executable: try context.tool(named: "EmbedRules").url,
                arguments: [rules.path, output.path],
                inputFiles: inputs + [rules],
                outputFiles: [output]
            )
        ]
    }
}
