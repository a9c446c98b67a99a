/// A line's shape: its text with every run of words written `w`, every
/// number `0` and every run of spaces one space, punctuation kept. Lines
/// printed from one template share a shape whatever names, dates and counts
/// fill it:
///
///     by Darkness404 (1287218) writes: on Monday July 23, @08:25PM (#40743959)
///     by Taco Cowboy (5327) writes: on Monday July 23, @08:35PM (#40744049)
///     → w (0) w: w 0, @0:0 (#0)
///
/// A token of letters and digits is a word when it starts with a letter (it
/// then takes in the dots, hyphens and apostrophes of "K.", "e-mail" and
/// "O'Neil") and a number when it starts with a digit. Bytes of non-ASCII letters count as
/// letters; Latin-1 punctuation (U+00A1–U+00BF) and general punctuation
/// (U+2000–U+206F: dashes, bullets, quotes) count as punctuation.
enum LineShape {
    /// Feeds the shape of `text` to `hasher`, byte by byte, without building it.
    static func hash(into hasher: inout Hasher, _ text: UnsafeBufferPointer<UInt8>) {
        enum Last { case start, word, number, space, punctuation }
        var last = Last.start
        /// Whether a space was seen since the last token; written only between tokens that are not both words.
        var spaced = false
        var i = 0
        let n = text.count
        while i < n {
            let byte = text[i]
            if byte == 0x20 || byte == 0x09 {
                spaced = true
                i += 1
                continue
            }
            let punctuationLength = Self.punctuationLength(text, at: i)
            if punctuationLength > 0 {
                if spaced, last != .start { hasher.combine(UInt8(0x20)) }
                for k in i..<(i + punctuationLength) { hasher.combine(text[k]) }
                last = .punctuation
                spaced = false
                i += punctuationLength
                continue
            }
            // A token: letters and digits (and any other non-ASCII bytes) up to the next space or
            // punctuation; a word also takes in the dots, hyphens and apostrophes of "K.", "e-mail", "O'Neil".
            let isNumber = byte >= 0x30 && byte <= 0x39
            var end = i + 1
            while end < n, text[end] != 0x20, text[end] != 0x09 {
                let length = Self.punctuationLength(text, at: end)
                if length == 0 { end += 1 } else if !isNumber, Self.isWordPunctuation(text, at: end) { end += length } else { break }
            }
            if isNumber {
                if spaced, last != .start { hasher.combine(UInt8(0x20)) }
                hasher.combine(UInt8(ascii: "0"))
                last = .number
            } else if last != .word || !spaced {
                // Words separated only by spaces are one run: a name of any length is one `w`.
                if spaced, last != .start { hasher.combine(UInt8(0x20)) }
                hasher.combine(UInt8(ascii: "w"))
                last = .word
            }
            spaced = false
            i = end
        }
    }

    /// `.`, `-`, `'` or `’`, which belong to the word they follow.
    @inline(__always)
    private static func isWordPunctuation(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        switch text[i] {
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "'"): true
        case 0xE2: i + 2 < text.count && text[i + 1] == 0x80 && text[i + 2] == 0x99
        default: false
        }
    }

    /// The length of the punctuation character at `i`, or 0 when it is part of a token.
    @inline(__always)
    private static func punctuationLength(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let byte = text[i]
        if byte < 0x80 {
            let isLetterOrDigit = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
            return isLetterOrDigit || byte == 0x20 || byte == 0x09 ? 0 : 1
        }
        if byte == 0xC2, i + 1 < text.count, text[i + 1] >= 0xA1, text[i + 1] <= 0xBF { return 2 }
        if byte == 0xE2, i + 2 < text.count, text[i + 1] == 0x80 || text[i + 1] == 0x81 { return 3 }
        return 0
    }
}
