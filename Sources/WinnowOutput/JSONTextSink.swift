import FoundationEssentials

/// Writes text straight into a JSON string on an `OutputStream`, escaped,
/// a slice at a time, so a giant document's text is never held twice.
///
///     out.write(byte: UInt8(ascii: "\""))
///     var sink = JSONTextSink(out: out)
///     TextPrinter().write(document, decisions, into: &sink)
///     sink.finish()
///     out.write(byte: UInt8(ascii: "\""))
///     sink.isValidUTF8   // false: the exact bytes are still to go out as base64
///
/// A piece of text is cut into slices only at UTF-8 character boundaries, so
/// escaping a slice gives the same bytes as escaping the whole.
public struct JSONTextSink: ByteSink {
    private let out: OutputStream
    private var json = JSONWriter(capacity: Self.slice + 16)
    /// Whether every byte written so far was valid UTF-8.
    public private(set) var isValidUTF8 = true
    static let slice = 1 << 16

    public init(out: OutputStream) { self.out = out }

    public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + Self.slice)
            if end < bytes.count {
                // Back up over continuation bytes (at most three) to the start of a character.
                var lead = end
                while lead > start, end - lead < 3, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                if lead > start, bytes[lead] & 0xC0 != 0x80 { end = lead }
            }
            if !json.appendEscaped(UnsafeBufferPointer(rebasing: bytes[start..<end])) { isValidUTF8 = false }
            if json.bytes.count >= Self.slice { drain() }
            start = end
        }
    }

    /// Writes out what is still buffered.
    public mutating func finish() { drain() }

    private mutating func drain() {
        out.write(json.bytes)
        json.reset()
    }
}

/// Writes bytes to an `OutputStream` as standard base64 with padding, a
/// slice at a time: the counterpart of `JSONTextSink` for text that is not
/// valid UTF-8.
public struct Base64Sink: ByteSink {
    private let out: OutputStream
    /// Up to two bytes waiting for a third.
    private var carry: [UInt8] = []
    /// Bytes encoded at a time: a multiple of 3, so only the last group pads.
    private static let slice = 3 << 14

    public init(out: OutputStream) { self.out = out }

    public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        if !carry.isEmpty {
            while carry.count < 3, start < bytes.count { carry.append(bytes[start]); start += 1 }
            guard carry.count == 3 else { return }
            carry.withUnsafeBufferPointer { encode($0) }
            carry.removeAll()
        }
        let whole = start + (bytes.count - start) / 3 * 3
        while start < whole {
            let end = min(whole, start + Self.slice)
            encode(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            start = end
        }
        carry.append(contentsOf: bytes[whole...])
    }

    /// Writes the last bytes, padded.
    public mutating func finish() {
        carry.withUnsafeBufferPointer { encode($0) }
        carry.removeAll()
    }

    private func encode(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        out.write(Array(Data(bytes).base64EncodedString().utf8))
    }
}
