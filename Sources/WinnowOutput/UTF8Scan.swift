/// Byte-level UTF-8 checks for the JSON writer.
///
///     UTF8Scan.sequenceLength(bytes, at: 0)   // 3 for "€…", 0 when invalid there
///     UTF8Scan.invalidLength(bytes, at: 0)    // bytes one U+FFFD replaces
///     UTF8Scan.isValid(bytes)
///     UTF8Scan.skipPlain(bytes, from: 0)      // first byte a JSON string cannot hold as it is
enum UTF8Scan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `w` that is zero, or a borrow above one
    /// (so nonzero exactly when some byte is zero).
    @inline(__always)
    private static func zeroBytes(_ w: UInt64) -> UInt64 { (w &- ones) & ~w & highs }

    /// Nonzero exactly when some byte of `w` is `"`, `\` or a control character below 0x20.
    @inline(__always)
    private static func specialBytes(_ w: UInt64) -> UInt64 {
        ((w &- ones &* 0x20) & ~w & highs) | zeroBytes(w ^ (ones &* 0x22)) | zeroBytes(w ^ (ones &* 0x5C))
    }

    /// From `i`, eight bytes at a time, skips printable ASCII other than `"`
    /// and `\`: the bytes the JSON writer copies as they are. Returns where
    /// the first byte that needs a look may be (the tail under eight bytes
    /// is left to the caller).
    @inline(__always)
    static func skipPlain(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        guard let base = p.baseAddress else { return i }
        var i = i
        while i + 8 <= p.count {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if (w & highs) | specialBytes(w) != 0 { break }
            i += 8
        }
        return i
    }

    /// From `i`, eight bytes at a time, skips bytes that may stand as they
    /// are inside a JSON string token (anything but `"`, `\` and control
    /// characters; bytes of 0x80 and above included), for the record scanner.
    @inline(__always)
    static func skipStringBody(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        guard let base = p.baseAddress else { return i }
        var i = i
        while i + 8 <= p.count {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if specialBytes(w) != 0 { break }
            i += 8
        }
        return i
    }

    /// The length of the valid UTF-8 sequence starting at `i` (a lead byte
    /// of 0x80 or more), or 0 when none starts there. Overlong forms,
    /// surrogates and code points above U+10FFFF are invalid.
    @inline(__always)
    static func sequenceLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = p.count
        let b0 = p[i]
        switch b0 {
        case 0xC2...0xDF:
            return i + 1 < n && p[i + 1] & 0xC0 == 0x80 ? 2 : 0
        case 0xE0...0xEF:
            guard i + 2 < n else { return 0 }
            let b1 = p[i + 1]
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80, high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            return b1 >= low && b1 <= high && p[i + 2] & 0xC0 == 0x80 ? 3 : 0
        case 0xF0...0xF4:
            guard i + 3 < n else { return 0 }
            let b1 = p[i + 1]
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80, high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            return b1 >= low && b1 <= high && p[i + 2] & 0xC0 == 0x80 && p[i + 3] & 0xC0 == 0x80 ? 4 : 0
        default:
            return 0
        }
    }

    /// Where no valid sequence starts at `i`: how many bytes one U+FFFD
    /// stands for. This is the "maximal subpart" rule of the Unicode
    /// standard, which Swift's `String(decoding:as:)` also follows, so a
    /// lossy JSON string reads the same as Swift's repair of the bytes.
    static func invalidLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = p.count
        let b0 = p[i]
        let need: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0...0xEF:
            need = 2
            if b0 == 0xE0 { low = 0xA0 } else if b0 == 0xED { high = 0x9F }
        case 0xF0...0xF4:
            need = 3
            if b0 == 0xF0 { low = 0x90 } else if b0 == 0xF4 { high = 0x8F }
        default: return 1
        }
        var length = 1
        while length <= need, i + length < n {
            let b = p[i + length]
            guard b >= low && b <= high else { break }
            low = 0x80
            high = 0xBF
            length += 1
        }
        return length
    }

    /// Whether all of `p` is valid UTF-8.
    static func isValid(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < p.count {
            if p[i] < 0x80 { i += 1; continue }
            let length = sequenceLength(p, at: i)
            if length == 0 { return false }
            i += length
        }
        return true
    }
}
