import WinnowEngine

/// Where documents come from: page files and stdin split at separators
/// (`TextSource`), or JSON Lines records (`RecordSource`).
///
///     let source = TextSource(paths: ["a.txt", "-"], separator: .formFeedLine)
///     while let item = try source.next() { … }
///
/// `next()` throws `ReadError` for an input that cannot be opened or read;
/// the next call goes on with the next input.
public protocol DocumentSource: AnyObject {
    func next() throws(ReadError) -> SourceItem?
}

/// One unit of input.
public enum SourceItem {
    /// A document to filter, and where it came from.
    case document(Document, DocumentOrigin)
    /// A JSON Lines record that could not be read: the error, and the
    /// record's bytes with their line terminator, to pass through unchanged.
    case unreadable(RecordError, raw: [UInt8])
}

/// Where a document came from, which decides how sinks frame its output.
public enum DocumentOrigin: Sendable {
    /// Page text. `separator` is the separator that followed the document in
    /// its input (stdin split into documents), nil for a file or the last document.
    case text(separator: [UInt8]?)
    /// The text member of a JSON Lines record, with the record around it.
    case record(RecordEnvelope)
}

extension DocumentOrigin {
    /// The separator that followed the document in its input, if any.
    var separator: [UInt8]? {
        if case .text(let separator) = self { return separator }
        return nil
    }
}
