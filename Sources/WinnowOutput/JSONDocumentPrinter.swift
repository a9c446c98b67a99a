import WinnowEngine

/// Writes each document as one JSON Lines record (`--format jsonl` on text input).
///
///     let printer = JSONDocumentPrinter()
///     printer.write(document, decisions, to: out)
///     // {"type":"document","name":"page.txt","text":"…","meta":{…},"sites":[…],
///     //  "in":{…},"out":{…},"removed":[…]}\n
///
/// Members, in this order:
/// - `type`: always `"document"` (the `--stats` record is `"summary"`);
/// - `name`: the file path, or `<stdin>` / `<stdin>#N` for the Nth document on stdin;
/// - `text`: the clean text, exactly what text mode prints for the document,
///   followed by `text_base64` when that text is not valid UTF-8;
/// - `meta`, `sites`, `in`, `out`, `removed`: see `DocumentReport`.
///
/// The format is documented for users in `JSON-FORMATS.md` beside this file
/// ("The document record"); keep the two in step.
public final class JSONDocumentPrinter {
    private var json = JSONWriter(capacity: 1 << 16)
    private var clean = ByteBuffer(capacity: 1 << 16)

    public init() {}

    /// Writes the record and its newline.
    ///
    /// - Returns: always true: a record ends with a newline.
    @discardableResult
    public func write(_ document: Document, _ decisions: Decisions, to out: OutputStream) -> Bool {
        clean.reset()
        let written = TextPrinter().write(document, decisions, into: &clean)
        json.reset()
        json.beginObject()
        json.key("type"); json.string("document")
        json.key("name"); json.string(document.name)
        json.text("text", bytes: clean.bytes)
        DocumentReport.writeMembers(document, decisions, output: written, into: &json)
        json.endObject()
        out.write(json.bytes)
        out.write(byte: 0x0A)
        return true
    }
}
