/// `dropped: true|false`: an earlier rule dropped the line (or did not).
/// Reading verdicts makes the rule a context rule, which runs after the content rules.
struct Dropped: LineCondition {
    let expected: Bool

    var reads: ConditionInputs { .verdicts }
    var written: String { "dropped: \(expected)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool { context.isDropped(line) == expected }

    static let definition = ConditionDefinition(key: "dropped", value: "true or false") { node, parser in
        parser.bool(node, key: "dropped").map { Dropped(expected: $0) }
    }
}

/// `dropped-nearby: {window: W, min: F}`: at least the fraction F of the W
/// non-blank lines on each side are dropped (a leftover line inside junk).
struct DroppedNearby: LineCondition {
    let window: Int
    let fraction: Double

    var reads: ConditionInputs { [.verdicts, .features] }
    var written: String { "dropped-nearby: {window: \(window), min: \(fraction)}" }

    func holds(_ line: Int, in context: some LineContext) -> Bool {
        var seen = 0, dropped = 0
        // Two plain loops: an array of the two step functions would allocate on every line.
        var j = context.previous(line), steps = 0
        while j >= 0, steps < window {
            seen += 1
            steps += 1
            if context.isDropped(j) { dropped += 1 }
            j = context.previous(j)
        }
        j = context.next(line)
        steps = 0
        while j >= 0, steps < window {
            seen += 1
            steps += 1
            if context.isDropped(j) { dropped += 1 }
            j = context.next(j)
        }
        return seen > 0 && Double(dropped) >= fraction * Double(seen)
    }

    static let definition = ConditionDefinition(key: "dropped-nearby", value: "{window: lines, min: a fraction}") {
        node, parser in
        guard let map = parser.mapping(node, key: "dropped-nearby", allowed: ["window", "min"]) else { return nil }
        let window = map["window"].flatMap { parser.positiveInt($0, key: "window") }
        let fraction = map["min"].flatMap { parser.fraction($0, key: "min") }
        if let window, let fraction { return DroppedNearby(window: window, fraction: fraction) }
        if map["window"] == nil || map["min"] == nil {
            parser.fail(at: node, "'dropped-nearby' needs 'window' (lines) and 'min' (a fraction)", code: "schema")
        }
        return nil
    }
}
