/// What a rule does to the text it matches.
public enum RuleAction: String, Sendable, Hashable, CaseIterable {
    /// Remove the matched lines.
    case drop
    /// Remove every line of the block (run of non-blank lines) that holds the match.
    case dropBlock = "drop-block"
    /// Remove only the matched text from inside its line; a line left blank goes.
    case strip
    /// Remove the matching line and the rest of the document after it.
    case cut
    /// Protect the matched lines from every other rule.
    case keep
    /// Remove the matched lines and record their named groups as document metadata.
    case extract

    /// Whether the action removes whole lines.
    public var removesLines: Bool { self != .keep && self != .strip }
}
