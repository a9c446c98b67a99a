import PCRE2
import WinnowEngine
import WinnowRules

/// `winnow lint` as a function: checks the rule files a run would load and
/// returns every finding as a `Diagnostic` (`file:line:col`, severity, code).
///
///     let report = try Linter(sources: sources, samples: try Sample.discover(in: "samples")).run()
///     for finding in report.findings { print(finding) }
///
/// Codes, errors first:
/// - `yaml`, `schema`, `type`, `value`, `unknown-key`, `duplicate-id`,
///   `settings`, `regex` (error): the file does not load, as `winnow` itself
///   reports it; a regex error points at the character PCRE2 stopped at.
/// - `no-examples` (error): a rule without examples.
/// - `example` (error): an example that does not behave as its rule says.
/// - `backtracking` (error when the probe hits PCRE2's match limit, warning
///   for nested or overlapping quantifiers, note when a regex only takes more
///   than 1 ms on an adversarial 10 kB line: time is no ground to fail `--strict`).
/// - `dead-rule` (warning): fires on no sample and no example.
/// - `over-broad` (warning): drops a line that a sample's expected output keeps.
/// - `shadowed` (warning): every line it acts on is already taken by earlier rules.
/// - `no-prefilter` (note): a line-scope rule with neither `keywords:` nor
///   literals derived from its regex, so its regex runs on every line. Only
///   speed is at stake, so `--strict` does not count it. (A wrong
///   `keywords:` list, which would silence the rule, shows as `example`
///   errors: examples run through the prefilter.)
public final class Linter {
    public let sources: [RuleSource]
    public let disabled: [String]
    public let samples: [Sample]
    /// Run the backtracking probe (the static check always runs).
    public let probe: Bool

    public init(sources: [RuleSource], disabled: [String] = [], samples: [Sample] = [], probe: Bool = true) {
        self.sources = sources
        self.disabled = disabled
        self.samples = samples
        self.probe = probe
    }

    /// - Throws: `CheckError` when a `--disable` pattern names no rule.
    public func run() throws(CheckError) -> LintReport {
        let clock = ContinuousClock()
        let started = clock.now
        var findings: [Diagnostic] = []
        var set: RuleSet
        // Report every load error, then check the rules that do load.
        let loaded = RuleSet.loadPartially(sources)
        findings += loaded.diagnostics.filter { $0.severity == .error }
        set = loaded.set
        do {
            set = try set.disabling(disabled)
        } catch {
            throw CheckError(error.description)
        }
        findings += set.warnings

        let examples = ExampleRunner(ruleSet: set).run()
        for outcome in examples where !outcome.passed {
            let code = outcome.example == nil ? "no-examples" : "example"
            findings.append(.error(at: outcome.location, outcome.summary, rule: outcome.rule.id, code: code))
        }
        findings += sampleFindings(set, examples: examples)

        let backtrackingStarted = clock.now
        findings += backtrackingFindings(set)
        let backtrackingTime = clock.now - backtrackingStarted
        findings += prefilterFindings(set)

        // The loader may already warn about what lint checks; keep one of each.
        var seen = Set<String>()
        findings = findings.filter { seen.insert("\($0.location)|\($0.code)|\($0.ruleID ?? "")|\($0.message)").inserted }
        findings.sort { ($0.location, $0.code) < ($1.location, $1.code) }
        return LintReport(findings: findings, files: sources.count, rules: set.rules.count, samples: samples.count,
                          time: clock.now - started, backtrackingTime: backtrackingTime)
    }

    // MARK: - Samples: dead, shadowed and over-broad rules

    private func sampleFindings(_ set: RuleSet, examples: [ExampleOutcome]) -> [Diagnostic] {
        let runner = SampleRunner(ruleSet: set)
        let outcomes = samples.map(runner.run)
        var findings: [Diagnostic] = []
        for (index, rule) in set.rules.enumerated() {
            let own = examples.filter { $0.rule.id == rule.id }
            var firedInOrder = own.contains { $0.firedInOrder }
            var firedFirst = own.contains { $0.firedFirst }
            var takenBy = own.flatMap(\.takenBy)
            var overBroad: [(sample: SampleOutcome, line: Int)] = []

            let first = Filter(RuleProgram(ruleSet: Self.firstRunSet(for: rule, in: set)).runningFirst(rule.id))
            let firstIndex = first.rules.firstIndex { $0.id == rule.id } ?? 0
            for outcome in outcomes {
                let document = outcome.document
                if document.lines.indices.contains(where: { outcome.decisions.acted(index, on: $0) }) {
                    firedInOrder = true
                }
                let decisions = first.apply(to: document)
                let kept = outcome.expected == nil ? [] : outcome.expectedKept
                for line in document.lines.indices where decisions.acted(firstIndex, on: line) {
                    firedFirst = true
                    if let other = outcome.decisions.decidingRule(line), other != index {
                        takenBy.append(set.rules[other].id)
                    }
                    if rule.action.removesLines, decisions.isDropped(line), kept.contains(line) {
                        overBroad.append((outcome, line))
                    }
                }
            }

            if !overBroad.isEmpty {
                let (outcome, line) = overBroad[0]
                let text = outcome.document.text(outcome.document.lines[line].content)
                let samples = Set(overBroad.map(\.sample.sample.name)).count
                findings.append(Diagnostic(
                    .warning, at: rule.location,
                    "drops \(overBroad.count) line\(overBroad.count == 1 ? "" : "s") that the expected output of "
                        + "\(samples) sample\(samples == 1 ? "" : "s") keeps, such as "
                        + "\(outcome.sample.input):\(line + 1) \(Quoting.quoted(text, limit: 80))",
                    rule: rule.id, code: "over-broad"))
            }
            if !firedFirst {
                let where_ = samples.isEmpty ? "no example (and there are no samples)" : "no sample and no example"
                findings.append(Diagnostic(.warning, at: rule.location, "dead rule: it fires on \(where_)",
                                           rule: rule.id, code: "dead-rule"))
            } else if !firedInOrder {
                var names: [String] = []
                for id in takenBy where !names.contains(id) { names.append(id) }
                let by = names.isEmpty ? "" : ": \(names.joined(separator: ", "))"
                findings.append(Diagnostic(
                    .warning, at: rule.location,
                    "shadowed: every line it acts on in the samples and examples is already taken by an earlier rule\(by)",
                    rule: rule.id, code: "shadowed"))
            }
        }
        return findings
    }

