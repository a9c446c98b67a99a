import PCRE2

/// Conditions on context that a line must meet before a rule may act on it,
/// written under `when:` in a rule file. Every condition given must hold.
///
///     when:
///       max-words: 4        # short
///       sentence: false     # does not end like a sentence
///       region: footer      # after the last prose line
///       prev: { prose: true }
///
/// Conditions are checked on each line a rule would act on: the matching
/// line for line scope, each matched line for block and document scope.
public struct LineConditions: @unchecked Sendable {
    public var minChars: Int?
    public var maxChars: Int?
    public var minWords: Int?
    public var maxWords: Int?
    /// The line ends like a sentence: `.`, `!`, `?` or `…`, maybe followed by closing quotes or brackets.
    public var sentence: Bool?
    /// The line starts with a list bullet (`*`, `+`, `-`, `•`…).
    public var bullet: Bool?
    /// The line is prose (see `Region`).
    public var prose: Bool?
    public var regions: Set<Region>?
    /// Among the first N non-blank lines of the document.
    public var firstLines: Int?
    /// Among the last N non-blank lines of the document.
    public var lastLines: Int?
    /// The line's text occurs at least N times in the document.
    public var minRepeats: Int?
    public var minBlockLines: Int?
    public var maxBlockLines: Int?
    /// Part of a run of at least N consecutive non-blank lines that this rule matches.
    public var run: Int?
    /// The line must match this regex too (used inside `prev:` and `next:`).
    public var regex: Pattern?
    /// The line must not match this regex.
    public var unless: Pattern?
    /// One of the `within` non-blank lines before this one matches `regex`
    /// (a "Related" label above a list of teasers, say).
    public var follows: Follows?
    /// At least this fraction of the document's kept prose words come before the line.
    public var proseAbove: Double?
    /// The line is already dropped (or not) by an earlier rule.
    public var dropped: Bool?
    /// At least `fraction` of the `window` non-blank lines on each side are dropped.
    public var droppedNearby: DroppedNearby?
    private var neighbours: [Neighbour: LineConditions] = [:]

    public struct Follows: @unchecked Sendable {
        public var regex: Pattern
        public var within: Int
        public init(regex: Pattern, within: Int) {
            self.regex = regex
            self.within = within
        }
    }

    public struct DroppedNearby: Sendable, Hashable {
        public var window: Int
        public var fraction: Double
        public init(window: Int, fraction: Double) {
            self.window = window
            self.fraction = fraction
        }
    }

    /// Which neighbouring line a nested set of conditions is about.
    public enum Neighbour: Hashable, Sendable, CaseIterable {
        /// The nearest non-blank line before or after.
        case previous, next
        /// The nearest non-blank line before or after that no rule has dropped.
        case previousKept, nextKept
    }

    public init() {}

    /// Conditions on the nearest non-blank line before this one.
    public var previous: LineConditions? {
        get { neighbours[.previous] }
        set { neighbours[.previous] = newValue }
    }

    /// Conditions on the nearest non-blank line after this one.
    public var next: LineConditions? {
        get { neighbours[.next] }
        set { neighbours[.next] = newValue }
    }

    /// Conditions on the nearest non-blank line before this one that no rule has dropped.
    public var previousKept: LineConditions? {
        get { neighbours[.previousKept] }
        set { neighbours[.previousKept] = newValue }
    }

    /// Conditions on the nearest non-blank line after this one that no rule has dropped.
    public var nextKept: LineConditions? {
        get { neighbours[.nextKept] }
        set { neighbours[.nextKept] = newValue }
    }

    /// The conditions set on neighbouring lines, in a fixed order.
    public var neighbourConditions: [(neighbour: Neighbour, conditions: LineConditions)] {
        Neighbour.allCases.compactMap { which in neighbours[which].map { (which, $0) } }
    }

    /// True when no condition is set.
    public var isEmpty: Bool {
        minChars == nil && maxChars == nil && minWords == nil && maxWords == nil && sentence == nil
            && bullet == nil && prose == nil && regions == nil && firstLines == nil && lastLines == nil
            && minRepeats == nil && minBlockLines == nil && maxBlockLines == nil && run == nil
            && regex == nil && unless == nil && dropped == nil && droppedNearby == nil && proseAbove == nil && follows == nil
            && neighbours.isEmpty
    }

    /// Whether checking these conditions needs other rules' verdicts, which
    /// makes the rule a context rule that runs after the content rules.
    public var readsVerdicts: Bool {
        dropped != nil || droppedNearby != nil || neighbours[.previousKept] != nil || neighbours[.nextKept] != nil
            || neighbours.values.contains { $0.readsVerdicts }
    }

    /// Whether checking needs the document's regions or prose positions,
    /// which are computed from the lines still kept when the rule runs.
    public var readsRegions: Bool {
        regions != nil || proseAbove != nil || neighbours.values.contains { $0.readsRegions }
    }

    /// Whether checking needs how often each line repeats in the document.
    public var readsRepeats: Bool {
        minRepeats != nil || neighbours.values.contains { $0.readsRepeats }
    }
}
