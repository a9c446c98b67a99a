/// Byte strings at least one of which every match of a pattern contains, so
/// that a subject holding none of them need not be searched at all.
///
///     let literals = RequiredLiterals(pattern: #"^\s*(?:advertisement|sponsored(?: content)?)\s*$"#,
///                                     options: [.unicode, .caseless])
///     // literals?.strings == [Array("advertisemen".utf8), Array("sponsored".utf8)]: cut to 12 bytes
///
/// The strings are folded with `ASCIIFolding`: compare them with folded
/// subject bytes, and let a subject with one of
/// `ASCIIFolding.caselessLookalikes` through unchecked. A caseless literal
/// outside ASCII is never used (its other cases are other bytes); a
/// case-sensitive one is used byte for byte.
///
/// Derivation gives up (nil) rather than guess: when some branch has no
/// literal, or the pattern uses syntax `PatternParser` only skims past.
/// Lookarounds, anchors and optional parts contribute nothing; of the
/// requirements of a sequence's parts, the most selective is kept.
public struct RequiredLiterals: Sendable, Hashable {
    /// Folded, none empty, none longer than `maximumLength`, none containing another, sorted.
    public let strings: [[UInt8]]

    /// The shortest string a requirement may hold: a single byte is in nearly every line.
    public static let minimumLength = 2
    /// Longer strings are cut to their first bytes (part of a required string
    /// is required too): hardly less selective, and a much smaller automaton.
    public static let maximumLength = 12
    /// How many alternatives a piece's exact strings may number before only its requirement is kept.
    static let exactLimit = 16

    /// Derives the literals of `pattern` compiled with `options`; nil when
    /// no sound, useful set exists.
    public init?(pattern: String, options: CompileOptions) {
        guard let tree = PatternParser.parseIfUnderstood(pattern, caseless: options.contains(.caseless),
                                                         extended: options.contains(.extended))
        else { return nil }
        let facts = Facts(of: tree)
        guard let required = Facts.better(facts.required, Facts.requirement(facts.exact)).map(Self.pruned),
              required.allSatisfy({ $0.count >= Self.minimumLength })
        else { return nil }
        strings = required
    }

    /// Literals given by hand (a rule's `keywords:`), folded the same way;
    /// nil when the list is empty or holds an empty string.
    public init?(keywords: [String]) {
        guard let required = Facts.requirement(keywords.map { ASCIIFolding.fold($0.utf8) }) else { return nil }
        strings = Self.pruned(required)
    }

