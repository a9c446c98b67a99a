/// `first-lines`, `last-lines`: among the first or last N non-blank lines of the document.
///
///     when: { first-lines: 5 }   # a masthead
struct Position: LineCondition {
    let fromEnd: Bool
    let lines: Int

    var reads: ConditionInputs { .features }
    var written: String { "\(fromEnd ? "last" : "first")-lines: \(lines)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool {
        (fromEnd ? context.ordinalFromEnd(line) : context.ordinal(line)) < lines
    }

    static let definitions: [ConditionDefinition] = [false, true].map { fromEnd in
        let key = fromEnd ? "last-lines" : "first-lines"
        return ConditionDefinition(key: key, value: "a whole number, 1 or more") { node, parser in
            parser.positiveInt(node, key: key).map { Position(fromEnd: fromEnd, lines: $0) }
        }
    }
}
