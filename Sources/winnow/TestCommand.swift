import ArgumentParser

/// `winnow test`: run every rule's examples and every sample page.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Test rules and samples.")
    @OptionGroup(title: "Rules") var ruleOptions: RuleOptions
    func run() throws { throw ExitCode(2) }
}
