/// One character-matching item of a pattern (`a`, `\w`, `[^()]`, `.`,
/// `\p{Lu}`), kept as PCRE2 source so that its exact character set can be
/// asked of PCRE2 itself (see `CharacterUniverse`).
struct PatternAtom: Hashable {
    /// The item as a standalone pattern, with the inline flags in force where
    /// it stood (`(?i)a`, `(?s).`).
    var source: String
    /// The character itself, for a plain or escaped literal.
    var literal: Character?
    /// Where the item sits in the pattern, in Unicode scalars.
    var offset: Int
}
