/// Where a line sits relative to the article's prose.
///
/// A *prose line* ends like a sentence and has at least
/// `DocumentSettings.proseMinWords` words. The header is everything before
/// the first prose line, the footer everything after the last one, and the
/// body the rest. A document without prose is all body.
public enum Region: String, Sendable, Hashable, CaseIterable {
    case header, body, footer
}
