/// Why a JSON Lines record could not be read, and where.
///
///     JSONSyntaxError(offset: 16, message: "expected ':' after the key")
///     // described as "column 17: expected ':' after the key"
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset in the record where reading stopped.
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// The 1-based byte column, as editors and `jq` count for ASCII.
    public var column: Int { offset + 1 }

    public var description: String { "column \(column): \(message)" }
}
