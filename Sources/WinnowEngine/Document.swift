/// One document: its bytes, split into lines and blocks.
///
/// A block is a run of non-blank lines; a line of only whitespace (NBSP
/// included) is blank. The bytes are never changed, so any kept line can be
/// written out exactly as it came in.
///
///     let doc = Document(bytes: Array("Title\n\nFirst paragraph.\n".utf8))
///     doc.lines.count     // 3
///     doc.blocks          // [0..<1, 2..<3]
public struct Document: Sendable {
    public private(set) var bytes: [UInt8]
    public private(set) var lines: [Line] = []
    /// Line index ranges of the blocks, in order.
    public private(set) var blocks: [Range<Int>] = []
    /// For each line, the index of its block in `blocks`, or -1 for a blank line.
    public private(set) var blockOfLine: [Int32] = []
    /// A name for messages: the file path, or `<stdin>#N`.
    public var name: String
    /// The host of the page's URL, when known (JSON Lines input); selects site packs.
    public var host: String?

    public init(bytes: [UInt8], name: String = "<stdin>", host: String? = nil) {
        self.bytes = bytes
        self.name = name
        self.host = host
        scan()
    }

    /// The bytes of `range` as a string, for tests and messages (invalid UTF-8 repaired).
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private mutating func scan() {
        var lines: [Line] = []
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var start = 0
            // Old Mac files end lines with a lone CR: with no LF at all, CR is the line terminator.
            let terminator: Int32 = Document.endsLinesWithCR(buffer) ? 0x0D : 0x0A
            // Counted first, so the line table is allocated once at its size.
            lines.reserveCapacity(Document.count(UInt8(terminator), in: buffer) + 1)
            while start < count {
                var newline = start
                if let base = buffer.baseAddress,
                   let hit = memchr(base + start, terminator, count - start) {
                    newline = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                } else {
                    newline = count
                }
                let end = newline < count ? newline + 1 : count
                var contentEnd = newline
                // In LF text only a CR right before the LF belongs to the terminator; a lone CR there is text.
                if terminator == 0x0A, newline < count, contentEnd > start, buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                lines.append(Document.line(buffer, start: start, contentEnd: contentEnd, end: end))
                start = end
            }
        }
        self.lines = lines

        var blocks: [Range<Int>] = []
        var blockOfLine = [Int32](repeating: -1, count: lines.count)
        var open: Int?
        for index in lines.indices {
            if lines[index].isBlank {
                if let first = open { blocks.append(first..<index); open = nil }
            } else {
                if open == nil { open = index }
                blockOfLine[index] = Int32(blocks.count)
            }
        }
        if let first = open { blocks.append(first..<lines.count) }
        self.blocks = blocks
        self.blockOfLine = blockOfLine
    }

    /// The nearest non-blank line before `line`, or -1: found from the blocks,
    /// so the document keeps no table of neighbours.
    public func nonBlank(before line: Int) -> Int {
        let block = Int(blockOfLine[line])
        if block >= 0, line > blocks[block].lowerBound { return line - 1 }
        let previousBlock = block >= 0 ? block - 1 : blocksStarting(before: line) - 1
        return previousBlock >= 0 ? blocks[previousBlock].upperBound - 1 : -1
    }

    /// The nearest non-blank line after `line`, or -1.
    public func nonBlank(after line: Int) -> Int {
        let block = Int(blockOfLine[line])
        if block >= 0, line + 1 < blocks[block].upperBound { return line + 1 }
        let nextBlock = block >= 0 ? block + 1 : blocksStarting(before: line)
        return nextBlock < blocks.count ? blocks[nextBlock].lowerBound : -1
    }

    /// How many blocks start before `line`.
    private func blocksStarting(before line: Int) -> Int {
        var low = 0, high = blocks.count
        while low < high {
            let mid = (low + high) / 2
            if blocks[mid].lowerBound < line { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// How many times `byte` occurs in `buffer`.
    private static func count(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var found = 0, at = 0
        while at < buffer.count, let hit = memchr(base + at, Int32(byte), buffer.count - at) {
            found += 1
            at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return found
    }

    /// Whether the text has CRs and no LF: its lines end with a lone CR.
    private static func endsLinesWithCR(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
        return memchr(base, 0x0A, buffer.count) == nil && memchr(base, 0x0D, buffer.count) != nil
    }

    @inline(__always)
    private static func line(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, contentEnd: Int, end: Int) -> Line {
        var head = start
        while head < contentEnd {
            let width = TextBytes.whitespaceLength(buffer, at: head, end: contentEnd)
            if width == 0 { break }
            head += width
        }
        var tail = contentEnd
        while tail > head {
            let width = TextBytes.whitespaceLength(buffer, endingAt: tail, start: head)
            if width == 0 { break }
            tail -= width
        }
        if head == tail {
            return Line(start: start, contentEnd: contentEnd, end: end, subjectStart: head, subjectEnd: head,
                        hasBullet: false, isBlank: true)
        }
        var hasBullet = false
        let bullet = TextBytes.bulletLength(buffer, at: head, end: tail, indented: head > start)
        if bullet > 0 {
            hasBullet = true
            head += bullet
            while head < tail {
                let width = TextBytes.whitespaceLength(buffer, at: head, end: tail)
                if width == 0 { break }
                head += width
            }
        }
        return Line(start: start, contentEnd: contentEnd, end: end, subjectStart: head, subjectEnd: tail,
                    hasBullet: hasBullet, isBlank: false)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
