import PCRE2

/// The mutable memory one thread needs to filter documents: PCRE2 match
/// data, the buffer block-scope rules match against, the prefilter's
/// candidate lines for the current document, and the per-rule
/// timings `--stats` reports. A `RuleProgram` is shared; a scratch is not.
///
///     let program = RuleProgram(ruleSet: rules)
///     let scratch = Scratch(program: program)      // one per thread
///     let decisions = program.apply(to: document, using: scratch)
public final class Scratch {
    let matchData: MatchData
    var joined = JoinedSubject()
    /// The `Prefilter` marks of the line being scanned: which rules may match it.
    var lineMarks: [UInt64] = []
    /// The same marks by rule: for each prefilter slot, the lines it may match, in order.
    var linesBySlot: [[Int32]] = []
    /// Lines where a condition's regex hit a PCRE2 limit, collected during one rule's evaluation.
    var conditionLimitHits: [(line: Int, message: String)] = []
    /// When true, `ruleNanoseconds` accumulates the time each rule takes.
    public var measuresRules = false
    /// Time spent in each rule so far, by rule index, when `measuresRules` is on.
    public internal(set) var ruleNanoseconds: [UInt64]

    /// Storage a buffer keeps from one document to the next; a giant document's is let go.
    static let retainedBytes = 1 << 22

    public init(program: RuleProgram, limits: MatchLimits = .default) {
        matchData = MatchData(limits: limits)
        ruleNanoseconds = .init(repeating: 0, count: program.rules.count)
    }
}
