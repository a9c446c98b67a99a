import Foundation
import WinnowRules

/// The text rules also match on lines that hide their words from a regex.
///
/// - Zero-width characters and soft hyphens are removed and compatibility
///   forms folded by NFKC, so that `Advert\u{200B}isement`,
///   `Adver\u{AD}tisement`, fullwidth `ＡＤＶＥＲＴＩＳＥＭＥＮＴ` and
///   mathematical bold `𝐀𝐝𝐯𝐞𝐫𝐭𝐢𝐬𝐞𝐦𝐞𝐧𝐭` all read `Advertisement`.
/// - In a Markdown document, markup is removed (`MarkdownPlainText`), so
///   that `## Related content` and `[Subscribe](/newsletter)` read
///   `Related content` and `Subscribe`.
///
/// - In hard-wrapped text, the first line of a short paragraph (up to
///   `paragraphWords` words) has its paragraph's lines joined by spaces, so
///   that a phrase the converter wrapped (`Sign up for our newsletter to
///   get` / `the latest news.`) is whole. A rule that matches only there
///   acts on every line of the paragraph.
///
/// A rule matches a line when its regex matches the line's own text or its
/// view: rules written for the markup still see it. Only matching sees the
/// view: the output is the line's own bytes.
///
///     let view = MatchingView(document: Document(bytes: Array("Adver\u{AD}tisement\n".utf8)), markdown: false)
///     view.bytes(of: 0, .trimmed)   // Array("Advertisement".utf8)
///
/// Most lines have none of these characters; they have no view and cost one
/// scan of their bytes. Lines longer than `maximumLength` bytes get none:
/// hidden words are a trick of short labels, and a long line that holds a
/// soft hyphen is prose.
struct MatchingView {
    /// The view of each line that needs one: its trimmed subject and its content.
    private var views: [Int: (subject: [UInt8], content: [UInt8])] = [:]
    /// Lines whose view only takes Markdown markup out or joins lines, without folding:
    /// every literal the view holds is in its bytes, so the prefilter may scan them.
    private var unfolded: Set<Int> = []
    /// First lines whose view is their whole wrapped paragraph.
    private var joined: Set<Int> = []
    static let maximumLength = 2_000
    /// Longest paragraph, in words, whose lines are joined: junk is short, and a
    /// phrase rule is not to take a whole paragraph of prose.
    static let paragraphWords = 30

    /// No views: every line is its own.
    init() {}

    /// - Parameters:
    ///   - markdown: the document is Markdown, so lines with markup get a view without it.
    ///   - paragraphs: the wrapped paragraphs, whose short ones get a joined view.
    ///   - words: each line's own word count.
    init(document: Document, markdown: Bool, paragraphs: WrappedParagraphs = WrappedParagraphs(), words: [Int32] = []) {
        let lines = document.lines
        document.bytes.withUnsafeBufferPointer { buffer in
            for (index, line) in lines.enumerated() where !line.isBlank {
                // A paragraph that continues past this line: its lines joined, when it is short.
                var joinedText: [UInt8]?
                if paragraphs.startsLongParagraph(index),
                   case let members = paragraphs.paragraph(of: index),
                   members.reduce(0, { $0 + Int(words[$1]) }) <= Self.paragraphWords {
                    var text: [UInt8] = []
                    for member in members {
                        if !text.isEmpty { text.append(0x20) }
                        text += buffer[lines[member].subject]
                    }
                    if text.count <= Self.maximumLength { joinedText = text }
                }
                let hides: Bool, markup: Bool
                if let text = joinedText {
                    hides = text.withUnsafeBufferPointer(Self.hidesWords)
                    markup = markdown && text.withUnsafeBufferPointer(MarkdownPlainText.hasMarkup)
                } else {
                    guard line.content.count <= Self.maximumLength else { continue }
                    let content = UnsafeBufferPointer(rebasing: buffer[line.content])
                    hides = Self.hidesWords(content)
                    markup = markdown && MarkdownPlainText.hasMarkup(content)
                    guard hides || markup else { continue }
                }
                /// The view of `source`: markup taken out, then folded, as the line needs.
                func view(of source: UnsafeBufferPointer<UInt8>) -> [UInt8] {
                    let plain = markup ? MarkdownPlainText.plain(source) : Array(source)
                    return hides ? plain.withUnsafeBufferPointer(Self.normalized) : plain
                }
                let subject: [UInt8], whole: [UInt8]
                if let text = joinedText {
                    // A paragraph's lines are joined by their subjects: one text serves both.
                    subject = markup || hides ? text.withUnsafeBufferPointer(view) : text
                    whole = subject
                } else {
                    subject = view(of: UnsafeBufferPointer(rebasing: buffer[line.subject]))
                    whole = view(of: UnsafeBufferPointer(rebasing: buffer[line.content]))
                    guard !subject.elementsEqual(buffer[line.subject]) || !whole.elementsEqual(buffer[line.content])
                    else { continue }
                }
                views[index] = (subject, whole)
                if !hides { unfolded.insert(index) }
                if joinedText != nil { joined.insert(index) }
            }
        }
    }

    /// Whether line `line`'s view is its whole wrapped paragraph, so that a
    /// match there acts on every line of it.
    @inline(__always)
    func joinsParagraph(_ line: Int) -> Bool { !joined.isEmpty && joined.contains(line) }

    /// Whether line `line`'s view only takes markup out or joins lines, so that the prefilter
    /// may scan it for literals; a folded view may hold literals its line does not.
    @inline(__always)
    func isUnfolded(_ line: Int) -> Bool { unfolded.contains(line) }

    /// The view of line `line` as a rule with subject `kind` sees it, or nil when its bytes are their own view.
    @inline(__always)
    func bytes(of line: Int, _ kind: Rule.Subject) -> [UInt8]? {
        guard !views.isEmpty, let view = views[line] else { return nil }
        return kind == .trimmed ? view.subject : view.content
    }

    /// Whether `bytes` hold a character the view changes: a soft hyphen
    /// (C2 AD), a zero-width space, joiner or non-joiner (E2 80 8B–8D), a
    /// word joiner (E2 81 A0), a zero-width no-break space (EF BB BF), a Latin
    /// ligature (EF AC 80–86), a fullwidth ASCII form (EF BC 81 – EF BD 9E) or
    /// a mathematical alphanumeric (F0 9D 90–9F).
    static func hidesWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i + 1 < n {
            let b = bytes[i]
            if b < 0xC2 { i += 1; continue }
            let b1 = bytes[i + 1]
            switch b {
            case 0xC2 where b1 == 0xAD:
                return true
            case 0xE2 where i + 2 < n:
                let b2 = bytes[i + 2]
                if (b1 == 0x80 && (0x8B...0x8D).contains(b2)) || (b1 == 0x81 && b2 == 0xA0) { return true }
            case 0xEF where i + 2 < n:
                let b2 = bytes[i + 2]
                if (b1 == 0xBB && b2 == 0xBF) || (b1 == 0xAC && b2 <= 0x86) { return true }
                if (b1 == 0xBC && b2 >= 0x81) || (b1 == 0xBD && b2 <= 0x9E) { return true }
            case 0xF0 where i + 2 < n:
                if b1 == 0x9D && (0x90...0x9F).contains(bytes[i + 2]) { return true }
            default:
                break
            }
            i += 1
        }
        return false
    }

    /// The bytes without zero-width characters and soft hyphens, in NFKC.
    static func normalized(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        text.unicodeScalars.removeAll { invisible.contains($0.value) }
        return Array(text.precomposedStringWithCompatibilityMapping.utf8)
    }

    private static let invisible: Set<UInt32> = [0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
}
