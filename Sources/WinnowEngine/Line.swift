/// One line of a document, as byte offsets into the document's buffer.
///
///     start        subjectStart        subjectEnd   contentEnd   end
///     |   *  Home of the brave   |     ...                \r\n   |
///
/// `start..<end` is the line with its terminator, written out as it came in;
/// `subjectStart..<subjectEnd` is what rules see by default: the text without
/// surrounding whitespace (NBSP included) and without one leading list bullet.
///
/// A document holds one of these per line, so it is kept to 24 bytes: two
/// offsets, and the rest packed into two words as distances from them.
public struct Line: Sendable, Hashable {
    public let start: Int
    /// End of the line, after its terminator.
    public let end: Int
    /// `subjectStart - start` in the low 30 bits, the terminator's length above.
    private let head: UInt32
    /// `contentEnd - subjectEnd` in the low 30 bits, `hasBullet` and `isBlank` above.
    private let tail: UInt32

    private static let distanceMask: UInt32 = (1 << 30) - 1
    private static let bulletBit: UInt32 = 1 << 30
    private static let blankBit: UInt32 = 1 << 31

    /// Whitespace runs beyond 1 GiB saturate: the subject then keeps some of that whitespace.
    init(start: Int, contentEnd: Int, end: Int, subjectStart: Int, subjectEnd: Int, hasBullet: Bool, isBlank: Bool) {
        self.start = start
        self.end = end
        let lead = UInt32(min(subjectStart - start, Int(Self.distanceMask)))
        let trail = UInt32(min(contentEnd - subjectEnd, Int(Self.distanceMask)))
        head = lead | UInt32(end - contentEnd) << 30
        tail = trail | (hasBullet ? Self.bulletBit : 0) | (isBlank ? Self.blankBit : 0)
    }

    /// End of the text, before `\n` or `\r\n`.
    @inline(__always) public var contentEnd: Int { end - Int(head >> 30) }
    @inline(__always) public var subjectStart: Int { start + Int(head & Self.distanceMask) }
    @inline(__always) public var subjectEnd: Int { max(subjectStart, contentEnd - Int(tail & Self.distanceMask)) }
    /// The line starts with a list bullet such as `*`, `+`, `-` or `•`.
    @inline(__always) public var hasBullet: Bool { tail & Self.bulletBit != 0 }
    /// The line holds only whitespace.
    @inline(__always) public var isBlank: Bool { tail & Self.blankBit != 0 }

    public var content: Range<Int> { start..<contentEnd }
    public var subject: Range<Int> { subjectStart..<subjectEnd }
    /// The line has a terminator (only the last line of a document may lack one).
    public var isTerminated: Bool { head >> 30 != 0 }
}
