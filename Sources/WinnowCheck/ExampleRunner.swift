import WinnowEngine
import WinnowRules

/// Runs every rule's own examples against the whole rule set.
///
///     let outcomes = ExampleRunner(ruleSet: set).run()
///     for failure in outcomes where !failure.passed { print(failure.report, terminator: "") }
///
/// Each example becomes a small document (`before`, `text`, `after`); only
/// the `text` lines are checked. The rule runs first in its phase (and its
/// site pack, if any, is active), so an earlier rule cannot take its lines:
/// - `drop`: every tested line is removed by this rule. For `strip`: the rule
///   removed something from each line, and the line then reads `result` when
///   given. For `extract`: the `meta` fields given were recorded. For `keep`
///   rules, a drop example is a line the rule must leave unprotected.
/// - `keep`: no rule of the whole set drops or strips a tested line; for
///   `keep` rules, the rule also protects each one.
///
/// A rule without any example fails.
public final class ExampleRunner {
    public let ruleSet: RuleSet
    /// Filters in the set's own order, by active site pack ("" for none).
    private var inOrder: [String: Filter] = [:]

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
    }

    /// The outcome of every example of every rule, in load order.
    public func run() -> [ExampleOutcome] {
        ruleSet.rules.flatMap(run)
    }

    /// The outcomes of one rule's examples; one failure if it has none.
    public func run(_ rule: Rule) -> [ExampleOutcome] {
        guard !rule.examples.isEmpty else {
            return [ExampleOutcome(rule: rule, example: nil, mismatches: [], problems: [], firedFirst: false,
                                   firedInOrder: false, takenBy: [])]
        }
        let sites = rule.site.map { [$0] } ?? []
        let ordered = inOrder[rule.site ?? ""] ?? Filter(RuleProgram(ruleSet: ruleSet, sites: sites))
        let first = Filter(ordered.program.runningFirst(rule.id))
        inOrder[rule.site ?? ""] = ordered
        return rule.examples.map { check($0, of: rule, first: first, ordered: ordered) }
    }

    private func check(_ example: Example, of rule: Rule, first: Filter, ordered: Filter) -> ExampleOutcome {
        let (text, tested) = example.document
        let document = Document(bytes: Array(text.utf8), name: example.location.description)
        let decisions = first.apply(to: document)
        var outcome = ExampleOutcome(rule: rule, example: example, mismatches: [], problems: [], firedFirst: false,
                                     firedInOrder: false, takenBy: [])
        guard let index = decisions.ruleIndex(of: rule.id) else {
            outcome.problems.append("the rule is not in the rule set")
            return outcome
        }
        let lines = tested.filter { !document.lines[$0].isBlank }
        if lines.isEmpty { outcome.problems.append("the example has no text to test") }

        func mismatch(_ line: Int, expected: String) {
            outcome.mismatches.append(.init(text: document.text(document.lines[line].content),
                                            actual: decisions.explain(line), expected: expected))
        }
        switch (example.expectation, rule.action) {
        case (.drop, .keep):
            for line in lines where decisions.acted(index, on: line) { mismatch(line, expected: "not protected by \(rule.id)") }
        case (.drop, .strip):
            for line in lines where !decisions.acted(index, on: line) { mismatch(line, expected: "stripped by \(rule.id)") }
            if let result = example.result {
                let wanted = result.hasSuffix("\n") ? String(result.dropLast()) : result
                let got = lines.filter(decisions.isKept).map { decisions.printedText(of: $0, in: document) }
                    .joined(separator: "\n")
                if got != wanted {
                    outcome.problems.append("result: \(Quoting.quoted(got)); expected: \(Quoting.quoted(wanted))")
                }
            }
        case (.drop, .cut):
            for line in lines where !decisions.acted(index, on: line) { mismatch(line, expected: "cut by \(rule.id)") }
        case (.drop, _):
            for line in lines where decisions.droppingRule(line)?.id != rule.id {
                mismatch(line, expected: "dropped by \(rule.id)")
            }
            if rule.action == .extract, let meta = example.meta {
                for (name, values) in meta.sorted(by: { $0.key < $1.key }) {
                    let got = decisions.meta.filter { $0.rule == index && $0.name == name && tested.contains($0.line) }
                        .map { String(decoding: $0.value, as: UTF8.self) }
                    if got != values {
                        func list(_ values: [String]) -> String {
                            "[" + values.map { Quoting.quoted($0) }.joined(separator: ", ") + "]"
                        }
                        outcome.problems.append("meta '\(name)': \(list(got)); expected: \(list(values))")
                    }
                }
            }
        case (.keep, .keep):
            for line in lines where !decisions.acted(index, on: line) { mismatch(line, expected: "kept by \(rule.id)") }
        case (.keep, _):
            for line in lines where decisions.isDropped(line) || decisions.strips[line] != nil {
                mismatch(line, expected: "kept")
            }
        }

        // For lint: does the rule fire here, and does it still when the set runs in its own order?
        let actedFirst = document.lines.indices.filter { decisions.acted(index, on: $0) }
        outcome.firedFirst = !actedFirst.isEmpty
        if outcome.firedFirst {
            let normal = ordered.apply(to: document)
            let normalIndex = normal.ruleIndex(of: rule.id) ?? index
            outcome.firedInOrder = document.lines.indices.contains { normal.acted(normalIndex, on: $0) }
            for line in actedFirst {
                if let other = normal.decidingRule(line), other != normalIndex,
                   !outcome.takenBy.contains(normal.rules[other].id) {
                    outcome.takenBy.append(normal.rules[other].id)
                }
            }
        }
        return outcome
    }
}
