import FoundationEssentials

/// A small, fast JSON writer that works on bytes.
///
/// It writes compact JSON (no spaces, no newlines) and puts the commas in
/// itself. Strings are written from bytes: valid UTF-8 passes through as it
/// is, `"` `\` and control characters are escaped, and each invalid UTF-8
/// sequence becomes U+FFFD. `text(_:bytes:)` then adds the exact bytes in
/// base64 under `<key>_base64`, so nothing is lost:
///
///     var json = JSONWriter()
///     json.beginObject()
///     json.key("n"); json.number(3)
///     json.text("text", bytes: [0x61, 0xFF])   // "text":"a\u{FFFD}","text_base64":"Yf8="
///     json.endObject()
///     json.bytes   // {"n":3,"text":"a�","text_base64":"Yf8="}
///
/// It does no checking of structure: callers pair `begin`/`end` and put a
/// key before each value in an object.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next key or value needs a comma before it.
    private var needsComma = false

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// Empties the writer, keeping its storage.
    ///
    /// - Parameter afterValue: start as if a value had just been written, so
    ///   the first key gets a comma: for members spliced into an object
    ///   written elsewhere (`,"text_base64":"…"`).
    public mutating func reset(afterValue: Bool = false) {
        bytes.removeAll(keepingCapacity: true)
        needsComma = afterValue
    }

    // MARK: Structure

    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    public mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma = false }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    /// An object key; the next call writes its value.
    public mutating func key(_ name: String) {
        separate()
        var name = name
        name.withUTF8 { _ = appendString($0) }
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: Values

    public mutating func number(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// A finite number as Swift prints it (`0.25`, `1e-05`); `null` if not finite.
    public mutating func number(_ value: Double) {
        separate()
        bytes.append(contentsOf: (value.isFinite ? "\(value)" : "null").utf8)
        needsComma = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    public mutating func string(_ value: String) {
        separate()
        var value = value
        value.withUTF8 { _ = appendString($0) }
        needsComma = true
    }

    /// A string from bytes, invalid UTF-8 replaced by U+FFFD.
    ///
    /// - Returns: whether the bytes were valid UTF-8 (nothing was replaced).
    @discardableResult
    public mutating func string(bytes value: UnsafeBufferPointer<UInt8>) -> Bool {
        separate()
        needsComma = true
        return appendString(value)
    }

    @discardableResult
    public mutating func string(bytes value: [UInt8]) -> Bool {
        value.withUnsafeBufferPointer { string(bytes: $0) }
    }

    /// `"key":"…"`, plus `"key_base64":"…"` with the exact bytes when they
    /// are not valid UTF-8.
    public mutating func text(_ key: String, bytes value: UnsafeBufferPointer<UInt8>) {
        self.key(key)
        if !string(bytes: value) {
            self.key(key + "_base64")
            base64(value)
        }
    }

    public mutating func text(_ key: String, bytes value: [UInt8]) {
        value.withUnsafeBufferPointer { text(key, bytes: $0) }
    }

    /// The bytes in standard base64 with padding, as a string.
    public mutating func base64(_ value: UnsafeBufferPointer<UInt8>) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: Data(value).base64EncodedString().utf8)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Bytes that are already JSON (a value copied from a record), as they are.
    public mutating func raw(_ json: UnsafeBufferPointer<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    // MARK: Strings

    @inline(__always)
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `"…"`, copying runs of bytes that need no escape in one go.
    private mutating func appendString(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.reserveCapacity(bytes.count + p.count + 2)
        bytes.append(UInt8(ascii: "\""))
        let valid = appendEscaped(p)
        bytes.append(UInt8(ascii: "\""))
        return valid
    }

    /// Appends the inside of a JSON string for `p`: escapes, and U+FFFD for
    /// each invalid UTF-8 sequence. Lets a string be written piece by piece
    /// (`JSONTextSink`), so long as no piece splits a UTF-8 sequence.
    ///
    /// - Returns: whether `p` was valid UTF-8.
    public mutating func appendEscaped(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var valid = true
        var run = 0
        var i = 0
        let n = p.count
        while i < n {
            i = UTF8Scan.skipPlain(p, from: i)
            guard i < n else { break }
            let b = p[i]
            if b >= 0x20 && b < 0x80 && b != 0x22 && b != 0x5C { i += 1; continue }
            if b >= 0x80 {
                let length = UTF8Scan.sequenceLength(p, at: i)
                if length > 0 { i += length; continue }
            }
            if run < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i])) }
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22); i += 1
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C); i += 1
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n")); i += 1
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r")); i += 1
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t")); i += 1
            case 0x08: bytes.append(0x5C); bytes.append(UInt8(ascii: "b")); i += 1
            case 0x0C: bytes.append(0x5C); bytes.append(UInt8(ascii: "f")); i += 1
            case ..<0x20:
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]])
                i += 1
            default:
                // Invalid UTF-8: one U+FFFD for the maximal subpart.
                bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                i += UTF8Scan.invalidLength(p, at: i)
                valid = false
            }
            run = i
        }
        if run < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<n])) }
        return valid
    }
}
