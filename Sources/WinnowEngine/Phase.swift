import WinnowRules

/// The four phases rules apply in. Within a phase, rules apply in load
/// order, except that `extract` rules come first (so the metadata a line
/// carries is recorded before a layout rule drops it).
///
/// 1. `content`: `drop`, `drop-block`, `strip` and `extract` rules whose
///    conditions read no verdicts or regions; the first rule to drop a line is its reason;
/// 2. `keep`: keep rules protect their lines from every other rule, restoring
///    any line a content rule dropped (so keep always wins, and its conditions
///    see the document as the phrase rules left it);
/// 3. `cut`: the earliest unprotected line any cut rule fires on, and every
///    unprotected line after it, is dropped;
/// 4. `context`: rules whose conditions read verdicts or regions, each seeing
///    the verdicts left by all rules before it.
public enum Phase: Int, Sendable, CaseIterable, Comparable {
    case content, keep, cut, context

    /// The phase `rule` runs in: decided here and nowhere else.
    public init(of rule: Rule) {
        switch rule.action {
        case .keep: self = .keep
        case .cut: self = .cut
        case .drop, .dropBlock, .strip, .extract: self = rule.isContextRule ? .context : .content
        }
    }

    public static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }
}
