/// What winnow writes (`--format`).
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// The clean text of each document (the default for text input).
    case text
    /// One JSON object per line (the default for `--input jsonl`).
    case jsonl
}
