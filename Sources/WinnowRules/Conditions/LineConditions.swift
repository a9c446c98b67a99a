import Yams

/// The conditions a rule sets under `when:`; every one must hold before the
/// rule may act on a line. Each condition is defined in `ConditionTable`.
///
///     when:
///       max-words: 4        # short
///       sentence: false     # does not end like a sentence
///       region: footer      # after the last prose line
///       prev: { prose: true }
///
/// Conditions are checked on each line a rule would act on: the matching
/// line for line scope, each matched line for block and document scope.
/// The cheap ones (features, verdicts, regions) are checked before the
/// rule's regex runs, the costly ones (regexes, neighbours) after.
public struct LineConditions: Sendable {
    /// In the order they were written.
    public let items: [any LineCondition]
    /// The conditions checked before the rule's regex.
    public let cheap: [any LineCondition]
    /// The conditions checked after the rule's regex matched.
    public let costly: [any LineCondition]
    /// What evaluating all of them reads.
    public let reads: ConditionInputs

    public init(_ items: [any LineCondition] = []) {
        self.items = items
        cheap = items.filter { $0.reads.isDisjoint(with: .costly) }
        costly = items.filter { !$0.reads.isDisjoint(with: .costly) }
        reads = items.reduce(into: []) { $0.formUnion($1.reads) }
    }

    public var isEmpty: Bool { items.isEmpty }

    /// Every regex the conditions run, nested ones included.
    public var patterns: [ConditionPattern] { items.flatMap(\.patterns) }

    /// `run: N`, which the engine applies over consecutive matches.
    public var run: Int? { items.lazy.compactMap { ($0 as? RunLength)?.lines }.first }

    /// `min-matches: N`, which the engine applies over all the rule's matches in a document.
    public var minMatches: Int? { items.lazy.compactMap { ($0 as? MinMatches)?.lines }.first }

    /// `max-chars: N`: no line longer than N reaches the rule.
    public var maxChars: Int? {
        items.lazy.compactMap { ($0 as? Bound).flatMap { $0.measure == .chars && !$0.isMinimum ? $0.limit : nil } }.first
    }

    /// Whether every condition holds for `line`.
    public func holds(_ line: Int, in context: some LineContext) -> Bool {
        items.allSatisfy { $0.holds(line, in: context) }
    }

    /// Whether checking needs other rules' verdicts.
    public var readsVerdicts: Bool { reads.contains(.verdicts) }
    /// Whether checking needs the document's regions or prose positions.
    public var readsRegions: Bool { reads.contains(.regions) }
    /// Whether checking needs how often each line, or its shape, repeats.
    public var readsRepeats: Bool { reads.contains(.repeats) }

    /// Parses a `when:` mapping (or a neighbour's), reporting each problem at its node.
    static func parse(_ node: Node, with parser: ConditionParser) -> LineConditions {
        guard let map = parser.file.mapping(node, what: "'when'", rule: parser.rule) else { return LineConditions() }
        parser.file.checkKeys(map, allowed: ConditionTable.keys, what: "condition", rule: parser.rule)
        var items: [any LineCondition] = []
        for (keyNode, value) in map {
            guard let key = keyNode.string, let definition = ConditionTable.byKey[key] else { continue }
            switch definition.placement {
            case .anywhere:
                break
            case .topLevel(let message):
                if parser.nested {
                    parser.fail(at: keyNode, message, code: "schema")
                    continue
                }
            case .nestedOnly(let message):
                if !parser.nested { parser.fail(at: keyNode, message, code: "schema") }
            }
            if let condition = definition.parse(value, parser) { items.append(condition) }
        }
        for measure in Bound.Measure.allCases {
            let bounds = items.compactMap { $0 as? Bound }.filter { $0.measure == measure }
            if let low = bounds.first(where: \.isMinimum)?.limit, let high = bounds.first(where: { !$0.isMinimum })?.limit,
               low > high {
                parser.fail(at: node, "min-\(measure.rawValue) (\(low)) is greater than max-\(measure.rawValue) (\(high))",
                            code: "value")
            }
        }
        return LineConditions(items)
    }
}
