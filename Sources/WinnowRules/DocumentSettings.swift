/// Document-wide thresholds that define the line features conditions read.
///
/// Set in a rule file under `settings:`; two files may not set the same key
/// to different values.
public struct DocumentSettings: Sendable, Hashable {
    /// How many words a sentence-like line needs to count as prose.
    public var proseMinWords: Int = 10

    public init(proseMinWords: Int = 10) {
        self.proseMinWords = proseMinWords
    }
}
