import WinnowEngine

/// JSON Lines out for JSON Lines in: each record comes out on one line, spliced
/// from the input record's bytes, with:
/// - the text member's value replaced by the clean text, as a JSON string;
/// - `<field>_base64` right after it with the exact bytes when the clean text
///   is not valid UTF-8 (and removed when the input had one and it is no
///   longer needed);
/// - the report object (`DocumentReport`) under `reportKey`, replacing a
///   member of that name or added as the last member;
/// - every other byte as it was: other members, their order, their
///   spacing, escapes and numbers exactly as written.
///
/// A record that could not be read is written unchanged with `--on-error pass`.
/// The formats are described in `JSON-FORMATS.md`.
public final class RecordSink: DocumentSink {
    private let out: OutputStream
    private let options: RecordOptions
    private let reportName: [UInt8]?
    private var base64JSON = JSONWriter(capacity: 0)
    private var reportJSON = JSONWriter(capacity: 1 << 14)

    public init(out: OutputStream, options: RecordOptions) {
        self.out = out
        self.options = options
        reportName = options.reportKey.map { Array($0.utf8) }
    }

    public func write(_ document: Document, _ decisions: Decisions, origin: DocumentOrigin) {
        guard case .record(let envelope) = origin else { return }
        envelope.bytes.withUnsafeBufferPointer { bytes in
            rewrite(bytes, envelope, document: document, decisions: decisions)
        }
        out.write(byte: 0x0A)
    }

    public func unreadable(_ error: RecordError, raw: [UInt8], policy: RecordErrorPolicy) {
        if policy == .pass { out.write(raw) }
    }

    /// Writes the output record, spliced from the input record's bytes.
    private func rewrite(_ bytes: UnsafeBufferPointer<UInt8>, _ envelope: RecordEnvelope, document: Document,
                         decisions: Decisions) {
        let parsed = envelope.parsed, field = envelope.field, companion = envelope.companion
        // One writer per piece: the splice shares their buffers, and once it is gone each
        // writer owns its buffer again, so `reset` reuses the storage for the next record.
        var splice = RecordSplice()
        // The clean text is written twice over: measured and checked first, then streamed into the record,
        // so a giant document is never held again as JSON.
        var check = UTF8Check()
        let written = TextPrinter().write(document, decisions, into: &check)
        splice.replace(field.value) { out in
            out.write(byte: UInt8(ascii: "\""))
            var text = JSONTextSink(out: out)
            TextPrinter().write(document, decisions, into: &text)
            text.finish()
            out.write(byte: UInt8(ascii: "\""))
        }
        let base64 = { (out: OutputStream) in
            out.write(byte: UInt8(ascii: "\""))
            var sink = Base64Sink(out: out)
            TextPrinter().write(document, decisions, into: &sink)
            sink.finish()
            out.write(byte: UInt8(ascii: "\""))
        }
        if !check.isValid {
            if let companion {
                splice.replace(companion.value, writer: base64)
            } else {
                base64JSON.reset(afterValue: true)
                base64JSON.key(options.base64Field)
                let key = base64JSON.bytes
                splice.insert(at: field.value.upperBound) { out in
                    out.write(key)
                    base64(out)
                }
            }
        } else if let companion, let at = parsed.members.firstIndex(of: companion) {
            // Remove the member with the comma that joins it to its neighbour.
            splice.delete(at > 0 ? parsed.members[at - 1].value.upperBound..<companion.value.upperBound
                                 : companion.key.lowerBound..<parsed.members[at + 1].key.lowerBound)
        }
        if let reportName, let reportKey = options.reportKey {
            let existing = parsed.member(reportName, in: bytes)
            reportJSON.reset(afterValue: existing == nil)
            if existing == nil { reportJSON.key(reportKey) }
            reportJSON.beginObject()
            DocumentReport.writeMembers(document, decisions, output: written, into: &reportJSON)
            reportJSON.endObject()
            if let existing {
                splice.replace(existing.value, with: reportJSON.bytes)
            } else {
                splice.insert(at: parsed.members[parsed.members.count - 1].value.upperBound, reportJSON.bytes)
            }
        }
        splice.apply(to: bytes, into: out)
    }
}
