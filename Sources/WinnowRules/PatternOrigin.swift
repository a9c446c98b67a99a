/// Where each piece of an assembled pattern was written in its rule file, so
/// that an offset in the pattern PCRE2 compiled (after list joining and
/// `{{words}}` expansion) maps back to the YAML scalar and column it came from.
///
///     let origin = rule.regexOrigin
///     origin.location(ofOffset: 7)  // rules/ads.yml:14:12, inside the second list item
///
/// The glue the assembler adds (`(?:`, `|`, `)`) is not written anywhere; an
/// offset in it maps to the end of the piece before it (or the start of the
/// first piece), which is where an unclosed group in an item shows up.
public struct PatternOrigin: Sendable {
    /// A run of the final pattern copied from one YAML scalar.
    struct Piece: Sendable {
        /// Byte offset of the piece in the final pattern.
        var start: Int
        var text: String
        /// Unicode-scalar offset of the piece's first character in its scalar's value.
        var scalarOffset: Int
        var scalar: ScalarLocator.ScalarPosition

        var end: Int { start + text.utf8.count }
    }

    /// In pattern order, not overlapping.
    private(set) var pieces: [Piece] = []
    private let locator: ScalarLocator?
    /// Where the pattern's key is, for a pattern with no pieces.
    public let fallback: SourceLocation

    init(locator: ScalarLocator, fallback: SourceLocation) {
        self.locator = locator
        self.fallback = fallback
    }

    /// An origin that knows only one place, for rules built in code.
    public init(at location: SourceLocation) {
        locator = nil
        fallback = location
    }

    mutating func append(_ piece: Piece) {
        if !piece.text.isEmpty { pieces.append(piece) }
    }

    /// The file position of byte `offset` of the final pattern.
    public func location(ofOffset offset: Int) -> SourceLocation {
        guard let locator, !pieces.isEmpty else { return fallback }
        guard let index = pieces.lastIndex(where: { $0.start <= offset }) else {
            return locator.location(in: pieces[0].scalar, offset: pieces[0].scalarOffset)
        }
        let piece = pieces[index]
        let bytes = min(offset, piece.end) - piece.start
        let characters = String(decoding: piece.text.utf8.prefix(bytes), as: UTF8.self).unicodeScalars.count
        return locator.location(in: piece.scalar, offset: piece.scalarOffset + characters)
    }

    /// The file position of the `offset`-th Unicode scalar of `pattern`, the final pattern.
    public func location(ofCharacter offset: Int, in pattern: String) -> SourceLocation {
        location(ofOffset: String(pattern.unicodeScalars.prefix(offset)).utf8.count)
    }
}
