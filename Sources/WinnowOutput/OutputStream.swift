#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered byte sink over a file descriptor, or in memory.
///
/// Printers append bytes; the filter calls `flush()` after each document so
/// output flows while input is still arriving.
///
///     let memory = OutputStream()            // collects into `collected`
///     TextPrinter().write(doc, decisions, to: memory)
///     memory.flush()
///     String(decoding: memory.collected, as: UTF8.self)
public final class OutputStream {
    /// The file descriptor written to, or nil for an in-memory stream.
    private let descriptor: Int32?
    /// Everything flushed so far, for an in-memory stream.
    public private(set) var collected: [UInt8] = []
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Set when a write failed (for example a closed pipe); later writes are dropped.
    public private(set) var failure: String?

    public init(fileDescriptor: Int32, capacity: Int = 1 << 16) {
        self.descriptor = fileDescriptor
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// An in-memory stream: flushed bytes go to `collected`.
    public init() {
        descriptor = nil
        capacity = 1 << 16
    }

    deinit { flush() }

    @inline(__always)
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        // A piece as big as the buffer goes straight out, so a giant line is never copied whole.
        if bytes.count >= capacity {
            flush()
            send(UnsafeRawBufferPointer(bytes))
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { flush() }
    }

    @inline(__always)
    public func write(_ bytes: ArraySlice<UInt8>) {
        if bytes.count >= capacity {
            bytes.withUnsafeBufferPointer { write($0) }
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { flush() }
    }

    public func write(_ bytes: [UInt8]) { write(bytes[...]) }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    @inline(__always)
    public func write(byte: UInt8) {
        buffer.append(byte)
        if buffer.count >= capacity { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        buffer.withUnsafeBytes { send($0) }
    }

    /// Writes `raw` to the descriptor (or `collected`), all of it unless a write fails.
    private func send(_ raw: UnsafeRawBufferPointer) {
        guard failure == nil, raw.count > 0 else { return }
        guard let descriptor else {
            collected.append(contentsOf: raw)
            return
        }
        var offset = 0
        while offset < raw.count {
            let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            offset += written
        }
    }
}
