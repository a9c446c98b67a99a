import WinnowRules

/// The text a block- or document-scope regex sees: the lines' subjects
/// joined by `\n`, with a map back to the document's lines and bytes.
/// A single line is its own subject, so it is read in place, not copied.
struct JoinedSubject {
    private var bytes: [UInt8] = []
    /// The one line's subject in the document's bytes, when a single line is joined.
    private var single: Range<Int>?
    private var firstLine = 0
    private var kind = Rule.Subject.trimmed
    /// For each joined line, where it starts in the joined text: 32 bits, or
    /// `wideOffsets` when the joined text passes 4 GiB.
    private var offsets: [UInt32] = []
    private var wideOffsets: [Int] = []

    mutating func build(lines: Range<Int>, document: Document, buffer: UnsafeBufferPointer<UInt8>,
                        kind: Rule.Subject) {
        bytes.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        wideOffsets = []
        firstLine = lines.lowerBound
        self.kind = kind
        if lines.count == 1 {
            single = Self.range(of: document.lines[lines.lowerBound], kind)
            offsets.append(0)
            return
        }
        single = nil
        // Sized first: growing by doubling would briefly hold the text two and a half times.
        let total = lines.reduce(lines.count - 1) { $0 + Self.range(of: document.lines[$1], kind).count }
        if bytes.capacity < total { bytes.reserveCapacity(total) }
        let wide = total > Int(UInt32.max)
        if wide { wideOffsets.reserveCapacity(lines.count) } else { offsets.reserveCapacity(lines.count) }
        for index in lines {
            let range = Self.range(of: document.lines[index], kind)
            if index > lines.lowerBound { bytes.append(0x0A) }
            if wide { wideOffsets.append(bytes.count) } else { offsets.append(UInt32(bytes.count)) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[range]))
        }
    }

    /// Calls `body` with the joined text.
    func withText<R, E: Error>(in buffer: UnsafeBufferPointer<UInt8>,
                               _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        if let single { return try body(UnsafeBufferPointer(rebasing: buffer[single])) }
        return try bytes.withUnsafeBufferPointer { (text) throws(E) -> R in try body(text) }
    }

    /// A copy of `range` of the joined text.
    func bytes(_ range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        withText(in: buffer) { Array($0[range]) }
    }

    /// The document line that holds byte `offset` of the joined text (a
    /// joining `\n` belongs to the line before it).
    func line(at offset: Int) -> Int {
        var low = 0, high = lineCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if self.offset(mid) <= offset { low = mid } else { high = mid - 1 }
        }
        return firstLine + low
    }

    /// The part of `match` that falls on document line `line`, in document bytes.
    func documentRange(of match: Range<Int>, onLine line: Int, in document: Document) -> Range<Int>? {
        // The joined lines are consecutive document lines, so the entry is found by subtraction.
        guard line - firstLine >= 0, line - firstLine < lineCount else { return nil }
        let offset = self.offset(line - firstLine)
        let range = Self.range(of: document.lines[line], kind)
        let low = max(match.lowerBound, offset), high = min(match.upperBound, offset + range.count)
        guard low < high else { return nil }
        return (range.lowerBound + low - offset)..<(range.lowerBound + high - offset)
    }

    /// Lets storage a giant document needed go, keeping what ordinary ones reuse.
    mutating func release(above bytes: Int) {
        if self.bytes.capacity > bytes { self.bytes = [] }
        if offsets.capacity * MemoryLayout<UInt32>.stride > bytes { offsets = [] }
        wideOffsets = []
    }

    private var lineCount: Int { wideOffsets.isEmpty ? offsets.count : wideOffsets.count }

    /// Where joined line `k` starts in the joined text.
    private func offset(_ k: Int) -> Int { wideOffsets.isEmpty ? Int(offsets[k]) : wideOffsets[k] }

    private static func range(of line: Line, _ kind: Rule.Subject) -> Range<Int> {
        kind == .trimmed ? line.subject : line.content
    }
}
