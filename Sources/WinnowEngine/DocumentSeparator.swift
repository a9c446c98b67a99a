/// How documents are delimited in a stream.
public enum DocumentSeparator: Sendable, Hashable {
    /// A line holding only a form feed (`\f\n` or `\f\r\n`): the default on stdin.
    case formFeedLine
    /// A NUL byte (`-z`, `--null-data`).
    case nul
    /// Each line is one document, the `\n` its separator (JSON Lines records).
    case lineFeed
    /// The whole input is one document (a file argument).
    case none
}
