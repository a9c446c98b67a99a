/// One character-matching item of a pattern (`a`, `\w`, `[^()]`, `.`,
/// `\p{Lu}`), kept as PCRE2 source so that its exact character set can be
/// asked of PCRE2 itself (see `CharacterUniverse`).
package struct PatternAtom: Hashable {
    /// The item as a standalone pattern, with the inline flags in force where
    /// it stood (`(?i)a`, `(?s).`).
    package var source: String
    /// The character itself, for a plain or escaped literal.
    package var literal: Character?
    /// Where the item sits in the pattern, in Unicode scalars.
    package var offset: Int
    /// Whether the item matches caselessly (`(?i)` or the compile option in force).
    package var caseless: Bool

    package init(source: String, literal: Character?, offset: Int, caseless: Bool = false) {
        self.source = source
        self.literal = literal
        self.offset = offset
        self.caseless = caseless
    }
}
