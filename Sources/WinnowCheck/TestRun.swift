import WinnowOutput
import WinnowRules

/// `winnow test` as a function: runs every rule's examples and every
/// sample, and, when asked, rewrites the expected files of failing samples.
///
///     let samples = try Sample.discover(in: "samples")
///     let report = try TestRun(ruleSet: set, samples: samples).run()
///     report.failed   // 0 when everything passes
///
/// The Swift test suite calls this too, so `swift test` fails whenever
/// `winnow test` would.
public struct TestRun {
    public let ruleSet: RuleSet
    public let samples: [Sample]
    public let jsonLinesPrinter: SampleRunner.SinkFactory?

    /// - Parameter jsonLinesPrinter: see `SampleRunner.init`.
    public init(ruleSet: RuleSet, samples: [Sample],
                jsonLinesPrinter: SampleRunner.SinkFactory? = SampleRunner.jsonLines) {
        self.ruleSet = ruleSet
        self.samples = samples
        self.jsonLinesPrinter = jsonLinesPrinter
    }

    /// - Parameter update: rewrite the expected files of every sample whose
    ///   output differs (the report still shows each diff).
    /// - Throws: `CheckError` when an expected file cannot be written.
    public func run(update: Bool = false) throws(CheckError) -> CheckReport {
        let examples = ExampleRunner(ruleSet: ruleSet).run()
        let runner = SampleRunner(ruleSet: ruleSet, jsonLinesPrinter: jsonLinesPrinter)
        let outcomes = samples.map(runner.run)
        var updated: [String] = []
        if update {
            for outcome in outcomes where !outcome.passed { updated += try runner.update(outcome) }
        }
        return CheckReport(examples: examples, samples: outcomes, updated: updated)
    }
}
