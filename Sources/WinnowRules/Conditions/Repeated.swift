/// `repeated: N`: the line's text occurs at least N times in the document
/// (a label above every teaser, a share bar above and below).
/// `max-repeated: N`: at most N times (a "4 Comments" link above and below
/// the article is no thread heading).
struct Repeated: LineCondition {
    let times: Int
    let atMost: Bool

    var reads: ConditionInputs { [.features, .repeats] }
    var written: String { atMost ? "max-repeated: \(times)" : "repeated: \(times)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool {
        atMost ? context.repeats(line) <= times : context.repeats(line) >= times
    }

    static let definition = ConditionDefinition(key: "repeated", value: "a whole number, 1 or more") { node, parser in
        parser.positiveInt(node, key: "repeated").map { Repeated(times: $0, atMost: false) }
    }

    static let maximumDefinition = ConditionDefinition(key: "max-repeated", value: "a whole number, 1 or more") {
        node, parser in
        parser.positiveInt(node, key: "max-repeated").map { Repeated(times: $0, atMost: true) }
    }
}
