/// How a document's text is laid out, as the engine detects it per document:
/// hard-wrapped at a fixed width (`lynx -dump`, html2text, `fmt`), Markdown
/// (html2text, crawlers' Markdown fields), both, or neither (one paragraph
/// per line, as a browser's innerText and most crawlers' text fields give).
///
///     when: { shape: markdown }         # only on Markdown input
///     when: { shape: unwrapped }        # only where a paragraph is one line
///
/// `--explain` prints it in each document's header, and the JSON report in
/// its `shape` member.
public struct TextShape: Sendable, Hashable {
    /// The column the text wraps at, or 0 when it is not wrapped.
    public var wrapWidth: Int
    /// At least two lines hold an inline link or image, or at least two are
    /// ATX headings (`#` to `######` and a space).
    public var isMarkdown: Bool

    public init(wrapWidth: Int = 0, isMarkdown: Bool = false) {
        self.wrapWidth = wrapWidth
        self.isMarkdown = isMarkdown
    }

    public var isWrapped: Bool { wrapWidth > 0 }

    /// One of the names a `shape:` condition tests.
    public enum Name: String, Sendable, CaseIterable {
        case wrapped, unwrapped, markdown, plain
    }

    public func matches(_ name: Name) -> Bool {
        switch name {
        case .wrapped: isWrapped
        case .unwrapped: !isWrapped
        case .markdown: isMarkdown
        case .plain: !isMarkdown
        }
    }

    /// For messages and `--explain`: `wrapped at 72, markdown`, `lines` when neither.
    public var description: String {
        var parts: [String] = []
        if isWrapped { parts.append("wrapped at \(wrapWidth)") }
        if isMarkdown { parts.append("markdown") }
        return parts.isEmpty ? "lines" : parts.joined(separator: ", ")
    }
}
