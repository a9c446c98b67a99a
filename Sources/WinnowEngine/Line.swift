/// One line of a document, as byte offsets into the document's buffer.
///
///     start        subjectStart        subjectEnd   contentEnd   end
///     |   *  Home of the brave   |     ...                \r\n   |
///
/// `start..<end` is the line with its terminator, written out as it came in;
/// `subjectStart..<subjectEnd` is what rules see by default: the text without
/// surrounding whitespace (NBSP included) and without one leading list bullet.
public struct Line: Sendable, Hashable {
    public var start: Int
    /// End of the text, before `\n` or `\r\n`.
    public var contentEnd: Int
    /// End of the line, after its terminator.
    public var end: Int
    public var subjectStart: Int
    public var subjectEnd: Int
    /// The line starts with a list bullet such as `*`, `+`, `-` or `•`.
    public var hasBullet: Bool
    /// The line holds only whitespace.
    public var isBlank: Bool

    public var content: Range<Int> { start..<contentEnd }
    public var subject: Range<Int> { subjectStart..<subjectEnd }
    /// The line has a terminator (only the last line of a document may lack one).
    public var isTerminated: Bool { end > contentEnd }
}
