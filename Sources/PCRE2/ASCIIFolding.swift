/// How a literal prefilter compares bytes: ASCII letters folded to lowercase
/// on both sides, every other byte exact.
///
///     ASCIIFolding.fold(UInt8(ascii: "K"))   // UInt8(ascii: "k")
///     ASCIIFolding.fold(0xE2)                // 0xE2
///
/// That is sound for a caseless pattern only on text without
/// `caselessLookalikes`: PCRE2 (UTF, UCP, caseless) takes U+212A KELVIN SIGN
/// as `k`, which no byte folding sees.
public enum ASCIIFolding {
    @inline(__always)
    public static func fold(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    public static func fold(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        bytes.map(fold)
    }

    /// Every scalar outside ASCII that PCRE2 compiled with `.unicode` and
    /// `.caseless` matches with `[a-z]` (a test asks PCRE2 about every
    /// scalar, so a newer Unicode table cannot add one unnoticed).
    public static let caselessLookalikes: [Unicode.Scalar] = [
        "\u{017F}",  // LATIN SMALL LETTER LONG S ~ s
        "\u{212A}",  // KELVIN SIGN ~ k
    ]
}
