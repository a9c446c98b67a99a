import WinnowEngine

/// `--explain`: every input line with its verdict (`ExplainPrinter`),
/// documents separated as in text output.
public final class ExplainSink: DocumentSink {
    private let out: OutputStream
    private let printer: ExplainPrinter
    private var separators: DocumentSeparators

    public init(out: OutputStream, style: ExplainStyle, nulSeparated: Bool = false) {
        self.out = out
        printer = ExplainPrinter(style: style)
        separators = DocumentSeparators(out: out, nulSeparated: nulSeparated)
    }

    public func write(_ document: Document, _ decisions: Decisions, origin: DocumentOrigin) {
        separators.beforeDocument()
        let endsWithTerminator = printer.write(document, decisions, to: out)
        separators.afterDocument(separator: origin.separator, endedWithTerminator: endsWithTerminator)
    }

    public func unreadable(_ error: RecordError, raw: [UInt8], policy: RecordErrorPolicy) {
        if policy == .pass { separators.passThrough(raw) }
    }
}
