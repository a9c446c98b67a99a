#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a stream in large chunks and hands out one document at a time, so
/// memory stays bounded by the largest document, not by the stream.
///
///     let reader = DocumentReader(fileDescriptor: 0, name: "<stdin>", separator: .formFeedLine)
///     while let raw = try reader.next() {
///         // raw.bytes: the document; raw.separator: the bytes that ended it
///     }
public final class DocumentReader {
    /// One document as read, and the separator bytes that followed it
    /// (empty for the last document when the input did not end with one).
    public struct RawDocument: Sendable {
        public var bytes: [UInt8]
        public var separator: [UInt8]
        /// 1-based position of the document in its stream.
        public var index: Int
    }

    public let name: String
    private let descriptor: Int32
    private let separator: DocumentSeparator
    private let chunkSize: Int
    /// Bytes read; those before `head` are already handed out.
    private var buffer: [UInt8] = []
    private var head = 0
    /// Bytes from `head` up to here are known to hold no separator.
    private var searched = 0
    private var atEOF = false
    private var count = 0

    /// - Parameter chunkSize: bytes asked of each `read(2)`; small values are for tests.
    public init(fileDescriptor: Int32, name: String, separator: DocumentSeparator, chunkSize: Int = 1 << 18) {
        self.descriptor = fileDescriptor
        self.name = name
        self.separator = separator
        self.chunkSize = max(1, chunkSize)
    }

    /// The next document, or nil at the end of input.
    public func next() throws(ReadError) -> RawDocument? {
        while true {
            if let (start, end) = findSeparator() {
                let separatorBytes = Array(buffer[start..<end])
                count += 1
                return RawDocument(bytes: handOut(upTo: start, resumingAt: end), separator: separatorBytes, index: count)
            }
            if atEOF {
                // With no separator the input is exactly one document, even when empty (an empty file).
                guard head < buffer.count || (separator == .none && count == 0) else { return nil }
                count += 1
                return RawDocument(bytes: handOut(upTo: buffer.count, resumingAt: buffer.count), separator: [],
                                   index: count)
            }
            try fill()
        }
    }

    /// Hands out `buffer[head..<start]` and goes on from `end`. A big document
    /// that starts the buffer takes the buffer's storage with it instead of a
    /// copy, so reading one never holds it twice.
    private func handOut(upTo start: Int, resumingAt end: Int) -> [UInt8] {
        let document: [UInt8]
        if head == 0, start >= chunkSize {
            let rest = Array(buffer[end...])
            buffer.removeSubrange(start...)
            document = buffer
            buffer = rest
            head = 0
        } else {
            document = Array(buffer[head..<start])
            head = end
        }
        searched = head
        if head == buffer.count {
            // Nothing is left: start afresh, and let a giant document's storage go.
            buffer.removeAll(keepingCapacity: buffer.capacity <= 4 * chunkSize)
            head = 0
            searched = 0
        }
        return document
    }

    private func fill() throws(ReadError) {
        // Drop what was handed out before growing, so the buffer never holds more than one document and a chunk.
        if head > 0 {
            buffer.removeSubrange(0..<head)
            searched -= head
            head = 0
        }
        let old = buffer.count
        if buffer.capacity < old + chunkSize {
            // Grow by a quarter rather than doubling: a document taking this storage wastes little of it.
            var wanted = old + max(chunkSize, old / 4)
            // Growing copies, and the copy briefly holds the document twice. A big document in a
            // regular file gets room for the rest of the file at once (storage not yet written
            // costs no memory), up to half the machine's memory.
            if old >= 4 * chunkSize, let rest = bytesLeftInRegularFile() {
                wanted = max(wanted, old + min(rest, Self.physicalMemory / 2) + chunkSize)
            }
            buffer.reserveCapacity(wanted)
        }
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        var got = 0
        while true {
            got = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress! + old, chunkSize)
            }
            if got >= 0 { break }
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            buffer.removeLast(chunkSize)
            throw ReadError(source: name, reason: reason)
        }
        buffer.removeLast(chunkSize - got)
        if got == 0 { atEOF = true }
    }

    /// Bytes from the read offset to the end of the input, when it is a regular file.
    private func bytesLeftInRegularFile() -> Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let offset = lseek(descriptor, 0, SEEK_CUR)
        guard offset >= 0, Int(status.st_size) > Int(offset) else { return nil }
        return Int(status.st_size) - Int(offset)
    }

    private static let physicalMemory = max(0, sysconf(Int32(_SC_PHYS_PAGES))) &* max(0, sysconf(Int32(_SC_PAGESIZE)))

    /// The index of the first `byte` in `buffer[from...]`, found with memchr.
    private func find(_ byte: UInt8, from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { all in
            guard let hit = memchr(all.baseAddress! + from, Int32(byte), all.count - from) else { return nil }
            return all.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The byte range of the first separator after `head`, if one is certain.
    private func findSeparator() -> (Int, Int)? {
        switch separator {
        case .none:
            return nil
        case .nul, .lineFeed:
            guard let at = find(separator == .nul ? 0 : 0x0A, from: searched) else {
                searched = buffer.count
                return nil
            }
            return (at, at + 1)
        case .formFeedLine:
            var i = searched
            while let at = find(0x0C, from: i) {
                if at == head || buffer[at - 1] == 0x0A {
                    // Decide only when the bytes after it are here (or the input has ended).
                    if at + 1 == buffer.count {
                        if atEOF { return (at, at + 1) }
                        searched = at
                        return nil
                    }
                    if buffer[at + 1] == 0x0A { return (at, at + 2) }
                    if buffer[at + 1] == 0x0D {
                        if at + 2 == buffer.count {
                            if atEOF { return (at, at + 2) }
                            searched = at
                            return nil
                        }
                        if buffer[at + 2] == 0x0A { return (at, at + 3) }
                    }
                }
                i = at + 1
            }
            searched = buffer.count
            return nil
        }
    }
}
