/// What winnow reads (`--input`).
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// Page text: each file one document, stdin split at form-feed lines or NULs.
    case text
    /// JSON Lines: one record per line, one of its members the document.
    case jsonl
}
