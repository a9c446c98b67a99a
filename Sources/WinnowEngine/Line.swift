/// One line of a document, as byte offsets into the document's buffer.
///
///     start        subjectStart        subjectEnd   contentEnd   end
///     |   *  Home of the brave   |     ...                \r\n   |
///
/// `start..<end` is the line with its terminator, written out as it came in;
/// `subjectStart..<subjectEnd` is what rules see by default: the text without
/// surrounding whitespace (NBSP included) and without one leading list bullet.
///
/// A document holds one of these per line, so it is kept to 16 bytes: the
/// start offset, and one word packing the length with short distances.
public struct Line: Sendable, Hashable {
    public let start: Int
    /// From the low bits up: the length with the terminator (36 bits), the
    /// terminator's length (2), `subjectStart - start` (12),
    /// `contentEnd - subjectEnd` (12), `hasBullet` and `isBlank`.
    private let packed: UInt64

    private static let lengthBits: UInt64 = 36
    private static let lengthMask: UInt64 = (1 << lengthBits) - 1
    private static let terminatorShift: UInt64 = 36
    private static let leadShift: UInt64 = 38
    private static let trailShift: UInt64 = 50
    private static let distanceMask: UInt64 = (1 << 12) - 1
    private static let bulletBit: UInt64 = 1 << 62
    private static let blankBit: UInt64 = 1 << 63

    /// Whitespace (and bullet) runs beyond 4,095 bytes around the subject saturate: the subject
    /// then keeps some of that whitespace. A line passes 64 GiB only in a document no machine holds.
    init(start: Int, contentEnd: Int, end: Int, subjectStart: Int, subjectEnd: Int, hasBullet: Bool, isBlank: Bool) {
        precondition(UInt64(end - start) <= Self.lengthMask, "a line longer than 64 GiB")
        self.start = start
        let lead = UInt64(min(subjectStart - start, Int(Self.distanceMask)))
        let trail = UInt64(min(contentEnd - subjectEnd, Int(Self.distanceMask)))
        packed = UInt64(end - start) | UInt64(end - contentEnd) << Self.terminatorShift
            | lead << Self.leadShift | trail << Self.trailShift
            | (hasBullet ? Self.bulletBit : 0) | (isBlank ? Self.blankBit : 0)
    }

    /// End of the line, after its terminator.
    @inline(__always) public var end: Int { start + Int(packed & Self.lengthMask) }
    /// End of the text, before `\n` or `\r\n`.
    @inline(__always) public var contentEnd: Int { end - Int(packed >> Self.terminatorShift & 3) }
    @inline(__always) public var subjectStart: Int {
        isBlank ? contentEnd : start + Int(packed >> Self.leadShift & Self.distanceMask)
    }
    @inline(__always) public var subjectEnd: Int {
        max(subjectStart, contentEnd - Int(packed >> Self.trailShift & Self.distanceMask))
    }
    /// The line starts with a list bullet such as `*`, `+`, `-` or `•`.
    @inline(__always) public var hasBullet: Bool { packed & Self.bulletBit != 0 }
    /// The line holds only whitespace.
    @inline(__always) public var isBlank: Bool { packed & Self.blankBit != 0 }

    public var content: Range<Int> { start..<contentEnd }
    public var subject: Range<Int> { subjectStart..<subjectEnd }
    /// The line has a terminator (only the last line of a document may lack one).
    public var isTerminated: Bool { packed >> Self.terminatorShift & 3 != 0 }
}
