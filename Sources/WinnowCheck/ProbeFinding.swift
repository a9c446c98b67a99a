import Foundation

/// What `BacktrackingProbe` saw PCRE2 do on an adversarial line.
struct ProbeFinding: Hashable, Sendable {
    /// How the line was built, e.g. `"by" + " " × 9997 + "!"`.
    var subject: String
    /// Its length in bytes.
    var length: Int
    /// PCRE2 stopped at the probe's match limit.
    var hitLimit: Bool
    /// The fastest of the timed runs, in milliseconds.
    var milliseconds: Double

    var message: String {
        if hitLimit {
            return "hits PCRE2's match limit (\(BacktrackingProbe.matchLimit)) on a \(length)-byte line "
                + "\(subject): catastrophic backtracking; on such a line the rule stops working"
        }
        let shown = milliseconds < 10 ? String(format: "%.1f", milliseconds) : String(Int(milliseconds.rounded()))
        return "takes \(shown) ms on a \(length)-byte line \(subject) (the budget is 1 ms): backtracking grows "
            + "faster than the line"
    }
}
