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
/// - `meta`, `sites`, `shape`, `in`, `out`, `removed`: see `DocumentReport`.
///
/// The format is documented for users in `JSON-FORMATS.md` beside this file
/// ("The document record"); keep the two in step.
public final class JSONDocumentPrinter {
    private var json = JSONWriter(capacity: 1 << 16)

    public init() {}

    /// Writes the record and its newline.
    ///
    /// - Returns: always true: a record ends with a newline.
    @discardableResult
    public func write(_ document: Document, _ decisions: Decisions, to out: OutputStream) -> Bool {
        json.reset()
        json.beginObject()
        json.key("type"); json.string("document")
        json.key("name"); json.string(document.name)
        json.key("text")
        out.write(json.bytes)
        // The text goes straight to `out`, so a giant document is not held a second time as JSON.
        out.write(byte: UInt8(ascii: "\""))
        var text = JSONTextSink(out: out)
        let written = TextPrinter().write(document, decisions, into: &text)
        text.finish()
        out.write(byte: UInt8(ascii: "\""))
        json.reset(afterValue: true)
        if !text.isValidUTF8 {
            json.key("text_base64")
            out.write(json.bytes)
            out.write(byte: UInt8(ascii: "\""))
            var base64 = Base64Sink(out: out)
            TextPrinter().write(document, decisions, into: &base64)
            base64.finish()
            out.write(byte: UInt8(ascii: "\""))
            json.reset(afterValue: true)
        }
        DocumentReport.writeMembers(document, decisions, output: written, into: &json)
        json.endObject()
        out.write(json.bytes)
        out.write(byte: 0x0A)
        return true
    }
}
