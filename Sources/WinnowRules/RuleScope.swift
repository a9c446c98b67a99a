/// What text a rule's regex is tested on.
public enum RuleScope: String, Sendable, Hashable, CaseIterable {
    /// Each line on its own.
    case line
    /// Each block: its lines joined by `\n`, so `^` and `$` match at every line.
    case block
    /// The whole document, lines joined by `\n` (blank lines included as empty lines).
    case document
}