    /// The rules that can change what `rule` does when it runs first in its
    /// phase: keep rules protect lines from it and cut rules end the
    /// document before it, but other content rules come after it, so they
    /// cannot. A context rule reads everyone's verdicts and needs the whole
    /// set, and so does every rule when a keep rule reads verdicts or regions.
    static func firstRunSet(for rule: Rule, in set: RuleSet) -> RuleSet {
        if rule.isContextRule || set.rules.contains(where: { $0.action == .keep && $0.isContextRule }) { return set }
        let files = set.files.map { file in
            var file = file
            file.rules = file.rules.filter { $0.id == rule.id || $0.action == .keep || $0.action == .cut }
            return file
        }
        return RuleSet(files: files, settings: set.settings)
    }

    // MARK: - Backtracking

    private func backtrackingFindings(_ set: RuleSet) -> [Diagnostic] {
        Linter.backtrackingFindings(in: set, probe: probe)
    }

    /// The backtracking check of every regex in `set` (rules, conditions,
    /// site-pack detectors), as `winnow lint` runs it. Without the probe it
    /// only reads the patterns, which is quick enough for a filter run to do
    /// on the rule files a user gives it.
    public static func backtrackingFindings(in set: RuleSet, probe: Bool) -> [Diagnostic] {
        var universes: [CompileOptions: CharacterUniverse] = [:]
        let prober = probe ? BacktrackingProbe() : nil
        var findings: [Diagnostic] = []

        /// `origin` maps an offset in the pattern to where that character is written, whatever the form.
        func check(_ regex: Pattern, key: String, nested: Bool, rule: String?, origin: PatternOrigin,
                   maxLength: Int = BacktrackingProbe.defaultLength) {
            let universe = universes[regex.options] ?? CharacterUniverse(options: regex.options)
            universes[regex.options] = universe
            let analyzer = BacktrackingAnalyzer(pattern: regex.pattern, options: regex.options, universe: universe)
            let risks = analyzer.risks()
            let finding = prober?.run(regex, analyzer: analyzer, length: maxLength)
            guard !risks.isEmpty || finding != nil else { return }
            // The first two constructs are enough to act on; the rest are counted.
            var messages = risks.prefix(2).map(\.message)
            if risks.count > 2 { messages.append("and \(risks.count - 2) more like these") }
            if let finding { messages.append((risks.isEmpty ? "" : "the probe confirms it: ") + "it " + finding.message) }
            let offset = risks.first?.offset ?? 0
            let place = origin.location(ofCharacter: offset, in: regex.pattern)
            let name = nested ? "'\(key)' regex" : key
            let at = risks.isEmpty ? "" : " at offset \(offset)"
            // A regex the probe saw hit the match limit is an error; reading the pattern alone gives a
            // warning. Time alone gives a note: CI must not fail because the machine was busy.
            let severity: Diagnostic.Severity = finding?.hitLimit == true ? .error : risks.isEmpty ? .note : .warning
            findings.append(Diagnostic(severity, at: place,
                                       "\(name)\(at): \(messages.joined(separator: "; "))", rule: rule,
                                       code: "backtracking"))
        }

        for rule in set.rules {
            // A line longer than max-chars never reaches a line-scope regex.
            let limit = rule.scope == .line ? rule.conditions.maxChars : nil
            check(rule.regex, key: "regex", nested: false, rule: rule.id, origin: rule.regexOrigin,
                  maxLength: min(limit ?? BacktrackingProbe.defaultLength, BacktrackingProbe.defaultLength))
            // Every regex a condition holds, from the condition table: none can be missed.
            for held in rule.conditions.patterns {
                check(held.pattern, key: held.key, nested: true, rule: rule.id, origin: held.origin)
            }
        }
        for pack in set.sitePacks {
            guard let detect = pack.detect else { continue }
            check(detect, key: "detect", nested: false, rule: nil, origin: pack.detectOrigin)
        }
        return findings
    }

    // MARK: - Prefilter

    /// Line-scope rules whose regex runs on every line, for want of a literal to look for first.
    private func prefilterFindings(_ set: RuleSet) -> [Diagnostic] {
        set.rules.filter { $0.scope == .line && $0.requiredLiterals == nil }.map { rule in
            Diagnostic(.note, at: rule.location,
                       "no literal is in every match of the regex, so it runs on every line;"
                       + " 'keywords:' can name words one of which always is", rule: rule.id, code: "no-prefilter")
        }
    }
}
