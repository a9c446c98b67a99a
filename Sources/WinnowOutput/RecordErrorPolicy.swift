/// What happens to a JSON Lines record winnow cannot read (`--on-error`).
///
/// In every case the error goes to stderr with the record's line number,
/// and winnow exits with status 1 at the end.
public enum RecordErrorPolicy: String, Sendable, Hashable, CaseIterable {
    /// The record is written out unchanged, so nothing is lost (the default).
    case pass
    /// The record is left out of the output.
    case skip
    /// winnow stops at the record: what came before it has been written, nothing after.
    case fail
}
