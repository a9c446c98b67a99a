/// `min-matches: N`: the rule acts only in a document where it matches at
/// least N lines (its regex and every other condition holding), as a
/// comment thread has a signature line above every comment.
///
/// Like `run`, it is a property of the rule's matches, not of one line:
/// `holds` is always true and the engine applies it (`LineConditions.minMatches`).
struct MinMatches: LineCondition {
    let lines: Int

    var reads: ConditionInputs { [] }
    var written: String { "min-matches: \(lines)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool { true }

    static let definition = ConditionDefinition(
        key: "min-matches", value: "a whole number, 1 or more",
        placement: .topLevel(whenNested: "'min-matches' is not allowed inside prev/next")
    ) { node, parser in
        parser.positiveInt(node, key: "min-matches").map { MinMatches(lines: $0) }
    }
}
