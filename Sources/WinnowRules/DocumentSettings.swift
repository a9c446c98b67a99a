/// Document-wide thresholds: the ones that define the line features
/// conditions read, and each rule's `RuleBudget`.
///
/// Set in a rule file under `settings:`; two files may not set the same key
/// to different values.
///
///     settings:
///       prose-min-words: 10     # a sentence of 10+ words is prose
///       short-line-penalty: 4   # what a menu-like line costs the body
public struct DocumentSettings: Sendable, Hashable {
    /// How many words a sentence-like line needs to count as prose.
    public var proseMinWords = 10
    /// A line this long counts for the body at half weight even without a
    /// sentence ending (paragraphs some renderers cut, list items).
    public var longLineWords = 12
    /// A line with at most this many words is short (menu-like).
    public var shortLineWords = 3
    /// What a line that is neither prose, long nor short costs the body.
    public var linePenalty = 1
    /// What a short line, or a line a rule dropped, costs the body.
    public var shortLinePenalty = 4
    /// What a line of code or data (a digit first, or brackets, `;`, `=`…)
    /// costs the body: listings and tables sit inside articles, menus don't.
    public var symbolLinePenalty = 1
    /// Short sentences (not prose) this many in a row, lines or wrapped
    /// paragraphs, with only prose between them, cost the body nothing: an
    /// article told in short lines, not a menu's descriptions or a footer's
    /// asides, which come one or two at a time.
    public var sentenceRunLines = 3
    /// The fewest words a line of such a run needs to cost nothing.
    public var sentenceRunWords = 3
    /// What one rule may cost on one document before it is suspended for the rest of it.
    public var budget = RuleBudget()

    public init() {}

    /// The keys a `settings:` mapping may set, with how to apply each.
    public static let keys: [String: WritableKeyPath<DocumentSettings, Int> & Sendable] = [
        "prose-min-words": \.proseMinWords,
        "long-line-words": \.longLineWords,
        "short-line-words": \.shortLineWords,
        "line-penalty": \.linePenalty,
        "short-line-penalty": \.shortLinePenalty,
        "symbol-line-penalty": \.symbolLinePenalty,
        "sentence-run-lines": \.sentenceRunLines,
        "sentence-run-words": \.sentenceRunWords,
        "rule-limit-hits": \.budget.limitHits,
        "rule-time-ms": \.budget.milliseconds,
        "rule-time-ms-per-mb": \.budget.millisecondsPerMB,
    ]
}
