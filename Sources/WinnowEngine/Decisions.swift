import WinnowRules

/// What the filter decided for each line of one document.
///
///     let decisions = filter.apply(to: document)
///     for index in document.lines.indices where decisions.isKept(index) { … }
///
/// Rules are referred to by their index in `rules` (the filter's rules, in
/// load order).
public struct Decisions: Sendable {
    public enum Verdict: Sendable, Hashable {
        /// No rule removed the line (it may still have fragments stripped).
        case kept
        /// A keep rule protected the line.
        case protected(rule: Int)
        /// The rule removed the line; its action says how (drop, drop-block, cut, strip, extract).
        case dropped(rule: Int)
    }

    /// A fragment a strip rule removed from inside a kept line, in document bytes.
    public struct Strip: Sendable, Hashable {
        public var range: Range<Int>
        public var rule: Int
    }

    /// A field a rule extracted from the document.
    public struct MetaField: Sendable, Hashable {
        public var name: String
        public var value: [UInt8]
        public var rule: Int
        public var line: Int
    }

    /// A rule that hit PCRE2's match limit on a line; winnow kept the line.
    public struct LimitHit: Sendable, Hashable {
        public var rule: Int
        public var line: Int
        public var message: String
    }

    /// A rule that used up its `RuleBudget` on this document and was
    /// suspended for the rest of it: from `line` on it matched nothing.
    public struct Suspension: Sendable, Hashable {
        public enum Reason: Sendable, Hashable {
            /// PCRE2 stopped the rule at a resource limit on this many lines.
            case limitHits(Int)
            /// The rule ran this long on the document.
            case time(nanoseconds: UInt64)
        }
        public var rule: Int
        /// The line the rule had reached when it was suspended.
        public var line: Int
        public var reason: Reason
    }

    /// Where a cut rule fired: every unprotected line from `line` on is gone,
    /// whichever rule a line is charged to.
    public struct Cut: Sendable, Hashable {
        public var line: Int
        public var rule: Int
    }

    public let rules: [Rule]
    public internal(set) var cut: Cut?
    /// The earliest cut proposed in the cut phase, applied when the phase ends.
    private var proposedCut: Cut?
    /// Per line: the dropping rule (0 and up), -1 for kept, or `-2 - rule` for a protecting rule;
    /// one number a line, since protection undoes a drop and blocks later ones.
    private var verdicts: [Int32]
    public internal(set) var strips: [Int: [Strip]] = [:]
    public internal(set) var meta: [MetaField] = []
    /// The site packs that applied to this document.
    public internal(set) var sites: [String] = []
    public internal(set) var limitHits: [LimitHit] = []
    public internal(set) var suspensions: [Suspension] = []
    /// How the document is laid out, as the engine detected it.
    public internal(set) var shape = TextShape()
    /// The wrapped paragraphs (the engine's own table, shared, not copied).
    var paragraphs = WrappedParagraphs()

    init(rules: [Rule], lineCount: Int) {
        self.rules = rules
        verdicts = .init(repeating: -1, count: lineCount)
    }

    public var lineCount: Int { verdicts.count }

    public func verdict(_ line: Int) -> Verdict {
        let value = Int(verdicts[line])
        if value >= 0 { return .dropped(rule: value) }
        if value < -1 { return .protected(rule: -2 - value) }
        return .kept
    }

    /// Whether the line continues a hard-wrapped paragraph that starts on an earlier line.
    public func continuesParagraph(_ line: Int) -> Bool { paragraphs.continues(line) }

    @inline(__always) public func isKept(_ line: Int) -> Bool { verdicts[line] < 0 }
    @inline(__always) public func isDropped(_ line: Int) -> Bool { verdicts[line] >= 0 }
    @inline(__always) public func isProtected(_ line: Int) -> Bool { verdicts[line] < -1 }

    /// The rule that removed the line, if any.
    public func droppingRule(_ line: Int) -> Rule? {
        verdicts[line] >= 0 ? rules[Int(verdicts[line])] : nil
    }

    /// Protects a line, undoing any drop or strip made before.
    mutating func protect(_ line: Int, by rule: Int) {
        verdicts[line] = Int32(-2 - rule)
        strips[line] = nil
    }

    /// A cut rule fired at `line`; the earliest proposal of the phase wins.
    mutating func proposeCut(at line: Int, by rule: Int) {
        if line < (proposedCut?.line ?? Int.max) { proposedCut = Cut(line: line, rule: rule) }
    }

    /// Drops every unprotected line from the proposed cut on, charged to the cut rule.
    mutating func applyCut(lineCount: Int) {
        guard let proposed = proposedCut else { return }
        cut = proposed
        proposedCut = nil
        for line in proposed.line..<lineCount { drop(line, by: proposed.rule) }
    }

    mutating func drop(_ line: Int, by rule: Int) {
        if verdicts[line] == -1 { verdicts[line] = Int32(rule) }
    }
}
