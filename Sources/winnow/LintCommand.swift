import ArgumentParser
import WinnowOutput
import Foundation
import WinnowCheck
import WinnowRules

/// `winnow lint`: check the rule files a run would use.
///
/// The checks are `WinnowCheck.Linter`'s; this command only chooses the
/// rules and samples, prints the findings and sets the exit status.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check rule files: errors, examples, dead, over-broad and shadowed rules, risky regexes.",
        discussion: """
            Prints one finding a line, 'file:line:col: severity: message [rule-id]', or a JSON \
            array with --format json. It reports regex compile errors (at the exact column), \
            duplicate ids, unknown keys and wrong types; rules without examples and examples \
            that fail; dead rules (firing on no sample and no example); over-broad rules \
            (dropping a line a sample's expected output keeps); shadowed rules (whose every \
            line an earlier rule already takes); and regexes at risk of catastrophic \
            backtracking, found by reading the pattern and by running it on adversarial 10 kB lines.

            Exit status: 0 no errors (warnings allowed), 1 errors, or warnings with --strict, \
            2 a rule directory or the samples could not be read.

            Examples:
              winnow lint --strict
                  The check CI runs: the built-in rules must have no finding at all.
              winnow lint --no-default-rules --rules ./my-rules
                  Check your own rule files on their own.
              winnow lint --format json | jq -r '.[] | select(.severity == "error") | .file'
                  Findings for tools.
            """
    )

    @OptionGroup(title: "Rules") var ruleOptions: RuleOptions

    @Option(name: .customLong("samples"), help: ArgumentHelp(
        "The sample pages that dead, over-broad and shadowed rules are judged on (default: ./samples, when it exists).",
        valueName: "DIR"))
    var samplesDirectory: String?

    @Flag(help: "Exit with status 1 on warnings too, not only on errors.")
    var strict = false

    @Option(help: ArgumentHelp("Output format: text (file:line:col: severity: message [rule]) or json.",
                               valueName: "FORMAT"))
    var format: LintReport.Format = .text

    @Flag(name: .customLong("no-probe"),
          help: "Skip running regexes on adversarial lines (the reading of patterns still runs).")
    var noProbe = false

    func run() throws {
        let sources = try ruleOptions.sources()
        let samples = try TestCommand.samples(in: samplesDirectory, names: [])
        let report: LintReport
        do {
            report = try Linter(sources: sources, disabled: ruleOptions.disabled, samples: samples,
                                probe: !noProbe).run()
        } catch {
            StandardError.report("\(error)")
            throw ExitCode(2)
        }
        // The findings first, then the summary on stderr.
        try StandardOutput.write(format == .json ? report.json : report.text)
        StandardError.report(report.summary)
        let status = report.exitStatus(strict: strict)
        if status != 0 { throw ExitCode(status) }
    }
}

// Here rather than in a file of its own: the command owns its options.
extension LintReport.Format: ExpressibleByArgument {}
