import Foundation
import Testing
import WinnowBuiltinRules
import WinnowCheck
import WinnowRules

/// The repository's own rules and samples, checked exactly as `winnow test`
/// checks them, so that `swift test` fails whenever `winnow test` would.
@Suite struct RepositoryTests {
    /// `samples/` of this checkout, found from this file's path.
    static let samplesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples").path

    static func builtinSources() -> [RuleSource] {
        builtinRuleFiles.map { RuleSource(displayPath: "rules/" + $0.path, relativePath: $0.path, text: $0.text) }
    }

    @Test func builtinRulesLoad() throws {
        do {
            _ = try RuleSet.load(Self.builtinSources())
        } catch {
            let lines = error.diagnostics.map { "\($0)" }.joined(separator: "\n")
            Issue.record(Comment(rawValue: "rules/ does not load:\n" + lines))
        }
    }

    @Test func everyExampleAndSamplePasses() throws {
        let set: RuleSet
        do {
            set = try RuleSet.load(Self.builtinSources())
        } catch {
            Issue.record("rules/ does not load")
            return
        }
        let samples = try Sample.discover(in: Self.samplesDirectory)
        let report = try TestRun(ruleSet: set, samples: samples).run()
        // The message is what `winnow test` prints: each failure's diff and the counts.
        #expect(report.failed == 0, "\n\(report.text)")
        #expect(report.examples.count > 0)
    }
}
