import PCRE2
import WinnowRules

/// A rule set compiled for filtering: the rules, the order they apply in,
/// the site packs and settings. It is immutable, so many threads may share
/// one; each brings its own `Scratch`.
///
///     let program = RuleProgram(ruleSet: try RuleSet.load(sources))
///     let scratch = Scratch(program: program)
///     let decisions = program.apply(to: Document(bytes: page), using: scratch)
///
/// Rules apply phase by phase (see `Phase`). Regions are computed from the
/// prose lines still kept when a rule runs, so a prose-like footer that a
/// phrase rule dropped does not stretch the body.
public struct RuleProgram: Sendable {
    /// The rules, in load order; `Decisions` refer to them by index.
    public let rules: [Rule]
    public let settings: DocumentSettings
    /// What one rule may cost on one document before it is suspended for the rest of it.
    public let budget: RuleBudget
    private let packs: [SitePack]
    private let forcedSites: Set<String>
    /// Rule indexes by phase, in the order they apply.
    private var order: [[Int]]
    /// Rules whose conditions count repeated lines; counting is paid only when one is active.
    private let repeatReaders: [Int]
    /// Which lines a rule's regex is worth running on.
    let prefilter: Prefilter

    /// - Parameters:
    ///   - sites: site packs to apply to every document, whatever it shows.
    ///   - prefilter: false to run every line-scope rule's regex on every open
    ///     line, as a reference the prefiltered engine must agree with.
    ///   - budget: the rule budget to use instead of the rule files' settings.
    public init(ruleSet: RuleSet, sites: [String] = [], prefilter: Bool = true, budget: RuleBudget? = nil) {
        rules = ruleSet.rules
        self.prefilter = Prefilter(rules: ruleSet.rules, enabled: prefilter)
        settings = ruleSet.settings
        self.budget = budget ?? ruleSet.settings.budget
        packs = ruleSet.sitePacks
        forcedSites = Set(sites.map { $0.lowercased() })
        let all = rules
        order = Phase.allCases.map { phase in
            let members = all.indices.filter { Phase(of: all[$0]) == phase }
            // Extract rules first within their phase; a stable partition keeps load order otherwise.
            return members.filter { all[$0].action == .extract } + members.filter { all[$0].action != .extract }
        }
        repeatReaders = all.indices.filter { all[$0].conditions.readsRepeats }
    }

    /// Whether the rule at `index` has its regex run only on lines holding
    /// one of its `requiredLiterals` (a line-scope rule with literals, in a
    /// program built with the prefilter on).
    public func isPrefiltered(rule index: Int) -> Bool { prefilter.filters(rule: index) }

    /// The same program with rule `id` moved to the front of its phase, so a
    /// check can tell whether that rule, rather than an earlier one, acts on a line.
    public func runningFirst(_ id: String) -> RuleProgram {
        guard let index = rules.firstIndex(where: { $0.id == id }) else { return self }
        var copy = self
        let phase = Phase(of: rules[index]).rawValue
        copy.order[phase].removeAll { $0 == index }
        copy.order[phase].insert(index, at: 0)
        return copy
    }

    /// The site packs that apply to `document`: named with `--site`, matching
    /// the document's host, or detected in its text.
    public func activeSites(for document: Document, using scratch: Scratch) -> Set<String> {
        var active = Set<String>()
        for pack in packs {
            if forcedSites.contains(pack.name) || (document.host.map(pack.covers(host:)) ?? false) {
                active.insert(pack.name)
            } else if let detect = pack.detect {
                let found = document.bytes.withUnsafeBufferPointer {
                    try? detect.firstMatch(in: $0, with: scratch.matchData)
                }
                if found != nil { active.insert(pack.name) }
            }
        }
        return active
    }

    /// Decides every line of `document`.
    public func apply(to document: Document, using scratch: Scratch) -> Decisions {
        var decisions = Decisions(rules: rules, lineCount: document.lines.count)
        guard !document.lines.isEmpty else { return decisions }
        let sites = activeSites(for: document, using: scratch)
        decisions.sites = packs.map(\.name).filter(sites.contains)
        let countRepeats = repeatReaders.contains { rules[$0].site.map(sites.contains) ?? true }
        document.bytes.withUnsafeBufferPointer { buffer in
            // The pass owns the only copy of the features, so updating its regions copies no table.
            var pass = DocumentPass(document: document, buffer: buffer,
                                    features: LineFeatures(document: document, settings: settings, countRepeats: countRepeats),
                                    scratch: scratch, prefilter: prefilter, budget: budget,
                                    allowance: budget.nanoseconds(forDocumentOf: document.bytes.count))
            decisions.shape = pass.features.shape
            decisions.paragraphs = pass.features.paragraphs
            pass.features.updateRegions(decisions)
            prefilter.markLines(of: document, in: buffer, viewed: pass.features.matching, into: scratch)
            for members in order {
                for index in members {
                    let rule = rules[index]
                    if let site = rule.site, !sites.contains(site) { continue }
                    let started = scratch.measuresRules ? SystemClock.monotonic() : 0
                    let hits = pass.evaluate(rule, index: index, decisions: decisions)
                    hits.apply(rule: index, of: rule, document: document, paragraphs: pass.features.paragraphs,
                               to: &decisions)
                    if scratch.measuresRules { scratch.ruleNanoseconds[index] &+= SystemClock.monotonic() &- started }
                }
                decisions.applyCut(lineCount: document.lines.count)
            }
        }
        scratch.joined.release(above: Scratch.retainedBytes)
        prefilter.release(in: scratch, above: Scratch.retainedBytes)
        return decisions
    }
}
