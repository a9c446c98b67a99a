#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoding of JSON string tokens into bytes.
///
///     JSONString.decode(Array(#""caf\u00e9 \ud83d\ude00""#.utf8)[...])   // "café 😀" as UTF-8
///
/// Escapes are decoded, surrogate pairs joined, and every other byte copied
/// as it is, so invalid UTF-8 in the token stays in the result. A lone
/// surrogate escape (`\ud800` without its pair) cannot be UTF-8 and becomes
/// U+FFFD.
public enum JSONString {
    /// The bytes a string token (quotes included) stands for. The token must
    /// have passed `JSONRecord`'s scan; an invalid escape decodes as U+FFFD.
    public static func decode(_ token: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(token.count)
        let end = token.count - 1
        var i = 1
        var run = 1
        while i < end {
            // Runs without escapes are copied whole; memchr finds the next backslash.
            guard let base = token.baseAddress,
                  let hit = memchr(base + i, 0x5C, end - i) else { break }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: token[run..<i])) }
            let escape = i + 1 < end ? token[i + 1] : 0
            i += 2
            switch escape {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                var scalar = hex4(token, at: i, end: end)
                if scalar != nil { i += 4 }
                if let high = scalar, (0xD800..<0xDC00).contains(high) {
                    // A high surrogate counts only with a low one right after it.
                    if i + 1 < end, token[i] == UInt8(ascii: "\\"), token[i + 1] == UInt8(ascii: "u"),
                       let low = hex4(token, at: i + 2, end: end), (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    } else {
                        scalar = nil
                    }
                } else if let low = scalar, (0xDC00..<0xE000).contains(low) {
                    scalar = nil
                }
                appendUTF8(scalar ?? 0xFFFD, to: &out)
            case 0:
                break
            default:
                // `"`, `\` and `/` stand for themselves.
                out.append(escape)
            }
            run = i
        }
        if run < end { out.append(contentsOf: UnsafeBufferPointer(rebasing: token[run..<end])) }
        return out
    }

    public static func decode(_ token: ArraySlice<UInt8>) -> [UInt8] {
        token.withUnsafeBufferPointer { decode($0) }
    }

    /// The value of a hex digit, or nil.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func hex4(_ token: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> UInt32? {
        guard i + 4 <= end else { return nil }
        var value: UInt32 = 0
        for k in 0..<4 {
            guard let digit = hexValue(token[i + k]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            out.append(UInt8(scalar))
        case ..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
