import WinnowRules

/// How many sample lines each rule decided, and which rules decided none.
///
///     let coverage = Coverage(ruleSet: set, samples: outcomes)
///     print(coverage.report, terminator: "")
///
/// A line counts for the rule the filter charged it to: the rule that
/// dropped it (the first, when several would), the keep rule that protected
/// it, or each strip rule that removed part of it.
public struct Coverage: Sendable {
    public struct Entry: Sendable {
        public var rule: Rule
        public var dropped = 0
        public var stripped = 0
        public var protected = 0

        public var total: Int { dropped + stripped + protected }
    }

    /// Every rule of the set, in load order.
    public private(set) var entries: [Entry]
    public private(set) var sampleCount: Int
    public private(set) var lineCount: Int

    public init(ruleSet: RuleSet, samples: [SampleOutcome]) {
        var entries = ruleSet.rules.map { Entry(rule: $0) }
        let position = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.rule.id, $0) })
        var lineCount = 0
        for outcome in samples {
            let decisions = outcome.decisions
            for line in outcome.document.lines.indices where !outcome.document.lines[line].isBlank {
                lineCount += 1
                switch decisions.verdict(line) {
                case .dropped(let rule):
                    if let at = position[decisions.rules[rule].id] { entries[at].dropped += 1 }
                case .protected(let rule):
                    if let at = position[decisions.rules[rule].id] { entries[at].protected += 1 }
                case .kept:
                    break
                }
                var seen = Set<Int>()
                for strip in decisions.strips[line] ?? [] where seen.insert(strip.rule).inserted {
                    if let at = position[decisions.rules[strip.rule].id] { entries[at].stripped += 1 }
                }
            }
        }
        self.entries = entries
        sampleCount = samples.count
        self.lineCount = lineCount
    }

    /// The rules that decided no sample line.
    public var neverFired: [Rule] { entries.filter { $0.total == 0 }.map(\.rule) }

    /// A table of rules and line counts, then the rules that never fired.
    ///
    ///     coverage over 11 samples (612 non-blank lines):
    ///       ads/ad-label                                  14 dropped
    ///       guards/source-credit                           2 protected
    ///     never fired on a sample (2): bylines/published-time, navigation/back-to-top
    public var report: String {
        var text = "coverage over \(sampleCount) sample\(sampleCount == 1 ? "" : "s") (\(lineCount) non-blank lines):\n"
        let width = max(40, (entries.map(\.rule.id.count).max() ?? 0) + 2)
        for entry in entries where entry.total > 0 {
            var parts: [String] = []
            if entry.dropped > 0 { parts.append("\(entry.dropped) \(entry.rule.action == .cut ? "cut" : "dropped")") }
            if entry.stripped > 0 { parts.append("\(entry.stripped) stripped") }
            if entry.protected > 0 { parts.append("\(entry.protected) protected") }
            let id = entry.rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
            text += "  \(id)\(parts.joined(separator: ", "))\n"
        }
        let never = neverFired
        if never.isEmpty {
            text += "every rule fired on a sample\n"
        } else {
            text += "never fired on a sample (\(never.count)): \(never.map(\.id).joined(separator: ", "))\n"
        }
        return text
    }
}
