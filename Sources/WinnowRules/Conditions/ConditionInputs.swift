/// What evaluating a condition reads, which decides when its rule runs and
/// what the engine must compute for it.
public struct ConditionInputs: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Per-line features computed once per document: lengths, flags, positions, blocks.
    public static let features = ConditionInputs(rawValue: 1 << 0)
    /// Regex matches on this or other lines: the costly part, checked after the rule's own regex.
    public static let text = ConditionInputs(rawValue: 1 << 1)
    /// Other rules' verdicts: the rule becomes a context rule and runs after the content rules.
    public static let verdicts = ConditionInputs(rawValue: 1 << 2)
    /// Regions and prose positions, recomputed from the lines still kept: a context rule too.
    public static let regions = ConditionInputs(rawValue: 1 << 3)
    /// How often each line and each line's shape repeat, counted only when an active rule asks.
    public static let repeats = ConditionInputs(rawValue: 1 << 4)
    /// Neighbouring lines, found by walking the document: checked after the rule's own regex.
    public static let neighbours = ConditionInputs(rawValue: 1 << 5)

    /// Inputs that make a condition costly enough to check only after the rule's regex matched.
    public static let costly: ConditionInputs = [.text, .neighbours]
}
