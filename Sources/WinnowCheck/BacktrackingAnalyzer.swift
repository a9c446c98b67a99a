import PCRE2

/// Finds, by reading a pattern, the constructs that make backtracking blow
/// up on a line that almost matches: nested quantifiers (`(a+)+`,
/// `(\w+\s?)*`), repeated overlapping alternatives (`(a|aa)+`) and adjacent
/// quantifiers over the same characters (`\s*:?\s+`).
///
///     let risks = BacktrackingAnalyzer(pattern: "(a+)+$", options: .unicode).risks()
///     risks.first?.message   // nested quantifiers `(a+)+`: …
///
/// It errs on the side of warning; `BacktrackingProbe` measures what PCRE2
/// actually does.
struct BacktrackingAnalyzer {
    let pattern: String
    let tree: PatternNode
    let universe: CharacterUniverse
    private let scalars: [Unicode.Scalar]

    /// Repeats bounded below this many iterations cannot run away on a long line.
    static let largeRepeat = 64

    init(pattern: String, options: CompileOptions, universe: CharacterUniverse? = nil) {
        self.pattern = pattern
        tree = PatternParser.parse(pattern, caseless: options.contains(.caseless))
        self.universe = universe ?? CharacterUniverse(options: options)
        scalars = Array(pattern.unicodeScalars)
    }

    func risks() -> [BacktrackingRisk] {
        var found: [BacktrackingRisk] = []
        walk(tree, into: &found)
        var seen = Set<Int>()
        return found.filter { seen.insert($0.offset).inserted }.sorted { $0.offset < $1.offset }
    }

    /// The pattern text of `range`, shortened in the middle past 40 characters.
    private func fragment(_ range: Range<Int>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
        return text.count <= 40 ? text : text.prefix(24) + "…" + text.suffix(12)
    }

    static func isLarge(_ max: Int?) -> Bool { max.map { $0 >= largeRepeat } ?? true }

    private func walk(_ node: PatternNode, into found: inout [BacktrackingRisk]) {
        switch node {
        case .atom, .assertion, .backreference:
            return
        case .group(let inner, _):
            walk(inner, into: &found)
        case .alternation(let branches):
            for branch in branches { walk(branch, into: &found) }
        case .sequence(let items):
            checkAdjacent(items, into: &found)
            for item in items { walk(item, into: &found) }
        case .quantified(let inner, _, let max, let possessive, let range):
            if !possessive, Self.isLarge(max) {
                if let repeated = soleRepeats(inner).first, case .quantified(_, _, _, _, let innerRange) = repeated {
                    found.append(BacktrackingRisk(
                        kind: .nestedQuantifier, offset: range.lowerBound, fragment: fragment(range),
                        advice: "`\(fragment(innerRange))` can split the same text between iterations in "
                            + "exponentially many ways; make it possessive (`++`, `*+`) or atomic (`(?>…)`)"))
                } else if overlappingAlternatives(inner) {
                    found.append(BacktrackingRisk(
                        kind: .overlappingAlternatives, offset: range.lowerBound, fragment: fragment(range),
                        advice: "the alternatives can match the same text, so a failing line is retried "
                            + "in exponentially many ways; make them exclusive"))
                }
            }
            walk(inner, into: &found)
        }
    }

    // MARK: - Nested quantifiers

    /// The large repeats that `node` can match with nothing else but what
    /// the repeat could take itself: `a+` in `a+`, `(a+)`, `a+b?`, `a+.`.
    private func soleRepeats(_ node: PatternNode) -> [PatternNode] {
        switch node {
        case .atom, .assertion, .backreference:
            return []
        case .group(let inner, let atomic):
            return atomic ? [] : soleRepeats(inner)
        case .alternation(let branches):
            return branches.flatMap(soleRepeats)
        case .quantified(let inner, _, let max, let possessive, _):
            if possessive { return [] }
            return (Self.isLarge(max) ? [node] : []) + soleRepeats(inner)
        case .sequence(let items):
            var found: [PatternNode] = []
            for (k, item) in items.enumerated() {
                for candidate in soleRepeats(item) {
                    let taken = universe.members(of: candidate.atoms)
                    let othersAbsorbed = items.indices.allSatisfy { j in
                        j == k || items[j].isNullable
                            || (!items[j].atoms.isEmpty && universe.members(of: items[j].atoms).intersects(taken)
                                && items[j].atoms.count == 1)
                    }
                    if othersAbsorbed { found.append(candidate) }
                }
            }
            return found
        }
    }

