#if canImport(Glibc)
import Glibc
#endif

/// How much of each line is Markdown link markup: the share of its
/// non-space bytes that lie inside an inline link or image, `[text](url)` or
/// `![alt](src)`, brackets, text and URL together. Converters wrap inside
/// links (html2text breaks long URLs at hyphens), so a link is followed
/// across lines: a line that is only the tail of a wrapped URL is all markup.
///
///     let links = MarkdownLinks(document: Document(bytes: Array("[Home](/) | [News](/n)\nSee [it](/x) here.\n".utf8)))
///     links.density(0)   // 0.9: all but the `|`
///     links.density(1)   // 0.5
///
/// A document without `](` has no links and costs one search.
struct MarkdownLinks {
    /// Per line, the density in hundredths; empty when the document has no link.
    private var hundredths: [UInt8] = []
    /// Lines that hold some link markup.
    private(set) var linkedLineCount = 0

    /// Lines a link's text or URL may span.
    static let maximumSpan = 4

    init(document: Document) {
        let lines = document.lines
        guard !lines.isEmpty else { return }
        document.bytes.withUnsafeBufferPointer { buffer in
            guard Self.containsLinkJoint(buffer) else { return }
            var links: [(range: Range<Int>, line: Int)] = []
            Self.scan(buffer, lines: lines) { links.append(($0, $1)) }
            // An image inside a link lies within the link: merged, so no byte counts twice.
            links.sort { $0.range.lowerBound < $1.range.lowerBound }
            var merged: [(range: Range<Int>, line: Int)] = []
            for link in links {
                if let last = merged.last, link.range.lowerBound < last.range.upperBound {
                    merged[merged.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, link.range.upperBound)
                } else {
                    merged.append(link)
                }
            }
            var linked = [Int32](repeating: 0, count: lines.count)
            for link in merged { Self.count(link.range, from: link.line, in: buffer, lines: lines, into: &linked) }
            hundredths = .init(repeating: 0, count: lines.count)
            for (index, line) in lines.enumerated() where linked[index] > 0 {
                let total = Self.nonSpaceBytes(buffer, line.content)
                guard total > 0 else { continue }
                hundredths[index] = UInt8(min(100, Int(linked[index]) * 100 / total))
                linkedLineCount += 1
            }
        }
    }

    /// The share of line `line`'s non-space bytes inside link markup, from 0 to 1.
    func density(_ line: Int) -> Double {
        hundredths.isEmpty ? 0 : Double(hundredths[line]) / 100
    }

    /// Whether `](` occurs: every document pays this search, so it goes from `]` to `]` with memchr.
    private static func containsLinkJoint(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        var at = 0
        while at + 1 < buffer.count, let hit = memchr(base + at, Int32(UInt8(ascii: "]")), buffer.count - at - 1) {
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if buffer[index + 1] == UInt8(ascii: "(") { return true }
            at = index + 1
        }
        return false
    }

    /// Finds each link, `[` (or `![`) to its closing `)`, and reports its byte range with the line it starts on.
    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>, lines: [Line],
                             found: (Range<Int>, Int) -> Void) {
        // Open brackets not yet closed, as (offset, line); cleared at a blank line, as Markdown's links are.
        var open: [(offset: Int, line: Int)] = []
        for (index, line) in lines.enumerated() {
            if line.isBlank {
                open.removeAll()
                continue
            }
            var i = line.start
            while i < line.contentEnd {
                switch buffer[i] {
                case UInt8(ascii: "["):
                    if open.count == 32 { open.removeFirst() }
                    open.append((i, index))
                case UInt8(ascii: "]"):
                    guard let opener = open.popLast() else { break }
                    guard i + 1 < line.contentEnd, buffer[i + 1] == UInt8(ascii: "("),
                          index - opener.line < maximumSpan,
                          let end = urlEnd(buffer, from: i + 2, lines: lines, line: index) else { break }
                    let start = opener.offset > 0 && buffer[opener.offset - 1] == UInt8(ascii: "!")
                        ? opener.offset - 1 : opener.offset
                    found(start..<end, opener.line)
                    // Brackets opened inside the link's text (an image in a link) belong to it.
                    open.removeAll { $0.offset > opener.offset }
                    // Resume after the URL; it may end on a later line.
                    if end > line.contentEnd { i = line.contentEnd; continue }
                    i = end - 1
                default:
                    break
                }
                i += 1
            }
        }
    }

    /// Where the URL that starts at `start` ends, after its `)`: nested
    /// parentheses balanced, a `"title"` allowed, line breaks followed for
    /// `maximumSpan` lines. Nil when it is not a URL after all.
    private static func urlEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, lines: [Line],
                               line: Int) -> Int? {
        var depth = 0, inTitle = false
        var lineIndex = line
        var i = start
        while lineIndex < lines.count, lineIndex - line < maximumSpan {
            let current = lines[lineIndex]
            if current.isBlank { return nil }
            if i < current.start { i = current.start }
            while i < current.contentEnd {
                let byte = buffer[i]
                if inTitle {
                    if byte == UInt8(ascii: "\"") { inTitle = false }
                } else if byte == UInt8(ascii: "\"") {
                    inTitle = true
                } else if byte == UInt8(ascii: "(") {
                    depth += 1
                } else if byte == UInt8(ascii: ")") {
                    if depth == 0 { return i + 1 }
                    depth -= 1
                } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    // A space may only come before a title.
                    var next = i + 1
                    while next < current.contentEnd, buffer[next] == UInt8(ascii: " ") { next += 1 }
                    if next < current.contentEnd, buffer[next] != UInt8(ascii: "\"") { return nil }
                }
                i += 1
            }
            lineIndex += 1
        }
        return nil
    }

    /// Adds the non-space bytes of `range` to the lines it covers.
    private static func count(_ range: Range<Int>, from firstLine: Int, in buffer: UnsafeBufferPointer<UInt8>,
                              lines: [Line], into linked: inout [Int32]) {
        var index = firstLine
        while index < lines.count, lines[index].start < range.upperBound {
            let content = lines[index].content
            let overlap = max(content.lowerBound, range.lowerBound)..<min(content.upperBound, range.upperBound)
            if !overlap.isEmpty { linked[index] += Int32(nonSpaceBytes(buffer, overlap)) }
            index += 1
        }
    }

    private static func nonSpaceBytes(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for i in range where buffer[i] != 0x20 && buffer[i] != 0x09 { count += 1 }
        return count
    }
}
