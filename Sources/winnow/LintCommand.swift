import ArgumentParser

/// `winnow lint`: check rule files.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Check rule files.")
    @OptionGroup(title: "Rules") var ruleOptions: RuleOptions
    func run() throws { throw ExitCode(2) }
}
