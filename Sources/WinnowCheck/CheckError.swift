/// A problem that stops `winnow test` or `winnow lint` before any check
/// runs: an unreadable samples directory, an unknown sample name, a file
/// that cannot be written. The commands exit 2 on it.
public struct CheckError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
