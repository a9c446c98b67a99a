import WinnowEngine

/// Writes the kept lines of a document as plain text.
///
/// Kept lines come out byte for byte as they came in, terminator included,
/// minus any fragments a strip rule removed. Between blocks there is exactly
/// one blank line; a document's leading and trailing blank lines go.
///
///     TextPrinter().write(document, decisions, to: OutputStream(fileDescriptor: 1))
///
///     var buffer = ByteBuffer()                  // or render into memory
///     let size = TextPrinter().write(document, decisions, into: &buffer)
///
///     TextPrinter().measure(document, decisions) // or only measure
public struct TextPrinter: Sendable {
    public init() {}

    /// Writes `document`'s kept lines to `out`.
    ///
    /// - Returns: whether the output ended with a line terminator (false
    ///   when nothing was written, or the last kept line had none).
    @discardableResult
    public func write(_ document: Document, _ decisions: Decisions, to out: OutputStream) -> Bool {
        var sink = out
        return write(document, decisions, into: &sink).endsWithTerminator
    }

    /// The size the text output of `document` would have, without writing it.
    public func measure(_ document: Document, _ decisions: Decisions) -> Written {
        var counter = ByteCounter()
        return write(document, decisions, into: &counter)
    }

    /// Writes `document`'s kept lines to any sink, and says how much it wrote.
    @discardableResult
    public func write<Sink: ByteSink>(_ document: Document, _ decisions: Decisions, into out: inout Sink) -> Written {
        var written = Written()
        var lastBlock = -1
        // The terminator of the last line written (`\n` or `\r\n`), reused for the blank line between blocks.
        var lastTerminator: Range<Int>?
        var wroteAny = false
        // Most documents have no strips: skip the per-line dictionary lookup.
        let hasStrips = !decisions.strips.isEmpty
        document.bytes.withUnsafeBufferPointer { bytes in
            func put(_ range: Range<Int>?) {
                if let range {
                    out.write(UnsafeBufferPointer(rebasing: bytes[range]))
                    written.bytes += range.count
                } else {
                    Self.newline.withUnsafeBufferPointer { out.write($0) }
                    written.bytes += 1
                }
            }
            for (index, line) in document.lines.enumerated() where !line.isBlank && decisions.isKept(index) {
                let block = Int(document.blockOfLine[index])
                if wroteAny, block != lastBlock {
                    if !written.endsWithTerminator { put(lastTerminator) }
                    put(lastTerminator)
                    written.lines += 1
                }
                if hasStrips, decisions.strips[index] != nil {
                    written.bytes += Self.writeStripped(bytes, pieces: decisions.pieces(of: index, within: line.start..<line.end),
                                                        to: &out)
                } else {
                    put(line.start..<line.end)
                }
                if line.isTerminated { lastTerminator = line.contentEnd..<line.end }
                written.endsWithTerminator = line.isTerminated
                written.lines += 1
                lastBlock = block
                wroteAny = true
            }
        }
        return written
    }

    private static let newline: [UInt8] = [0x0A]

    /// Writes the line without its stripped fragments; returns the bytes written.
    static func writeStripped<Sink: ByteSink>(_ bytes: UnsafeBufferPointer<UInt8>, pieces: [LinePiece],
                                              to out: inout Sink) -> Int {
        var count = 0
        for case .kept(let range) in pieces {
            out.write(UnsafeBufferPointer(rebasing: bytes[range]))
            count += range.count
        }
        return count
    }
}
