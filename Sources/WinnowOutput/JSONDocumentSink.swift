import WinnowEngine

/// `--format jsonl` on page text: one JSON record per document
/// (`JSONDocumentPrinter`; the format is in `JSON-FORMATS.md`). Records
/// carry their own newline, so no separators are written.
public final class JSONDocumentSink: DocumentSink {
    private let out: OutputStream
    private let printer = JSONDocumentPrinter()

    public init(out: OutputStream) { self.out = out }

    public func write(_ document: Document, _ decisions: Decisions, origin: DocumentOrigin) {
        printer.write(document, decisions, to: out)
    }

    public func unreadable(_ error: RecordError, raw: [UInt8], policy: RecordErrorPolicy) {
        if policy == .pass { out.write(raw) }
    }
}
