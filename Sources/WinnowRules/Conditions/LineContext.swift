import PCRE2

/// What a condition may ask about the document being filtered. The engine
/// provides it; conditions see lines only by index.
///
///     func holds(_ line: Int, in context: some LineContext) -> Bool {
///         context.words(line) <= limit
///     }
///
/// Neighbour indexes are -1 when there is no such line.
public protocol LineContext {
    /// Unicode scalars in the line's trimmed subject.
    func chars(_ line: Int) -> Int
    /// Words in the line (tokens with a letter or digit; each CJK character counts).
    func words(_ line: Int) -> Int
    /// The line ends like a sentence: `.`, `!`, `?` or `…`, maybe before closing quotes or brackets.
    func endsLikeSentence(_ line: Int) -> Bool
    /// The line is prose: a sentence with at least `prose-min-words` words.
    func isProse(_ line: Int) -> Bool
    /// The line continues a hard-wrapped paragraph (it is not the paragraph's first line).
    func continuesParagraph(_ line: Int) -> Bool
    /// How the whole document is laid out.
    var shape: TextShape { get }
    /// The line starts with a list bullet.
    func hasBullet(_ line: Int) -> Bool
    /// The share of the line's non-space bytes inside Markdown links and images, from 0 to 1.
    func linkDensity(_ line: Int) -> Double
    /// The line's position among the non-blank lines, from 0 at the top.
    func ordinal(_ line: Int) -> Int
    /// The line's position among the non-blank lines, from 0 at the bottom.
    func ordinalFromEnd(_ line: Int) -> Int
    /// Non-blank lines in the line's block (0 for a blank line).
    func blockSize(_ line: Int) -> Int
    /// How many lines of the document have the same subject (0 when not counted).
    func repeats(_ line: Int) -> Int
    /// How many lines of the document have the same shape (see `same-shape`; 0 when not counted).
    func shapeRepeats(_ line: Int) -> Int
    /// Where the line sits, from the prose still kept.
    func region(_ line: Int) -> Region
    /// The fraction of the document's kept prose words that come before the line.
    func proseFractionBefore(_ line: Int) -> Double
    /// Non-blank lines between the line and the body, counting the line (0 inside the body or
    /// when the document has none).
    func bodyDistance(_ line: Int) -> Int
    /// The document's kept prose words that come before the line.
    func proseWordsBefore(_ line: Int) -> Int
    /// Whether an earlier rule dropped the line.
    func isDropped(_ line: Int) -> Bool
    /// The nearest non-blank line before `line`, or -1.
    func previous(_ line: Int) -> Int
    /// The nearest non-blank line after `line`, or -1.
    func next(_ line: Int) -> Int
    /// Whether `pattern` matches the line's subject (as the rule presents it);
    /// nil when a PCRE2 limit stopped the match, which the context records.
    func matches(_ pattern: Pattern, line: Int) -> Bool?
}
