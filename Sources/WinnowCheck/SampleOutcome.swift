import WinnowEngine
import WinnowRules

/// What winnow printed for one sample page, against what it should print.
public struct SampleOutcome: Sendable {
    public var sample: Sample
    /// The page as filtered, and what the filter decided for each line.
    public var document: Document
    public var decisions: Decisions
    /// What `winnow <page>` prints.
    public var actual: [UInt8]
    /// The `.expected.txt` file, or nil when it is missing.
    public var expected: [UInt8]?
    /// What `winnow --format jsonl <page>` prints, when that was checked.
    public var actualJSONLines: [UInt8]?
    /// The `.expected.jsonl` file, when there is one.
    public var expectedJSONLines: [UInt8]?
    /// Why the JSON Lines output could not be checked, if it could not.
    public var jsonLinesProblem: String?
    /// For each line of the expected output, the page line it is (nil for a blank line, or a line not on the page).
    public var expectedSources: [Int?]
    /// For each line of the actual output, the page line printed there (nil for the blank line between blocks).
    public var actualSources: [Int?]

    public var textPassed: Bool { expected == actual }
    public var jsonLinesPassed: Bool {
        expectedJSONLines == nil || (jsonLinesProblem == nil && expectedJSONLines == actualJSONLines)
    }
    public var passed: Bool { textPassed && jsonLinesPassed }

    /// The page lines the expected output keeps.
    public var expectedKept: Set<Int> { Set(expectedSources.compactMap { $0 }) }

    /// The failure as `winnow test` shows it: a unified diff of the expected
    /// output against the actual one, each changed line with the rule that
    /// decided it. Empty when the sample passes.
    ///
    ///     FAIL sample news-wire: output differs from samples/news-wire.expected.txt
    ///     --- samples/news-wire.expected.txt
    ///     +++ winnow samples/news-wire.txt
    ///     @@ -4,7 +4,6 @@
    ///      The council voted on Tuesday to close the road.
    ///     -(With inputs from AFP)  ← dropped by related/also-read
    ///     +Advertisement  ← kept, no rule fired
    public var report: String {
        var text = ""
        if let expected {
            if expected != actual {
                text += "FAIL sample \(sample.name): output differs from \(sample.expectedText)\n"
                text += textDiff(expected, oldName: sample.expectedText)
            }
        } else {
            text += "FAIL sample \(sample.name): \(sample.expectedText) is missing; "
                + "'winnow test --update \(sample.name)' writes it from the current output\n"
            text += textDiff([], oldName: "/dev/null")
        }
        if let expectedJSONLines {
            if let jsonLinesProblem {
                text += "FAIL sample \(sample.name): \(sample.expectedJSONLines): \(jsonLinesProblem)\n"
            } else if let actualJSONLines, actualJSONLines != expectedJSONLines {
                text += "FAIL sample \(sample.name): JSON Lines output differs from \(sample.expectedJSONLines)\n"
                text += UnifiedDiff(old: UnifiedDiff.lines(expectedJSONLines), new: UnifiedDiff.lines(actualJSONLines))
                    .render(oldName: sample.expectedJSONLines, newName: "winnow --format jsonl \(sample.input)")
            }
        }
        return text
    }

    private func textDiff(_ expected: [UInt8], oldName: String) -> String {
        let old = UnifiedDiff.lines(expected), new = UnifiedDiff.lines(actual)
        let diff = UnifiedDiff(old: old, new: new)
        if diff.isEmpty {
            return "    the outputs differ only in bytes that are not valid UTF-8\n"
        }
        return diff.render(
            oldName: oldName, newName: "winnow \(sample.input)",
            noteRemoved: { index in
                guard index < expectedSources.count, let line = expectedSources[index] else {
                    let text = old[index]
                    if text == UnifiedDiff.noNewline || text.allSatisfy(\.isWhitespace) { return nil }
                    return "not on the page"
                }
                return decisions.explain(line)
            },
            noteInserted: { index in
                guard index < actualSources.count, let line = actualSources[index] else { return nil }
                return decisions.explain(line)
            })
    }
}
