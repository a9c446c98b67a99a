/// Where a line sits relative to the article's body.
///
/// A *prose line* ends like a sentence and has at least
/// `DocumentSettings.proseMinWords` words. The body is the stretch of lines
/// where prose outweighs everything else (see `DocumentSettings` for the
/// scores); the header is what comes before it, the footer what comes
/// after. A document without prose is all body.
public enum Region: String, Sendable, Hashable, CaseIterable {
    case header, body, footer
}
