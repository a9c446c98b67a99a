/// Byte edits on one record, applied in a single pass: everything outside
/// the edited ranges is copied as it was.
///
///     var splice = RecordSplice()
///     splice.replace(5..<12, with: Array(#""clean""#.utf8))
///     splice.insert(at: 30, Array(#","winnow":{}"#.utf8))
///     splice.apply(to: line, into: &sink)
struct RecordSplice {
    private var edits: [(range: Range<Int>, bytes: [UInt8])] = []

    mutating func replace(_ range: Range<Int>, with bytes: [UInt8]) { edits.append((range, bytes)) }
    mutating func insert(at offset: Int, _ bytes: [UInt8]) { edits.append((offset..<offset, bytes)) }
    mutating func delete(_ range: Range<Int>) { edits.append((range, [])) }

    /// Writes the edited bytes to `out`. Edits must not overlap; those at the same offset apply in the order
    /// they were made.
    func apply<Sink: ByteSink>(to source: UnsafeBufferPointer<UInt8>, into out: inout Sink) {
        let ordered = edits.enumerated().sorted {
            ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
        }
        var position = 0
        for (_, edit) in ordered {
            if edit.range.lowerBound > position {
                out.write(UnsafeBufferPointer(rebasing: source[position..<edit.range.lowerBound]))
            }
            edit.bytes.withUnsafeBufferPointer { out.write($0) }
            position = max(position, edit.range.upperBound)
        }
        if position < source.count {
            out.write(UnsafeBufferPointer(rebasing: source[position...]))
        }
    }
}
