/// A growable in-memory byte sink.
///
///     var buffer = ByteBuffer()
///     buffer.write(Array("abc".utf8)[...].withUnsafeBufferPointer { $0 })
///     buffer.bytes    // [0x61, 0x62, 0x63]
public struct ByteBuffer: ByteSink, Sendable {
    public var bytes: [UInt8]

    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes.append(contentsOf: bytes)
    }

    /// Empties the buffer, keeping its storage for the next document.
    public mutating func reset() { bytes.removeAll(keepingCapacity: true) }
}
