import WinnowRules

/// The text a block- or document-scope regex sees: the lines' subjects
/// joined by `\n`, with a map back to the document's lines and bytes.
/// When the document already holds that text (a single line, or lines that
/// end in `\n` with nothing trimmed around their subjects, as most do), it is
/// read in place, not copied: a giant block would otherwise be held twice.
struct JoinedSubject {
    private var bytes: [UInt8] = []
    /// The joined text in the document's bytes, when it is read in place.
    private var inPlace: Range<Int>?
    private var firstLine = 0
    private var inPlaceLineCount = 0
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
        if let text = Self.textInPlace(lines, document: document, buffer: buffer, kind: kind) {
            inPlace = text
            inPlaceLineCount = lines.count
            return
        }
        inPlace = nil
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
        if let inPlace { return try body(UnsafeBufferPointer(rebasing: buffer[inPlace])) }
        return try bytes.withUnsafeBufferPointer { (text) throws(E) -> R in try body(text) }
    }

    /// A copy of `range` of the joined text.
    func bytes(_ range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        withText(in: buffer) { Array($0[range]) }
    }

    /// The document line that holds byte `offset` of the joined text (a
    /// joining `\n` belongs to the line before it).
    func line(at offset: Int, in document: Document) -> Int {
        var low = 0, high = lineCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if self.offset(mid, document) <= offset { low = mid } else { high = mid - 1 }
        }
        return firstLine + low
    }

    /// The part of `match` that falls on document line `line`, in document bytes.
    func documentRange(of match: Range<Int>, onLine line: Int, in document: Document) -> Range<Int>? {
        // The joined lines are consecutive document lines, so the entry is found by subtraction.
        guard line - firstLine >= 0, line - firstLine < lineCount else { return nil }
        let offset = self.offset(line - firstLine, document)
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

    private var lineCount: Int {
        if inPlace != nil { return inPlaceLineCount }
        return wideOffsets.isEmpty ? offsets.count : wideOffsets.count
    }

    /// Where joined line `k` starts in the joined text.
    private func offset(_ k: Int, _ document: Document) -> Int {
        if let inPlace { return Self.range(of: document.lines[firstLine + k], kind).lowerBound - inPlace.lowerBound }
        return wideOffsets.isEmpty ? Int(offsets[k]) : wideOffsets[k]
    }

    /// The joined text's place in the document, when each line's subject
    /// follows the one before it after exactly one `\n`.
    private static func textInPlace(_ lines: Range<Int>, document: Document, buffer: UnsafeBufferPointer<UInt8>,
                                    kind: Rule.Subject) -> Range<Int>? {
        var previous = range(of: document.lines[lines.lowerBound], kind)
        let start = previous.lowerBound
        for index in lines.dropFirst() {
            let next = range(of: document.lines[index], kind)
            guard next.lowerBound == previous.upperBound + 1, buffer[previous.upperBound] == 0x0A else { return nil }
            previous = next
        }
        return start..<previous.upperBound
    }

    private static func range(of line: Line, _ kind: Rule.Subject) -> Range<Int> {
        kind == .trimmed ? line.subject : line.content
    }
}