    /// Cut to `maximumLength`, without duplicates and without strings that
    /// contain another (which add nothing to a disjunction), sorted.
    private static func pruned(_ strings: [[UInt8]]) -> [[UInt8]] {
        var kept: [[UInt8]] = []
        for string in Set(strings.map { Array($0.prefix(maximumLength)) }).sorted(by: { $0.count < $1.count })
        where !kept.contains(where: { string.contains(subsequence: $0) }) {
            kept.append(string)
        }
        return kept.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// What one node of the tree tells about the text it consumes. Lists may
    /// repeat a string: duplicates are only removed from the final result.
    private struct Facts {
        /// Every string the node can consume, when they are few and all known.
        var exact: [[UInt8]]?
        /// Strings one of which every match of the node contains, or nil.
        var required: [[UInt8]]?

        static let unknown = Facts(exact: nil, required: nil)
        static let empty = Facts(exact: [[]], required: nil)

        init(exact: [[UInt8]]?, required: [[UInt8]]?) {
            self.exact = exact
            self.required = required
        }

        init(of node: PatternNode) {
            switch node {
            case .atom(let atom):
                self = Facts.literal(atom)
            case .assertion:
                self = .empty
            case .backreference:
                self = .unknown
            case .group(let inner, _):
                self = Facts(of: inner)
            case .alternation(let branches):
                self = Facts.either(branches.map(Facts.init(of:)))
            case .sequence(let items):
                self = Facts.concatenation(items)
            case .quantified(let inner, let min, let max, _, _):
                self = Facts.repeated(Facts(of: inner), min: min, max: max)
            }
        }

        private static func literal(_ atom: PatternAtom) -> Facts {
            usableLiteral(atom).map { Facts(exact: [ASCIIFolding.fold($0)], required: nil) } ?? .unknown
        }

        /// The UTF-8 of a literal atom that may be used (fold it), or nil.
        @inline(__always)
        private static func usableLiteral(_ atom: PatternAtom) -> Character.UTF8View? {
            guard let character = atom.literal, character.unicodeScalars.count == 1 else { return nil }
            let bytes = character.utf8
            // A caseless letter outside ASCII matches other cases, which are other bytes.
            if atom.caseless, bytes.count > 1 || bytes.first! >= 0x80 { return nil }
            return bytes
        }

        private static func either(_ branches: [Facts]) -> Facts {
            var exact: [[UInt8]] = [], required: [[UInt8]] = []
            var exactKnown = true, requiredKnown = true
            for branch in branches {
                if exactKnown, let strings = branch.exact, exact.count + strings.count <= exactLimit {
                    exact += strings
                } else {
                    exactKnown = false
                }
                if requiredKnown, let strings = better(branch.required, requirement(branch.exact)) {
                    required += strings
                } else {
                    requiredKnown = false
                }
                if !exactKnown, !requiredKnown { break }
            }
            return Facts(exact: exactKnown ? exact : nil, required: requiredKnown ? required : nil)
        }

        private static func concatenation(_ nodes: [PatternNode]) -> Facts {
            // `run`: the strings the items since the last unknown one spell together.
            var run: [[UInt8]] = [[]]
            var whole = true
            var best: [[UInt8]]?
            for node in nodes {
                // Most items are single characters: spell them straight onto the run.
                if case .atom(let atom) = node, let bytes = usableLiteral(atom) {
                    for index in run.indices {
                        for byte in bytes { run[index].append(ASCIIFolding.fold(byte)) }
                    }
                    continue
                }
                let item = Facts(of: node)
                best = better(best, item.required)
                if let strings = item.exact, run.count * strings.count <= exactLimit {
                    if strings.count == 1 {
                        for index in run.indices { run[index] += strings[0] }
                    } else {
                        run = run.flatMap { head in strings.map { head + $0 } }
                    }
                    continue
                }
                whole = false
                best = better(best, requirement(run))
                run = item.exact ?? [[]]
            }
            best = better(best, requirement(run))
            return Facts(exact: whole ? run : nil, required: best)
        }

        private static func repeated(_ inner: Facts, min: Int, max: Int?) -> Facts {
            var exact: [[UInt8]]?
            if let strings = inner.exact {
                switch (min, max) {
                case (0, 1): exact = strings + [[]]
                case (1, 1): exact = strings
                default: exact = nil
                }
            }
            let required = min >= 1 ? better(inner.required, requirement(inner.exact)) : nil
            return Facts(exact: exact, required: required)
        }

        /// `strings` as a requirement: nil if there are none or one is empty (every text contains it).
        static func requirement(_ strings: [[UInt8]]?) -> [[UInt8]]? {
            guard let strings, !strings.isEmpty, !strings.contains(where: \.isEmpty) else { return nil }
            return strings
        }

        /// The more selective of two requirements: the longer shortest
        /// string, then the fewer strings.
        static func better(_ a: [[UInt8]]?, _ b: [[UInt8]]?) -> [[UInt8]]? {
            guard let a else { return b }
            guard let b else { return a }
            let shortestA = a.lazy.map(\.count).min() ?? 0, shortestB = b.lazy.map(\.count).min() ?? 0
            if shortestA != shortestB { return shortestA > shortestB ? a : b }
            return a.count <= b.count ? a : b
        }
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in the array as a contiguous run.
    fileprivate func contains(subsequence needle: [UInt8]) -> Bool {
        guard needle.count <= count else { return false }
        if needle.isEmpty { return true }
        for start in 0...(count - needle.count) where self[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
