#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WinnowEngine

/// Reads a stream in large chunks and hands out one line at a time, for
/// JSON Lines input. Memory stays bounded by the longest line.
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

    public let name: String
    private let descriptor: Int32
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var head = 0
    /// Bytes from `head` up to here hold no newline.
    private var searched = 0
    private var atEOF = false
    private var count = 0

    /// - Parameter chunkSize: bytes asked of each `read(2)`; small values are for tests.
    public init(fileDescriptor: Int32, name: String, chunkSize: Int = 1 << 18) {
        descriptor = fileDescriptor
        self.name = name
        self.chunkSize = max(1, chunkSize)
    }

    /// The next line, or nil at the end of input.
    public func next() throws(ReadError) -> Line? {
        while true {
            if let newline = findNewline() {
                let contentEnd = newline > head && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                let line = Line(bytes: Array(buffer[head..<contentEnd]), terminator: Array(buffer[contentEnd...newline]),
                                number: count + 1)
                count += 1
                head = newline + 1
                searched = head
                return line
            }
            if atEOF {
                guard head < buffer.count else { return nil }
                let line = Line(bytes: Array(buffer[head...]), terminator: [], number: count + 1)
                count += 1
                buffer.removeAll(keepingCapacity: true)
                head = 0
                searched = 0
                return line
            }
            try fill()
        }
    }

    private func findNewline() -> Int? {
        guard searched < buffer.count else { return nil }
        let found: Int? = buffer.withUnsafeBufferPointer { all in
            guard let hit = memchr(all.baseAddress! + searched, 0x0A, all.count - searched) else { return nil }
            return all.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if found == nil { searched = buffer.count }
        return found
    }

    private func fill() throws(ReadError) {
        if head > 0 {
            buffer.removeSubrange(0..<head)
            searched -= head
            head = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        var got = 0
        while true {
            got = buffer.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress! + old, chunkSize) }
            if got >= 0 { break }
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            buffer.removeLast(chunkSize)
            throw ReadError(source: name, reason: reason)
        }
        buffer.removeLast(chunkSize - got)
        if got == 0 { atEOF = true }
    }
}
