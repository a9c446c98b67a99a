import WinnowRules

/// The text a block- or document-scope regex sees: the lines' subjects
/// joined by `\n`, with a map back to the document's lines and bytes.
struct JoinedSubject {
    private(set) var bytes: [UInt8] = []
    /// For each joined line: its offset in `bytes`, its document line, and where its subject starts in the document.
    private var starts: [(offset: Int, line: Int, documentStart: Int, length: Int)] = []

    mutating func build(lines: Range<Int>, document: Document, buffer: UnsafeBufferPointer<UInt8>,
                        kind: Rule.Subject) {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        for index in lines {
            let line = document.lines[index]
            let range = kind == .trimmed ? line.subject : line.content
            if index > lines.lowerBound { bytes.append(0x0A) }
            starts.append((bytes.count, index, range.lowerBound, range.count))
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[range]))
        }
    }

    /// The document line that holds byte `offset` of the joined text (a
    /// joining `\n` belongs to the line before it).
    func line(at offset: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid].offset <= offset { low = mid } else { high = mid - 1 }
        }
        return starts[low].line
    }

    /// The part of `match` that falls on document line `line`, in document bytes.
    func documentRange(of match: Range<Int>, onLine line: Int) -> Range<Int>? {
        // The joined lines are consecutive document lines, so the entry is found by subtraction.
        guard let first = starts.first?.line, line - first >= 0, line - first < starts.count else { return nil }
        let entry = starts[line - first]
        let low = max(match.lowerBound, entry.offset), high = min(match.upperBound, entry.offset + entry.length)
        guard low < high else { return nil }
        return (entry.documentStart + low - entry.offset)..<(entry.documentStart + high - entry.offset)
    }
}
