/// `prev:`, `next:`, `prev-kept:`, `next-kept:`: conditions on a
/// neighbouring line, written as a nested `when:` mapping.
///
///     when:
///       prev: { regex: '^Related' }        # the nearest non-blank line above
///       next-kept: { prose: true }         # the nearest line below no rule dropped
///
/// There must be such a line. The `-kept` forms read verdicts, so their rule
/// is a context rule. Neighbours do not nest.
struct Neighbour: LineCondition {
    enum Which: String, Sendable, CaseIterable {
        case previous = "prev", next
        case previousKept = "prev-kept", nextKept = "next-kept"

        var skipsDropped: Bool { self == .previousKept || self == .nextKept }
        var goesBack: Bool { self == .previous || self == .previousKept }
    }

    let which: Which
    let conditions: LineConditions

    var reads: ConditionInputs {
        var inputs = conditions.reads.union(.neighbours)
        if which.skipsDropped { inputs.insert(.verdicts) }
        return inputs
    }
    var patterns: [ConditionPattern] { conditions.patterns }
    var written: String { "\(which.rawValue): {\(conditions.items.map(\.written).joined(separator: ", "))}" }

    func holds(_ line: Int, in context: some LineContext) -> Bool {
        var j = which.goesBack ? context.previous(line) : context.next(line)
        if which.skipsDropped {
            while j >= 0, context.isDropped(j) { j = which.goesBack ? context.previous(j) : context.next(j) }
        }
        return j >= 0 && conditions.holds(j, in: context)
    }

    static let definitions: [ConditionDefinition] = Which.allCases.map { which in
        ConditionDefinition(
            key: which.rawValue, value: "a mapping of conditions",
            placement: .topLevel(whenNested: "\(which.rawValue) cannot be nested inside another neighbour")
        ) { node, parser in
            Neighbour(which: which, conditions: parser.neighbourConditions(node))
        }
    }
}
