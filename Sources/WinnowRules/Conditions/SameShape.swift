/// `same-shape: N`: at least N lines of the document have the line's shape,
/// its text with every run of words written `w`, every number `0`, and its
/// punctuation kept. Comment signatures share one ("by w (0) w: w 0, @0:0
/// (#0)"), as do the timestamps of a grid of cards, while an article's own
/// byline has a shape of its own.
struct SameShape: LineCondition {
    let times: Int

    var reads: ConditionInputs { [.features, .repeats] }
    var written: String { "same-shape: \(times)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool { context.shapeRepeats(line) >= times }

    static let definition = ConditionDefinition(key: "same-shape", value: "a whole number, 1 or more") { node, parser in
        parser.positiveInt(node, key: "same-shape").map { SameShape(times: $0) }
    }
}
