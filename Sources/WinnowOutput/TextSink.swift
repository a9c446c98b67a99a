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
        let wroteSomething = document.lines.indices.contains { !document.lines[$0].isBlank && decisions.isKept($0) }
        separators.afterDocument(separator: origin.separator, endedWithTerminator: endsWithTerminator || !wroteSomething)
    }

    public func unreadable(_ error: RecordError, raw: [UInt8], policy: RecordErrorPolicy) {
        guard policy == .pass else { return }
        separators.beforeDocument()
        out.write(raw)
        separators.afterDocument(separator: nil, endedWithTerminator: raw.last == 0x0A || raw.isEmpty)
    }
}
