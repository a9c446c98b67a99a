/// How much one rule may cost on one document before winnow suspends it
/// for the rest of that document. A suspended rule is treated as not
/// matching: the lines it would have looked at are kept (fail open), and
/// one warning names it.
///
/// Set under `settings:` in a rule file, or with `--rule-limit-hits` and
/// `--rule-time` on the command line:
///
///     settings:
///       rule-limit-hits: 3        # suspend after PCRE2 stops the rule on 3 lines
///       rule-time-ms: 100         # …or once it has run 100 ms on the document,
///       rule-time-ms-per-mb: 250  #    plus 250 ms for each MB of the document
///
/// Limit hits are counted exactly, so that part of the budget is
/// deterministic. The time part (the thread's CPU time) depends on the machine; it exists for a
/// pattern that stays just under PCRE2's limits on every line, and is far
/// above what any ordinary rule takes (tens of microseconds a page).
public struct RuleBudget: Sendable, Hashable {
    /// Lines of one document on which PCRE2 may stop the rule at a resource limit.
    public var limitHits = 3
    /// Time the rule may take on any document, in milliseconds.
    public var milliseconds = 100
    /// Time the rule may take for each MB (10⁶ bytes) of a document, on top of `milliseconds`.
    public var millisecondsPerMB = 250

    public init() {}

    /// The time the rule may take on a document of `bytes` bytes.
    public func nanoseconds(forDocumentOf bytes: Int) -> UInt64 {
        let fixed = UInt64(max(0, milliseconds)).multipliedReportingOverflow(by: 1_000_000)
        // Milliseconds per MB are nanoseconds per byte.
        let scaled = UInt64(max(0, millisecondsPerMB)).multipliedReportingOverflow(by: UInt64(max(0, bytes)))
        let sum = fixed.partialValue.addingReportingOverflow(scaled.partialValue)
        return fixed.overflow || scaled.overflow || sum.overflow ? .max : sum.partialValue
    }
}
