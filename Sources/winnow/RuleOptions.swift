import ArgumentParser
import WinnowOutput
import WinnowBuiltinRules
import WinnowRules

/// The options that choose the rule set, shared by every subcommand so that
/// `test` and `lint` check exactly what a run would use.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "Also load the rule files (*.yml) in DIR. Repeatable; applied after the built-in rules.",
        valueName: "DIR"))
    var directories: [String] = []

    @Flag(name: .customLong("no-default-rules"), help: "Leave out the rules built into winnow.")
    var noDefaultRules = false

    @Option(name: .customLong("disable"), help: ArgumentHelp(
        "Turn off a rule by id (ads/label), a whole file (ads, sites/livemint.com) or a glob (sites/*). Repeatable.",
        valueName: "ID"))
    var disabled: [String] = []

    /// The rule files compiled into winnow.
    static let builtinSources = builtinRuleFiles.map {
        RuleSource(displayPath: "rules/" + $0.path, relativePath: $0.path, text: $0.text)
    }

    /// The sources in load order: built-in files, then each directory in the order given.
    func sources() throws -> [RuleSource] {
        var sources: [RuleSource] = []
        if !noDefaultRules { sources += Self.builtinSources }
        for directory in directories {
            do {
                sources += try RuleSource.directory(directory)
            } catch {
                StandardError.write("\(error)\n")
                throw ExitCode(2)
            }
        }
        return sources
    }

    /// Loads the rule set, or prints every error as `file:line:col` and exits 2.
    func load() throws -> RuleSet {
        let set: RuleSet
        do {
            set = try RuleSet.load(try sources())
        } catch let failure as RuleLoadFailure {
            for diagnostic in failure.diagnostics { StandardError.write("\(diagnostic)\n") }
            let files = Set(failure.diagnostics.map(\.location.file)).count
            StandardError.report("\(failure.diagnostics.count) error\(failure.diagnostics.count == 1 ? "" : "s")"
                                 + " in \(files) rule file\(files == 1 ? "" : "s"); nothing was filtered")
            throw ExitCode(2)
        }
        do {
            return try set.disabling(disabled)
        } catch {
            StandardError.report("\(error)")
            throw ExitCode(2)
        }
    }
}
