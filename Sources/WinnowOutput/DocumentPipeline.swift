import WinnowEngine
import WinnowRules

#if canImport(Glibc)
import Glibc
#endif

/// Drives documents from inputs through a filter to a printer: the one
/// loop every output format shares.
///
///     let pipeline = DocumentPipeline(filter: filter, out: OutputStream(fileDescriptor: 1),
///                                     separator: .formFeedLine) { doc, decisions, out in
///         TextPrinter().write(doc, decisions, to: out)
///     }
///     try pipeline.run(path: "-")
///
/// Printers: `TextPrinter` (the default), `ExplainPrinter` (`--explain`),
/// `JSONDocumentPrinter` (`--format jsonl`, with `writesSeparators` off).
public final class DocumentPipeline {
    /// Writes one document's output; returns whether it ended with a line terminator.
    public typealias Printer = (Document, Decisions, OutputStream) -> Bool

    public let filter: Filter
    public let out: OutputStream
    private let separator: DocumentSeparator
    private let printer: Printer
    /// Called for every line where a rule hit PCRE2's match limit.
    public var onLimitHit: ((Document, Decisions.LimitHit) -> Void)?
    /// Called after each document, for statistics.
    public var onDocument: ((Document, Decisions) -> Void)?
    /// Whether documents are separated in the output (text and `--explain`).
    /// JSON Lines records carry their own newline, so their printer turns this off.
    public var writesSeparators = true
    /// Set after a document that its input did not separate from the next
    /// (a file, or the last document on stdin): the next one gets a separator.
    private var separatorOwed = false
    private var lastEndedWithTerminator = true
    public private(set) var documents = 0

    /// - Parameter separator: how stdin splits into documents (`.formFeedLine` or `.nul`).
    public init(filter: Filter, out: OutputStream, separator: DocumentSeparator, printer: @escaping Printer) {
        self.filter = filter
        self.out = out
        self.separator = separator
        self.printer = printer
    }

    /// The separator written between documents that came from different files.
    private var defaultSeparator: [UInt8] { separator == .nul ? [0] : [0x0C, 0x0A] }

    /// Filters one input: `-` is stdin, split into documents; a path is one document.
    public func run(path: String) throws(ReadError) {
        let isStdin = path == "-"
        let descriptor = isStdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ReadError(source: path, reason: String(cString: strerror(errno)))
        }
        defer { if !isStdin { close(descriptor) } }
        let name = isStdin ? "<stdin>" : path
        let reader = DocumentReader(fileDescriptor: descriptor, name: name,
                                    separator: isStdin ? separator : .none)
        while let raw = try reader.next() {
            let label = isStdin ? (raw.index == 1 && raw.separator.isEmpty ? name : "\(name)#\(raw.index)") : name
            process(Document(bytes: raw.bytes, name: label),
                    separator: isStdin && !raw.separator.isEmpty ? raw.separator : nil)
        }
    }

    /// Filters one document that is already in memory, then writes `separator`
    /// after it, or owes the default separator to the next document.
    public func process(_ document: Document, separator: [UInt8]? = nil) {
        payOwedSeparator()
        let decisions = filter.apply(to: document)
        let endsWithTerminator = printer(document, decisions, out)
        lastEndedWithTerminator = endsWithTerminator || !wroteSomething(document, decisions)
        documents += 1
        endDocument(separator: separator)
        for hit in decisions.limitHits { onLimitHit?(document, hit) }
        onDocument?(document, decisions)
        out.flush()
    }

    /// Writes `bytes` unfiltered, as a document of its own: how a malformed
    /// JSON Lines record passes through to text output.
    public func passThrough(_ bytes: [UInt8]) {
        payOwedSeparator()
        out.write(bytes)
        lastEndedWithTerminator = bytes.last == 0x0A || bytes.isEmpty
        endDocument(separator: nil)
        out.flush()
    }

    private func payOwedSeparator() {
        if separatorOwed {
            writeSeparator(defaultSeparator)
            separatorOwed = false
        }
    }

    private func endDocument(separator: [UInt8]?) {
        guard writesSeparators else { return }
        if let separator { writeSeparator(separator) } else { separatorOwed = true }
    }

    private func writeSeparator(_ separator: [UInt8]) {
        // A form-feed separator must be a line of its own.
        if !lastEndedWithTerminator, separator.first == 0x0C { out.write(byte: 0x0A) }
        out.write(separator)
        lastEndedWithTerminator = true
    }

    private func wroteSomething(_ document: Document, _ decisions: Decisions) -> Bool {
        document.lines.indices.contains { !document.lines[$0].isBlank && decisions.isKept($0) }
    }
}
