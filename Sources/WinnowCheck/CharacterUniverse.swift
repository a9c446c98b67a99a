import PCRE2

/// A fixed sample of characters (ASCII, Latin, Cyrillic, CJK, typographic
/// punctuation, spaces) against which each atom of a pattern is tested with
/// PCRE2 itself, so that `\w`, `[^()]` or `\p{Lu}` under the rule's own
/// options become comparable sets.
///
///     let universe = CharacterUniverse(options: .unicode)
///     let word = universe.members(of: atom)      // the sample characters \w accepts
///     word.intersects(universe.members(of: other))
final class CharacterUniverse {
    /// A set of sample characters, as bits indexed like `characters`.
    struct Members: Hashable {
        fileprivate var words: [UInt64]

        var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

        func intersects(_ other: Members) -> Bool {
            zip(words, other.words).contains { $0 & $1 != 0 }
        }

        func contains(_ index: Int) -> Bool { words[index / 64] & (1 << UInt64(index % 64)) != 0 }

        func union(_ other: Members) -> Members { Members(words: zip(words, other.words).map { $0 | $1 }) }
    }

    let characters: [Character]
    private let options: CompileOptions
    private let data = MatchData()
    private var cache: [String: Members] = [:]

    /// - Parameter options: the rule's compile options; multi-line matters not for single characters.
    init(options: CompileOptions) {
        self.options = options.subtracting(.multiline)
        var characters: [Character] = ["a", "b", "z", "A", "Z", "0", "9", " ", "!", ".", "\t", "\n"]
        for value in UInt8(0x20)...UInt8(0x7E) where !characters.contains(Character(Unicode.Scalar(value))) {
            characters.append(Character(Unicode.Scalar(value)))
        }
        characters += ["\u{A0}", "\u{2009}", "\u{200B}", "é", "É", "ß", "ñ", "ü", "Ж", "ж", "中", "ア", "한", "٣",
                       "…", "’", "‘", "“", "”", "«", "»", "–", "—", "•", "·", "→", "›", "€", "£", "©", "®",
                       "™", "°", "½", "😀", "\u{7}", "\r", "\u{0C}"]
        self.characters = characters
    }

    /// The sample characters `atom` accepts, asked of PCRE2 with the rule's options.
    func members(of atom: PatternAtom) -> Members {
        if let known = cache[atom.source] { return known }
        var members = Members(words: .init(repeating: 0, count: (characters.count + 63) / 64))
        if let regex = try? Pattern("^" + atom.source + #"\z"#, options: options) {
            for (index, character) in characters.enumerated() {
                if (try? regex.matches(String(character), with: data)) == true {
                    members.words[index / 64] |= 1 << UInt64(index % 64)
                }
            }
        }
        cache[atom.source] = members
        return members
    }

    /// The sample characters any of `atoms` accepts.
    func members(of atoms: [PatternAtom]) -> Members {
        atoms.reduce(Members(words: .init(repeating: 0, count: (characters.count + 63) / 64))) {
            $0.union(members(of: $1))
        }
    }

    /// A character `atom` accepts, for building probe strings: its literal,
    /// or the first sample character it accepts (letters first).
    func sample(of atom: PatternAtom) -> Character? {
        if let literal = atom.literal { return literal }
        let members = members(of: atom)
        return characters.indices.first { members.contains($0) }.map { characters[$0] }
    }

    /// A character outside `members`, to end a probe string so that the match must fail.
    func outsider(of members: Members) -> Character {
        for candidate: Character in ["!", "~", "#", "\u{7}", "0", "a", " ", "\n"] {
            if let index = characters.firstIndex(of: candidate), !members.contains(index) { return candidate }
        }
        return "!"
    }
}
