/// A construct in a pattern that can make PCRE2 backtrack far more than the
/// length of the line, found by reading the pattern (`BacktrackingAnalyzer`).
struct BacktrackingRisk: Hashable, Sendable {
    enum Kind: String, Hashable, Sendable {
        /// `(a+)+`, `(\w+\s?)*`: a repeat inside a repeat that can split the same text many ways.
        case nestedQuantifier = "nested quantifiers"
        /// `(a|aa)+`: repeated alternatives that can match the same text.
        case overlappingAlternatives = "overlapping alternatives"
        /// `\s*:?\s+`: two repeats next to each other that can take the same characters.
        case adjacentQuantifiers = "overlapping quantifiers"
    }

    var kind: Kind
    /// Where the construct starts in the pattern, in Unicode scalars.
    var offset: Int
    /// The construct's text, for the message.
    var fragment: String
    /// What goes wrong and how to fix it.
    var advice: String

    var message: String { "\(kind.rawValue) `\(fragment)`: \(advice)" }
}
