/// A JSON Lines record winnow could not filter, for the message on stderr.
///
///     RecordError(source: "crawl.jsonl", line: 3, column: 17, message: "expected ':' after the key")
///     // crawl.jsonl:3:17: expected ':' after the key
public struct RecordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, or `<stdin>`.
    public var source: String
    /// The record's line number in its input, from 1.
    public var line: Int
    /// The byte column in that line where the JSON went wrong, from 1.
    public var column: Int?
    public var message: String

    public init(source: String, line: Int, column: Int? = nil, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "\(source):\(line):\(column.map { "\($0):" } ?? "") \(message)"
    }
}
