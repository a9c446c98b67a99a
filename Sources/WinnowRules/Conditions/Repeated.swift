/// `repeated: N`: the line's text occurs at least N times in the document
/// (a label above every teaser, a share bar above and below).
struct Repeated: LineCondition {
    let times: Int

    var reads: ConditionInputs { [.features, .repeats] }
    var written: String { "repeated: \(times)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool { context.repeats(line) >= times }

    static let definition = ConditionDefinition(key: "repeated", value: "a whole number, 1 or more") { node, parser in
        parser.positiveInt(node, key: "repeated").map { Repeated(times: $0) }
    }
}
