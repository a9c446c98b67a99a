import PCRE2

/// One condition under `when:`: a test on a line, in the context of its document.
///
/// Each kind of condition is one type with a `ConditionDefinition` (its
/// YAML key, value and parser); `ConditionTable` lists them all.
///
///     struct MaxWords: LineCondition {
///         let limit: Int
///         var reads: ConditionInputs { .features }
///         func holds(_ line: Int, in context: some LineContext) -> Bool { context.words(line) <= limit }
///     }
public protocol LineCondition: Sendable {
    /// What evaluation reads.
    var reads: ConditionInputs { get }
    /// The regexes the condition runs, for the linter.
    var patterns: [ConditionPattern] { get }
    /// The condition as it would be written in a rule file (`max-words: 4`).
    var written: String { get }
    /// Whether the condition holds for `line`.
    func holds(_ line: Int, in context: some LineContext) -> Bool
}

extension LineCondition {
    public var patterns: [ConditionPattern] { [] }
}

/// A regex held by a condition, with the key it was written under and where.
public struct ConditionPattern: Sendable {
    /// The YAML key the regex sits under: `unless`, `regex` (in a neighbour), `follows`.
    public var key: String
    public var pattern: Pattern
    /// Where each part of the pattern was written, for diagnostics at the right column.
    public var origin: PatternOrigin

    public init(key: String, pattern: Pattern, origin: PatternOrigin) {
        self.key = key
        self.pattern = pattern
        self.origin = origin
    }
}
