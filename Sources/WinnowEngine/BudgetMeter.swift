import WinnowRules

/// Keeps one rule's evaluation on one document within its `RuleBudget`:
/// asked after each line (or block) the rule's regex ran on, it says when
/// the rule must stop, and why.
struct BudgetMeter {
    let budget: RuleBudget
    let started: UInt64
    let deadline: UInt64
    let scratch: Scratch
    private var calls = 0
    private var limitHitsSeen = 0
    private(set) var suspension: (line: Int, reason: Decisions.Suspension.Reason)?

    init(budget: RuleBudget, started: UInt64, allowance: UInt64, scratch: Scratch) {
        self.budget = budget
        self.started = started
        deadline = started.addingReportingOverflow(allowance).overflow ? .max : started &+ allowance
        self.scratch = scratch
    }

    /// Whether the rule has used up its budget at `line`. The clock is read
    /// on every 16th call, after a limit hit, or when `clock` is true: often
    /// enough to stop a slow pattern early, rarely enough to cost nothing.
    mutating func isSpent(_ hits: Hits, at line: Int, clock: Bool = false) -> Bool {
        let limitHits = hits.limitHits.count + scratch.conditionLimitHits.count
        if limitHits >= budget.limitHits {
            suspension = (line, .limitHits(limitHits))
            return true
        }
        calls &+= 1
        guard clock || calls & 15 == 0 || limitHits > limitHitsSeen else { return false }
        limitHitsSeen = limitHits
        let now = MonotonicClock.now()
        guard now > deadline else { return false }
        suspension = (line, .time(nanoseconds: now &- started))
        return true
    }
}
