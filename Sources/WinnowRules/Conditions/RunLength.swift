/// `run: N`: the line is part of a run of at least N consecutive non-blank
/// lines that the rule matches (a menu is many short lines in a row).
///
/// A run is a property of the rule's matches, not of one line, so `holds` is
/// always true and the engine applies it over the matched lines
/// (`LineConditions.run`). Line scope only, and not inside neighbours.
struct RunLength: LineCondition {
    let lines: Int

    var reads: ConditionInputs { [] }
    var written: String { "run: \(lines)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool { true }

    static let definition = ConditionDefinition(
        key: "run", value: "a whole number, 1 or more",
        placement: .topLevel(whenNested: "'run' is not allowed inside prev/next")
    ) { node, parser in
        parser.positiveInt(node, key: "run").map { RunLength(lines: $0) }
    }
}
