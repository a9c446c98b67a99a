/// Document-wide thresholds that define the line features conditions read.
///
/// Set in a rule file under `settings:`; two files may not set the same key
/// to different values.
public struct DocumentSettings: Sendable, Hashable {
    /// How many words a sentence-like line needs to count as prose.
    public var proseMinWords: Int = 10
    /// What each non-prose (or dropped) line costs when the body is found:
    /// the body is the stretch where prose words minus this penalty per
    /// other line is highest.
    public var bodyLinePenalty: Int = 2

    public init(proseMinWords: Int = 10, bodyLinePenalty: Int = 2) {
        self.proseMinWords = proseMinWords
        self.bodyLinePenalty = bodyLinePenalty
    }
}
