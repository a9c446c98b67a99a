import WinnowRules

/// Keeps one rule's evaluation on one document within its `RuleBudget`:
/// asked after each line (or block) the rule's regex ran on, it says when
/// the rule must stop, and why.
///
/// Time is the thread's CPU time, checked on every 16th call and after each
/// limit hit, and counted from the first check: a rule that runs on a few
/// lines never reads a clock at all. A check reads the wall clock first,
/// which costs no system call, and the CPU clock, which does, only once the
/// wall time alone is over the allowance: CPU time never runs ahead of it.
struct BudgetMeter {
    let budget: RuleBudget
    let allowance: UInt64
    let scratch: Scratch
    /// The CPU and wall clocks at the first check.
    private var started: (cpu: UInt64, wall: UInt64)?
    private var calls = 0
    private var limitHitsSeen = 0
    private(set) var suspension: (line: Int, reason: Decisions.Suspension.Reason)?

    init(budget: RuleBudget, allowance: UInt64, scratch: Scratch) {
        self.budget = budget
        self.allowance = allowance
        self.scratch = scratch
    }

    /// Whether the rule has used up its budget at `line`; `clock` reads the
    /// clock whatever the count (once per block of a block-scope rule).
    mutating func isSpent(_ hits: Hits, at line: Int, clock: Bool = false) -> Bool {
        let limitHits = hits.limitHits.count + scratch.conditionLimitHits.count
        if limitHits >= budget.limitHits {
            suspension = (line, .limitHits(limitHits))
            return true
        }
        calls &+= 1
        guard clock || calls & 15 == 0 || limitHits > limitHitsSeen else { return false }
        limitHitsSeen = limitHits
        guard let started else {
            started = (SystemClock.threadCPU(), SystemClock.monotonic())
            return false
        }
        guard SystemClock.monotonic() &- started.wall > allowance else { return false }
        let spent = SystemClock.threadCPU() &- started.cpu
        guard spent > allowance else { return false }
        suspension = (line, .time(nanoseconds: spent))
        return true
    }
}
