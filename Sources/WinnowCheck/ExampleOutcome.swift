import WinnowRules

/// The result of one rule example, or of a rule that has none.
public struct ExampleOutcome: Sendable {
    /// One tested line that did not behave as the example says.
    public struct Mismatch: Sendable, Hashable {
        public var text: String
        /// What happened: `kept, no rule fired`, `dropped by ads/ad-label`…
        public var actual: String
        /// What the example expects: `dropped by ads/ad-label`, `kept`…
        public var expected: String

        public init(text: String, actual: String, expected: String) {
            self.text = text
            self.actual = actual
            self.expected = expected
        }
    }

    public var rule: Rule
    /// Nil when the rule has no examples, which is itself a failure.
    public var example: Example?
    public var mismatches: [Mismatch]
    /// Failures that are not about one line: a missing field, a wrong `result`.
    public var problems: [String]
    /// The rule acted on the example when it ran first in its phase.
    public var firedFirst: Bool
    /// The rule acted on the example in the normal order of the rule set.
    public var firedInOrder: Bool
    /// In the normal order, the rules that had already taken the lines this rule acts on when first.
    public var takenBy: [String]

    public var passed: Bool { example != nil && mismatches.isEmpty && problems.isEmpty }

    /// Where to look: the example's position, or the rule's when it has no example.
    public var location: SourceLocation { example?.location ?? rule.location }

    /// The failure as shown by `winnow test`: the example's `file:line:col`, the rule's, and each line that misbehaved.
    ///
    ///     FAIL rules/ads.yml:14:11: drop example of ads/ad-label (rule at rules/ads.yml:8:5)
    ///         "Advertisment": kept, no rule fired; expected: dropped by ads/ad-label
    public var report: String {
        guard let example else {
            return "FAIL \(rule.location): \(rule.id) has no examples; give it at least one 'drop:' and one 'keep:' example\n"
        }
        var text = "FAIL \(example.location): \(example.expectation.rawValue) example of \(rule.id)"
            + " (rule at \(rule.location))\n"
        for mismatch in mismatches {
            text += "    \(Quoting.quoted(mismatch.text, limit: 100)): \(mismatch.actual); expected: \(mismatch.expected)\n"
        }
        for problem in problems { text += "    \(problem)\n" }
        return text
    }

    /// A one-line summary for lint.
    public var summary: String {
        guard let example else { return "rule has no examples" }
        let first = mismatches.first.map { "\(Quoting.quoted($0.text, limit: 60)) is \($0.actual), expected \($0.expected)" }
        let detail = first ?? problems.first ?? "fails"
        return "\(example.expectation.rawValue) example fails: \(detail)"
    }
}
