/// `unless: REGEX`: the line must not match; `regex: REGEX` (inside a
/// neighbour only): the line must match. Both see the line as the rule's
/// `subject` presents it. A match stopped by a PCRE2 limit fails the condition.
///
///     when: { unless: '\d{4}' }                 # not when the line has a year
///     when: { prev: { regex: '^Related$' } }     # right under a "Related" label
struct PatternCondition: LineCondition {
    let held: ConditionPattern
    /// Whether the line must match (`regex`) or must not (`unless`).
    let mustMatch: Bool

    var reads: ConditionInputs { .text }
    var patterns: [ConditionPattern] { [held] }
    var written: String { "\(held.key): '\(held.pattern.pattern)'" }

    func holds(_ line: Int, in context: some LineContext) -> Bool {
        guard let matched = context.matches(held.pattern, line: line) else { return false }
        return matched == mustMatch
    }

    static let definitions: [ConditionDefinition] = [
        ConditionDefinition(
            key: "regex", value: "a regex",
            placement: .nestedOnly(whenTopLevel:
                "'regex' under 'when' is only for neighbours (prev, next…); use the rule's own regex")
        ) { node, parser in
            parser.pattern(node, key: "regex").map { PatternCondition(held: $0, mustMatch: true) }
        },
        ConditionDefinition(key: "unless", value: "a regex") { node, parser in
            parser.pattern(node, key: "unless").map { PatternCondition(held: $0, mustMatch: false) }
        },
    ]
}

/// `follows: {regex: R, within: N}`: one of the N non-blank lines before
/// this one matches R (a "Related" label above a list of teasers).
struct Follows: LineCondition {
    let held: ConditionPattern
    let within: Int

    var reads: ConditionInputs { [.text, .neighbours] }
    var patterns: [ConditionPattern] { [held] }
    var written: String { "follows: {regex: '\(held.pattern.pattern)', within: \(within)}" }

    func holds(_ line: Int, in context: some LineContext) -> Bool {
        var j = context.previous(line), steps = 0
        while j >= 0, steps < within {
            guard let matched = context.matches(held.pattern, line: j) else { return false }
            if matched { return true }
            j = context.previous(j)
            steps += 1
        }
        return false
    }

    static let definition = ConditionDefinition(key: "follows", value: "{regex: a regex, within: lines}") {
        node, parser in
        guard let map = parser.mapping(node, key: "follows", allowed: ["regex", "within"]) else { return nil }
        let within = map["within"].flatMap { parser.positiveInt($0, key: "within") }
        guard let regexNode = map["regex"], regexNode.scalar != nil else {
            parser.fail(at: node, "'follows' needs 'regex' (a string) and 'within' (lines)", code: "schema")
            return nil
        }
        let held = parser.pattern(regexNode, key: "regex")
        if let held, let within { return Follows(held: held, within: within) }
        if map["within"] == nil {
            parser.fail(at: node, "'follows' needs 'within' (how many lines back to look)", code: "schema")
        }
        return nil
    }
}
