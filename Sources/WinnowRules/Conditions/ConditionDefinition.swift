import Yams

/// How one `when:` key is written and read: its key, what its value is, where
/// it may appear, and the parser that turns the YAML value into a condition.
///
///     static let definition = ConditionDefinition(key: "max-words", value: "a whole number, 0 or more") {
///         node, parser in parser.nonNegativeInt(node).map { Bound(.words, atMost: $0) }
///     }
public struct ConditionDefinition: Sendable {
    /// Where a key may be written.
    public enum Placement: Sendable {
        /// Directly under `when:` and inside neighbours (`prev:`…).
        case anywhere
        /// Only directly under `when:`; the message says why when it is nested.
        case topLevel(whenNested: String)
        /// Only inside neighbours; the message says why when it is not.
        case nestedOnly(whenTopLevel: String)
    }

    public let key: String
    /// The value the key takes, as documentation and error text say it.
    public let value: String
    public let placement: Placement
    let parse: @Sendable (Node, ConditionParser) -> (any LineCondition)?

    init(key: String, value: String, placement: Placement = .anywhere,
         parse: @escaping @Sendable (Node, ConditionParser) -> (any LineCondition)?) {
        self.key = key
        self.value = value
        self.placement = placement
        self.parse = parse
    }
}
