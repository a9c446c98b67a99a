import ArgumentParser
import WinnowOutput
import Foundation
import WinnowCheck

/// `winnow test`: run every rule's examples and every sample page.
///
/// The work is done by `WinnowCheck.TestRun`, which the Swift test suite
/// calls too; this command only chooses the rules and samples and prints.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's examples and every sample page.",
        discussion: """
            Each rule's 'drop:' examples must be removed by that rule, and its 'keep:' \
            examples must survive the whole rule set. Each samples/NAME.txt must print \
            exactly samples/NAME.expected.txt (and match NAME.expected.jsonl when there is one). \
            A failure shows a unified diff, each changed line with the rule that dropped it \
            or "kept, no rule fired". A rule without examples fails.

            Exit status: 0 all passed, 1 a check failed, 2 a rule file or a sample could not be read.

            Examples:
              winnow test
                  Every example and every sample.
              winnow test news-wire
                  Every example, and the sample samples/news-wire.txt.
              winnow test --update news-wire
                  Show the diff, then rewrite samples/news-wire.expected.txt from the current output.
              winnow test --coverage
                  Also list how many sample lines each rule dropped, and the rules that never fired.
              winnow test --no-default-rules --rules ./my-rules --samples ./my-samples
                  Your own rules against your own pages.
            """
    )

    @OptionGroup(title: "Rules") var ruleOptions: RuleOptions

    @Option(name: .customLong("samples"), help: ArgumentHelp(
        "The directory of sample pages (default: ./samples, when it exists).", valueName: "DIR"))
    var samplesDirectory: String?

    @Flag(help: "Rewrite the expected files of failing samples from the current output, after showing the diff: the named samples, or all of them when none is named.")
    var update = false

    @Flag(help: "Also list, for each rule, how many sample lines it decided, and which rules never fired.")
    var coverage = false

    @Argument(help: ArgumentHelp("Samples to run (news-wire, news-wire.txt or samples/news-wire.txt); all when none is named.",
                                 valueName: "NAME"))
    var names: [String] = []

    func run() throws {
        let ruleSet = try ruleOptions.load()
        let samples = try TestCommand.samples(in: samplesDirectory, names: names)
        let report: CheckReport
        do {
            report = try TestRun(ruleSet: ruleSet, samples: samples).run(update: update)
        } catch {
            StandardError.report("\(error)")
            throw ExitCode(2)
        }
        var text = ""
        if coverage { text += Coverage(ruleSet: ruleSet, samples: report.samples).report }
        text += report.text
        try StandardOutput.write(text)
        if report.failed > 0 { throw ExitCode(1) }
    }

    /// The samples to check: in `directory`, or in ./samples when it exists; none otherwise.
    static func samples(in directory: String?, names: [String]) throws -> [Sample] {
        let chosen = directory ?? "samples"
        var isDirectory: ObjCBool = false
        guard directory != nil || !names.isEmpty
                || (FileManager.default.fileExists(atPath: chosen, isDirectory: &isDirectory) && isDirectory.boolValue)
        else { return [] }
        do {
            return try Sample.discover(in: chosen, names: names)
        } catch {
            StandardError.report("\(error)")
            throw ExitCode(2)
        }
    }
}
