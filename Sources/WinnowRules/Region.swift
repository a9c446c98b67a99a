/// Where a line sits relative to the article's body.
///
/// A *prose line* ends like a sentence and has at least
/// `DocumentSettings.proseMinWords` words. The body is the stretch of lines
/// where prose outweighs everything else: each kept prose line scores its
/// words, every other line `-bodyLinePenalty`, and the body is the stretch
/// with the highest total. The header is what comes before the body, the
/// footer what comes after. A document without prose is all body.
public enum Region: String, Sendable, Hashable, CaseIterable {
    case header, body, footer
}
