/// Byte edits on one record, applied in a single pass: everything outside
/// the edited ranges is copied as it was. A replacement is bytes, or a
/// writer that streams them (the clean text of a giant document).
///
///     var splice = RecordSplice()
///     splice.replace(5..<12, with: Array(#""clean""#.utf8))
///     splice.replace(40..<90) { out in out.write(Array(#""streamed""#.utf8)) }
///     splice.insert(at: 30, Array(#","winnow":{}"#.utf8))
///     splice.apply(to: line, into: out)
struct RecordSplice {
    private enum Replacement {
        case bytes([UInt8])
        case writer((OutputStream) -> Void)
    }

    private var edits: [(range: Range<Int>, replacement: Replacement)] = []

    mutating func replace(_ range: Range<Int>, with bytes: [UInt8]) { edits.append((range, .bytes(bytes))) }
    mutating func replace(_ range: Range<Int>, writer: @escaping (OutputStream) -> Void) {
        edits.append((range, .writer(writer)))
    }
    mutating func insert(at offset: Int, _ bytes: [UInt8]) { edits.append((offset..<offset, .bytes(bytes))) }
    mutating func insert(at offset: Int, writer: @escaping (OutputStream) -> Void) {
        edits.append((offset..<offset, .writer(writer)))
    }
    mutating func delete(_ range: Range<Int>) { edits.append((range, .bytes([]))) }

    /// Writes the edited bytes to `out`. Edits must not overlap; those at the same offset apply in the order
    /// they were made.
    func apply(to source: UnsafeBufferPointer<UInt8>, into out: OutputStream) {
        let ordered = edits.enumerated().sorted {
            ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
        }
        var position = 0
        for (_, edit) in ordered {
            if edit.range.lowerBound > position {
                out.write(UnsafeBufferPointer(rebasing: source[position..<edit.range.lowerBound]))
            }
            switch edit.replacement {
            case .bytes(let bytes): out.write(bytes)
            case .writer(let write): write(out)
            }
            position = max(position, edit.range.upperBound)
        }
        if position < source.count {
            out.write(UnsafeBufferPointer(rebasing: source[position...]))
        }
    }
}
