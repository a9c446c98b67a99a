/// Byte-level tests on UTF-8 text, for the hot path: no `String` involved.
enum TextBytes {
    /// The length of the whitespace character at `i`, or 0. Covers ASCII
    /// whitespace, NBSP, the Unicode spaces, zero-width space and BOM.
    @inline(__always)
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int {
        let b = bytes[i]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0xC2 { return 0 }
        if b == 0xC2 { return i + 1 < end && bytes[i + 1] == 0xA0 ? 2 : 0 }
        guard i + 2 < end else { return 0 }
        let b1 = bytes[i + 1], b2 = bytes[i + 2]
        switch b {
        case 0xE1: return b1 == 0x9A && b2 == 0x80 ? 3 : 0                       // U+1680
        case 0xE2:
            if b1 == 0x80, b2 >= 0x80 && b2 <= 0x8B || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF { return 3 }
            return b1 == 0x81 && b2 == 0x9F ? 3 : 0                               // U+205F
        case 0xE3: return b1 == 0x80 && b2 == 0x80 ? 3 : 0                       // U+3000
        case 0xEF: return b1 == 0xBB && b2 == 0xBF ? 3 : 0                       // BOM
        default: return 0
        }
    }

    /// The length of the whitespace character that ends just before `end`, or 0.
    @inline(__always)
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, start: Int) -> Int {
        let b = bytes[end - 1]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0x80 { return 0 }
        if end - start >= 2, bytes[end - 2] == 0xC2, b == 0xA0 { return 2 }
        if end - start >= 3, whitespaceLength(bytes, at: end - 3, end: end) == 3 { return 3 }
        return 0
    }

    /// The length of a list bullet at `i` (without the space after it), or 0.
    /// `o`, `#` and `@` count only on indented lines: that is how lynx marks
    /// nested lists, while at the margin they start ordinary words. A leading
    /// emoji or dingbat followed by a space is decoration too ("👉 Sign up").
    @inline(__always)
    static func bulletLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int, indented: Bool) -> Int {
        let b = bytes[i]
        var length = 0
        switch b {
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"): length = 1
        case UInt8(ascii: "o"), UInt8(ascii: "#"), UInt8(ascii: "@"): length = indented ? 1 : 0
        case 0xC2: length = i + 1 < end && bytes[i + 1] == 0xB7 ? 2 : 0         // ·
        case 0xE2 where i + 2 < end:
            let b1 = bytes[i + 1], b2 = bytes[i + 2]
            if b1 == 0x80 && (b2 == 0xA2 || b2 == 0xA3) { length = 3 }          // • ‣
            else if b1 == 0x96 && (b2 == 0xAA || b2 == 0xB8) { length = 3 }     // ▪ ▸
            else if b1 == 0x97 && (b2 == 0xA6 || b2 == 0x8F) { length = 3 }     // ◦ ●
            else if b1 >= 0x9C && b1 <= 0x9E { length = 3 }                       // dingbats: ✓ ✔ ➡ ✅
        case 0xF0 where i + 3 < end && bytes[i + 1] == 0x9F:
            length = 4                                                              // emoji: 👉 📰 🚀
        default: length = 0
        }
        // An emoji may carry a variation selector (U+FE0F).
        if length > 0, i + length + 2 < end, bytes[i + length] == 0xEF, bytes[i + length + 1] == 0xB8,
           bytes[i + length + 2] == 0x8F {
            length += 3
        }
        guard length > 0 else { return 0 }
        // A bullet stands alone: followed by whitespace or the end of the line.
        let after = i + length
        if after == end || whitespaceLength(bytes, at: after, end: end) > 0 { return length }
        return 0
    }

    /// Whether the byte can start a word: an ASCII letter or digit, or a
    /// non-ASCII character outside general punctuation (U+2000–U+206F).
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b >= 0xC3
    }
}