    // MARK: - Overlapping alternatives

    private func overlappingAlternatives(_ node: PatternNode) -> Bool {
        var body = node
        while case .group(let inner, let atomic) = body, !atomic { body = inner }
        guard case .alternation(let branches) = body else { return false }
        for i in branches.indices {
            for j in branches.indices where j > i {
                let a = branches[i], b = branches[j]
                guard universe.members(of: a.firstAtoms).intersects(universe.members(of: b.firstAtoms)) else { continue }
                // (ab|ac)+ is deterministic after one character; (a|aa)+ and (ab|abab)+ are not.
                if Self.isSingleCharacter(a) || Self.isSingleCharacter(b) { return true }
                if let lastA = a.atoms.last, let lastB = b.atoms.last,
                   universe.members(of: lastA).intersects(universe.members(of: lastB)) {
                    return true
                }
            }
        }
        return false
    }

    private static func isSingleCharacter(_ node: PatternNode) -> Bool {
        switch node {
        case .atom: true
        case .group(let inner, _): isSingleCharacter(inner)
        case .quantified(let inner, _, _, _, _): isSingleCharacter(inner)
        default: false
        }
    }

    // MARK: - Adjacent quantifiers

    /// Two large repeats with only optional items between them, over
    /// characters both can take: `\s*:?\s+` tries every split of a run of spaces.
    private func checkAdjacent(_ items: [PatternNode], into found: inout [BacktrackingRisk]) {
        for i in items.indices {
            let left = Self.edgeRepeats(items[i], last: true)
            guard !left.isEmpty else { continue }
            var j = i + 1
            while j < items.count {
                for l in left {
                    for r in Self.edgeRepeats(items[j], last: false) {
                        // The split can move when a character can both end the left repeat and start the right one.
                        guard case .quantified(let li, _, _, _, let lr) = l, case .quantified(let ri, _, _, _, let rr) = r,
                              universe.members(of: li.lastAtoms).intersects(universe.members(of: ri.firstAtoms))
                        else { continue }
                        // Show the two repeats, not a long alternation between them.
                        let span = rr.upperBound - lr.lowerBound
                        found.append(BacktrackingRisk(
                            kind: .adjacentQuantifiers, offset: lr.lowerBound,
                            fragment: span <= 40 ? fragment(lr.lowerBound..<rr.upperBound)
                                                 : fragment(lr) + "…" + fragment(rr),
                            advice: "`\(fragment(lr))` and `\(fragment(rr))` can take the same characters, so a "
                                + "failing line is retried for every split between them; merge them or make the "
                                + "first possessive"))
                    }
                }
                if !items[j].isNullable { break }
                j += 1
            }
        }
    }

    /// The large, backtracking repeats that can be the last (or first) thing `node` matches.
    private static func edgeRepeats(_ node: PatternNode, last: Bool) -> [PatternNode] {
        switch node {
        case .atom, .assertion, .backreference:
            return []
        case .group(let inner, let atomic):
            return atomic ? [] : edgeRepeats(inner, last: last)
        case .alternation(let branches):
            return branches.flatMap { edgeRepeats($0, last: last) }
        case .quantified(let inner, _, let max, let possessive, _):
            if possessive { return [] }
            return isLarge(max) ? [node] : edgeRepeats(inner, last: last)
        case .sequence(let items):
            var found: [PatternNode] = []
            for item in last ? Array(items.reversed()) : items {
                found += edgeRepeats(item, last: last)
                if !item.isNullable { break }
            }
            return found
        }
    }
}
