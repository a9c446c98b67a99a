/// A PCRE2 pattern parsed just far enough to reason about backtracking:
/// which parts repeat, what characters they can consume, and what may be
/// skipped. Lookarounds, anchors and verbs are zero-width `assertion`s.
///
///     let node = PatternParser.parse("(a+)+$")
///     // .sequence([.quantified(.group(.quantified(.atom(a), 1, nil)), 1, nil), .assertion])
package indirect enum PatternNode {
    /// One character, from the set the atom describes.
    case atom(PatternAtom)
    /// Zero-width: `^`, `$`, `\b`, lookarounds, `\K`, `(*VERB)`.
    case assertion
    /// `\1`, `\k<name>`, a subroutine call: its text is unknown here.
    case backreference
    case sequence([PatternNode])
    case alternation([PatternNode])
    /// A group; an atomic group (`(?>…)`) never gives back what it matched.
    case group(PatternNode, atomic: Bool)
    /// `inner` repeated `min...max` times (`max` nil: unbounded). `range`
    /// is where the repeated item and its quantifier sit in the pattern, in
    /// Unicode scalars.
    case quantified(PatternNode, min: Int, max: Int?, possessive: Bool, range: Range<Int>)

    /// Whether the node can match the empty string.
    package var isNullable: Bool {
        switch self {
        case .atom: false
        case .assertion, .backreference: true
        case .sequence(let items): items.allSatisfy(\.isNullable)
        case .alternation(let branches): branches.contains { $0.isNullable }
        case .group(let inner, _): inner.isNullable
        case .quantified(let inner, let min, _, _, _): min == 0 || inner.isNullable
        }
    }

    /// Every atom the node may consume, in pattern order.
    package var atoms: [PatternAtom] {
        switch self {
        case .atom(let atom): [atom]
        case .assertion, .backreference: []
        case .sequence(let items), .alternation(let items): items.flatMap(\.atoms)
        case .group(let inner, _), .quantified(let inner, _, _, _, _): inner.atoms
        }
    }

    /// The atoms that can end a match of the node.
    package var lastAtoms: [PatternAtom] {
        switch self {
        case .atom(let atom): return [atom]
        case .assertion, .backreference: return []
        case .sequence(let items):
            var found: [PatternAtom] = []
            for item in items.reversed() {
                found += item.lastAtoms
                if !item.isNullable { break }
            }
            return found
        case .alternation(let branches): return branches.flatMap(\.lastAtoms)
        case .group(let inner, _), .quantified(let inner, _, _, _, _): return inner.lastAtoms
        }
    }

    /// The atoms that can start a match of the node.
    package var firstAtoms: [PatternAtom] {
        switch self {
        case .atom(let atom): return [atom]
        case .assertion, .backreference: return []
        case .sequence(let items):
            var found: [PatternAtom] = []
            for item in items {
                found += item.firstAtoms
                if !item.isNullable { break }
            }
            return found
        case .alternation(let branches): return branches.flatMap(\.firstAtoms)
        case .group(let inner, _), .quantified(let inner, _, _, _, _): return inner.firstAtoms
        }
    }
}
