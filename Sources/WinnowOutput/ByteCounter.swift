/// A sink that only counts what is written to it, for measuring output
/// without producing it.
///
///     var counter = ByteCounter()
///     let written = TextPrinter().write(document, decisions, into: &counter)
///     counter.count == written.bytes   // true
public struct ByteCounter: ByteSink, Sendable {
    public private(set) var count = 0

    public init() {}

    @inline(__always)
    public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) { count += bytes.count }
}
