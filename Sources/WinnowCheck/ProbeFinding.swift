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
    /// The same for the line with half as many repetitions, when the line was slow.
    var halfLengthMilliseconds: Double? = nil

    var message: String {
        if hitLimit {
            return "hits the probe's match limit (\(BacktrackingProbe.matchLimit), a tenth of winnow's) on a "
                + "\(length)-byte line \(subject)"
        }
        var growth = ""
        if let half = halfLengthMilliseconds, half > 0 {
            // Linear work doubles with the line; quadratic backtracking quadruples.
            let kind = milliseconds / half >= 3 ? "it grows with the square of the line" : "it grows in proportion"
            growth = "; \(Self.shown(half)) ms at half the length: \(kind)"
        }
        return "takes \(Self.shown(milliseconds)) ms on a \(length)-byte line \(subject), over the 1 ms budget\(growth)"
    }

    private static func shown(_ milliseconds: Double) -> String {
        milliseconds < 10 ? String(format: "%.1f", milliseconds) : String(Int(milliseconds.rounded()))
    }
}
