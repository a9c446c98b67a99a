import WinnowEngine

/// Writes the kept lines of a document as plain text.
///
/// Kept lines come out byte for byte as they came in, terminator included,
/// minus any fragments a strip rule removed. Between blocks there is exactly
/// one blank line; a document's leading and trailing blank lines go.
public struct TextPrinter: Sendable {
    public init() {}

    /// Writes `document`'s kept lines to `out`.
    ///
    /// - Returns: whether the output ended with a line terminator (false
    ///   when nothing was written, or the last kept line had none).
    @discardableResult
    public func write(_ document: Document, _ decisions: Decisions, to out: OutputStream) -> Bool {
        var lastBlock = -1
        var lastTerminator: ArraySlice<UInt8> = [0x0A]
        var endsWithTerminator = false
        var wroteAny = false
        document.bytes.withUnsafeBufferPointer { bytes in
            for (index, line) in document.lines.enumerated() where !line.isBlank && decisions.isKept(index) {
                let block = document.blockOfLine[index]
                if wroteAny, block != lastBlock {
                    if !endsWithTerminator { out.write(lastTerminator) }
                    out.write(lastTerminator)
                }
                if let strips = decisions.strips[index] {
                    Self.writeStripped(bytes, line: line, strips: strips, to: out)
                } else {
                    out.write(UnsafeBufferPointer(rebasing: bytes[line.start..<line.end]))
                }
                if line.isTerminated {
                    lastTerminator = document.bytes[line.contentEnd..<line.end]
                }
                endsWithTerminator = line.isTerminated
                lastBlock = block
                wroteAny = true
            }
        }
        return endsWithTerminator
    }

    /// The line without its stripped fragments (ranges may overlap).
    static func writeStripped(_ bytes: UnsafeBufferPointer<UInt8>, line: Line, strips: [Decisions.Strip],
                              to out: OutputStream) {
        let ranges = strips.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        var position = line.start
        for range in ranges {
            if range.lowerBound > position {
                out.write(UnsafeBufferPointer(rebasing: bytes[position..<range.lowerBound]))
            }
            position = max(position, range.upperBound)
        }
        if position < line.end { out.write(UnsafeBufferPointer(rebasing: bytes[position..<line.end])) }
    }
}
