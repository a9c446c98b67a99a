/// Writes the separators between documents in text and `--explain` output:
/// the separator a document had on stdin, or, between documents that came
/// from different inputs, the default one (a form-feed line, or NUL with `-z`).
struct DocumentSeparators {
    let out: OutputStream
    /// The separator written between documents of different inputs.
    let defaultSeparator: [UInt8]
    /// Set after a document that its input did not separate from the next:
    /// the next one gets the default separator first.
    private var owed = false
    private var lastEndedWithTerminator = true

    init(out: OutputStream, nulSeparated: Bool) {
        self.out = out
        defaultSeparator = nulSeparated ? [0] : [0x0C, 0x0A]
    }

    /// Before a document: pays a separator owed by the one before.
    mutating func beforeDocument() {
        if owed {
            write(defaultSeparator)
            owed = false
        }
    }

    /// After a document: `endedWithTerminator` says whether its output ended a line.
    mutating func afterDocument(separator: [UInt8]?, endedWithTerminator: Bool) {
        lastEndedWithTerminator = endedWithTerminator
        if let separator { write(separator) } else { owed = true }
    }

    /// Writes `raw` unchanged as a document of its own: a record that could not be read.
    mutating func passThrough(_ raw: [UInt8]) {
        beforeDocument()
        out.write(raw)
        afterDocument(separator: nil, endedWithTerminator: raw.last == 0x0A || raw.isEmpty)
    }

    private mutating func write(_ separator: [UInt8]) {
        // A form-feed separator must be a line of its own.
        if !lastEndedWithTerminator, separator.first == 0x0C { out.write(byte: 0x0A) }
        out.write(separator)
        lastEndedWithTerminator = true
    }
}
