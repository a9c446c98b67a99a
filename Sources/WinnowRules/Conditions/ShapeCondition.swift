/// `shape: wrapped`, `unwrapped`, `markdown` or `plain`: how the whole
/// document is laid out (see `TextShape`), so one rule file can hold rules
/// for each kind of converter output.
///
///     when: { shape: markdown, link-density-min: 0.8 }
struct ShapeCondition: LineCondition {
    let name: TextShape.Name

    var reads: ConditionInputs { .features }
    var written: String { "shape: \(name.rawValue)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool { context.shape.matches(name) }

    static let definition = ConditionDefinition(key: "shape", value: "wrapped, unwrapped, markdown or plain") {
        node, parser in
        guard let value = parser.string(node, key: "shape") else { return nil }
        guard let name = TextShape.Name(rawValue: value) else {
            parser.fail(at: node, "unknown shape '\(value)'; expected wrapped, unwrapped, markdown or plain",
                        code: "value")
            return nil
        }
        return ShapeCondition(name: name)
    }
}
