/// A Markdown line as a reader sees it: what phrase rules also match on
/// Markdown documents, so that `## Related content`, `**Also Read:**` and
/// `* [Subscribe](https://…/newsletter)` meet the rules written for
/// `Related content`, `Also Read:` and `Subscribe`.
///
///     MarkdownPlainText.plain(Array("### **Related [articles](/more)** ##".utf8))
///     // Array("Related articles".utf8)
///
/// It removes, on one line:
/// - a heading's `#` marks, before and after, and block-quote `>` marks;
/// - link and image markup, keeping the text: `[text](url)` and
///   `![alt](src)` become `text` and `alt`, `[text][ref]` becomes `text`;
/// - emphasis: runs of up to three `*` or `_` that open and close a span
///   (`**bold**`, `_em_`), and `**` inside a word (`Rel**ated**`), but not
///   one `_` or `*` inside a word (`snake_case`, `2*3`), standing alone
///   (`2 * 3`) or without its partner (`Email*`);
/// - the backslash of an escape (`\[`, `\*`, `\_`), as html2text writes them.
///
/// Links wrapped across lines are left as they are: each line is read alone.
enum MarkdownPlainText {
    /// Whether `bytes` hold anything `plain` would remove: a quick test, so most lines cost one scan.
    static func hasMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "*"), UInt8(ascii: "_"),
                 UInt8(ascii: "\\"):
                return true
            default:
                continue
            }
        }
        return false
    }

    /// The `#` marks that open an ATX heading at the start of `range` (`#` to `######`,
    /// then a space or the end), or 0.
    static func headingMarks(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var i = range.lowerBound
        while i < range.upperBound, i - range.lowerBound < 7, bytes[i] == UInt8(ascii: "#") { i += 1 }
        let level = i - range.lowerBound
        guard level >= 1, level <= 6, i == range.upperBound || isSpace(bytes[i]) else { return 0 }
        return level
    }

    static func plain(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { plain($0) }
    }

    static func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var start = 0, end = bytes.count
        // Leading whitespace stays, so a content view keeps its indent.
        var out: [UInt8] = []
        while start < end, isSpace(bytes[start]) { out.append(bytes[start]); start += 1 }
        // Block-quote marks, then a heading's marks.
        while start < end, bytes[start] == UInt8(ascii: ">") {
            start += 1
            while start < end, isSpace(bytes[start]) { start += 1 }
        }
        let level = headingMarks(bytes, start..<end)
        if level > 0 {
            start += level
            while start < end, isSpace(bytes[start]) { start += 1 }
            // A closing run of `#` after a space.
            var tail = end
            while tail > start, isSpace(bytes[tail - 1]) { tail -= 1 }
            var hashes = tail
            while hashes > start, bytes[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
            if hashes < tail, hashes == start || isSpace(bytes[hashes - 1]) { end = hashes }
        }
        appendInline(bytes, start..<end, to: &out)
        // Markup removed at the ends can leave spaces there.
        while let last = out.last, isSpace(last) { out.removeLast() }
        return out
    }

    private static func appendInline(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
        var i = range.lowerBound
        let end = range.upperBound
        // Emphasis runs as written to `out`; only those that pair up are removed at the end.
        var runs: [EmphasisRun] = []
        defer { removePairs(runs, from: &out) }
        while i < end {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\\") where i + 1 < end && isPunctuation(bytes[i + 1]):
                out.append(bytes[i + 1])
                i += 2
            case UInt8(ascii: "!") where i + 1 < end && bytes[i + 1] == UInt8(ascii: "["):
                if let link = link(bytes, at: i + 1, end: end) {
                    appendInline(bytes, link.text, to: &out)
                    i = link.end
                } else {
                    out.append(byte)
                    i += 1
                }
            case UInt8(ascii: "["):
                if let link = link(bytes, at: i, end: end) {
                    appendInline(bytes, link.text, to: &out)
                    i = link.end
                } else {
                    out.append(byte)
                    i += 1
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                var run = i
                while run < end, bytes[run] == byte { run += 1 }
                let before: UInt8? = i > range.lowerBound ? bytes[i - 1] : nil
                let after: UInt8? = run < end ? bytes[run] : nil
                // `**` may also sit inside a word (`Rel**ated**`), as CommonMark allows for `*`.
                let intraword = byte == UInt8(ascii: "*") && run - i >= 2 && before.map { !isSpace($0) } == true
                    && after.map { !isSpace($0) } == true
                let opens = intraword || opensSpan(before: before, after: after)
                let closes = intraword || closesSpan(before: before, after: after)
                if run - i <= 3, opens || closes {
                    runs.append(EmphasisRun(at: out.count, length: run - i, byte: byte, opens: opens, closes: closes))
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<run]))
                i = run
            default:
                out.append(byte)
                i += 1
            }
        }
    }

    /// A link or image starting at the `[` at `open`: its text's range and where it ends.
    private static func link(_ bytes: UnsafeBufferPointer<UInt8>, at open: Int, end: Int)
        -> (text: Range<Int>, end: Int)?
    {
        // The closing bracket, nested brackets balanced (an image inside a link's text).
        var depth = 0, close = open
        while close < end {
            let byte = bytes[close]
            if byte == UInt8(ascii: "\\") { close += 2; continue }
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { break }
            }
            close += 1
        }
        guard close < end, close + 1 < end else { return nil }
        let text = (open + 1)..<close
        if bytes[close + 1] == UInt8(ascii: "(") {
            var parens = 0, i = close + 1
            while i < end {
                if bytes[i] == UInt8(ascii: "(") { parens += 1 }
                if bytes[i] == UInt8(ascii: ")") {
                    parens -= 1
                    if parens == 0 { return (text, i + 1) }
                }
                i += 1
            }
            return nil
        }
        if bytes[close + 1] == UInt8(ascii: "[") {
            var i = close + 2
            while i < end, bytes[i] != UInt8(ascii: "]"), bytes[i] != UInt8(ascii: "[") { i += 1 }
            return i < end && bytes[i] == UInt8(ascii: "]") ? (text, i + 1) : nil
        }
        return nil
    }

    /// A run of `*` or `_` in the output that may open or close a span.
    private struct EmphasisRun {
        var at: Int
        var length: Int
        var byte: UInt8
        var opens: Bool
        var closes: Bool
    }

    /// An emphasis run may open a span with nothing or a space or punctuation before it and text after.
    private static func opensSpan(before: UInt8?, after: UInt8?) -> Bool {
        (before.map { isSpace($0) || isPunctuation($0) } ?? true) && (after.map { !isSpace($0) } ?? false)
    }

    /// An emphasis run may close a span with text before it and nothing or a space or punctuation after.
    private static func closesSpan(before: UInt8?, after: UInt8?) -> Bool {
        (before.map { !isSpace($0) } ?? false) && (after.map { isSpace($0) || isPunctuation($0) } ?? true)
    }

    /// Removes from `out` the runs that pair up, an opener with the nearest later closer of the
    /// same mark and length: a lone `*` (`Email*`, a required field) is text, as in CommonMark.
    private static func removePairs(_ runs: [EmphasisRun], from out: inout [UInt8]) {
        guard runs.count >= 2 else { return }
        var openers: [Int] = []
        var paired: [Int] = []
        for (index, run) in runs.enumerated() {
            if run.closes, let match = openers.lastIndex(where: { runs[$0].byte == run.byte && runs[$0].length == run.length }) {
                paired.append(openers[match])
                paired.append(index)
                openers.removeSubrange(match...)
            } else if run.opens {
                openers.append(index)
            }
        }
        for index in paired.sorted(by: >) {
            let run = runs[index]
            out.removeSubrange(run.at..<(run.at + run.length))
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}
