import WinnowEngine

/// Clean text: each document's kept lines (`TextPrinter`), with separators
/// between documents as they came in. A record that could not be read
/// passes through as a document of its own.
public final class TextSink: DocumentSink {
    private let out: OutputStream
    private var separators: DocumentSeparators

    public init(out: OutputStream, nulSeparated: Bool = false) {
        self.out = out
        separators = DocumentSeparators(out: out, nulSeparated: nulSeparated)
    }

    public func write(_ document: Document, _ decisions: Decisions, origin: DocumentOrigin) {
        separators.beforeDocument()
        let endsWithTerminator = TextPrinter().write(document, decisions, to: out)
        // A document with nothing kept wrote nothing, so the line before still ends where it did.
        guard let last = document.lines.indices.last(where: { !document.lines[$0].isBlank && decisions.isKept($0) }) else {
            separators.afterDocument(separator: origin.separator, endedWithTerminator: true)
            return
        }
        // A form-feed separator must start a line: after a lone CR (old Mac text) it needs its LF too.
        let endsWithLineFeed = endsWithTerminator && document.bytes[document.lines[last].end - 1] == 0x0A
        separators.afterDocument(separator: origin.separator, endedWithTerminator: endsWithLineFeed)
    }

    public func unreadable(_ error: RecordError, raw: [UInt8], policy: RecordErrorPolicy) {
        if policy == .pass { separators.passThrough(raw) }
    }
}
