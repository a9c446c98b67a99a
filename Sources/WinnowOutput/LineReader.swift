import WinnowEngine

/// Hands out one line at a time, for JSON Lines input: a `DocumentReader`
/// whose documents are lines, with the line ending split off. Memory stays
/// bounded by the longest line.
///
///     let reader = LineReader(fileDescriptor: 0, name: "<stdin>")
///     while let line = try reader.next() {
///         // line.bytes without its terminator; line.terminator: "\n", "\r\n" or empty at the end
///     }
public final class LineReader {
    public struct Line: Sendable {
        public var bytes: [UInt8]
        public var terminator: [UInt8]
        /// 1-based line number.
        public var number: Int

        public init(bytes: [UInt8], terminator: [UInt8] = [0x0A], number: Int) {
            self.bytes = bytes
            self.terminator = terminator
            self.number = number
        }
    }

    private let reader: DocumentReader
    public var name: String { reader.name }

    /// - Parameter chunkSize: bytes asked of each `read(2)`; small values are for tests.
    public init(fileDescriptor: Int32, name: String, chunkSize: Int = 1 << 18) {
        reader = DocumentReader(fileDescriptor: fileDescriptor, name: name, separator: .lineFeed, chunkSize: chunkSize)
    }

    /// The next line, or nil at the end of input.
    public func next() throws(ReadError) -> Line? {
        guard var raw = try reader.next() else { return nil }
        var terminator = raw.separator
        if !terminator.isEmpty, raw.bytes.last == 0x0D {
            raw.bytes.removeLast()
            terminator.insert(0x0D, at: 0)
        }
        return Line(bytes: raw.bytes, terminator: terminator, number: raw.index)
    }
}
