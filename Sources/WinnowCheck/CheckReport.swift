/// The result of `winnow test`: every example and sample outcome, and the
/// text the command prints.
///
///     let report = try TestRun(ruleSet: set, samples: samples).run()
///     print(report.text, terminator: "")
///     exit(report.failed == 0 ? 0 : 1)
public struct CheckReport: Sendable {
    public var examples: [ExampleOutcome]
    public var samples: [SampleOutcome]
    /// Expected files that `--update` rewrote.
    public var updated: [String]

    public var failedExamples: [ExampleOutcome] { examples.filter { !$0.passed } }
    /// Samples that fail and were not rewritten.
    public var failedSamples: [SampleOutcome] {
        samples.filter { outcome in
            let text = outcome.textPassed || updated.contains(outcome.sample.expectedText)
            let json = outcome.jsonLinesPassed || updated.contains(outcome.sample.expectedJSONLines)
            return !(text && json)
        }
    }

    public var failed: Int { failedExamples.count + failedSamples.count }
    public var passed: Int { examples.count + samples.count - failed }

    /// Each failure (the example's report, the sample's diff), the files
    /// rewritten, then the counts; the last line is `N passed, N failed`.
    public var text: String {
        var text = ""
        for outcome in failedExamples { text += outcome.report }
        for outcome in samples where !outcome.passed {
            text += outcome.report
            for path in updated where path == outcome.sample.expectedText || path == outcome.sample.expectedJSONLines {
                text += "updated \(path)\n"
            }
        }
        let rules = Set(examples.map(\.rule.id)).count
        let exampleFailures = failedExamples.count, sampleFailures = failedSamples.count
        text += "examples: \(examples.count - exampleFailures) passed, \(exampleFailures) failed (\(rules) rule\(rules == 1 ? "" : "s")); "
            + "samples: \(samples.count - sampleFailures) passed, \(sampleFailures) failed"
            + (updated.isEmpty ? "" : ", \(updated.count) expected file\(updated.count == 1 ? "" : "s") updated") + "\n"
        text += "\(passed) passed, \(failed) failed\n"
        return text
    }
}
