/// `max-body-distance: N`: the line is at most N non-blank lines away from
/// the body (0 inside it): right under the article, where its tags and
/// credits sit, rather than down in the site's footer menus.
///
///     when: { region: footer, max-body-distance: 4 }
struct BodyDistance: LineCondition {
    let lines: Int

    var reads: ConditionInputs { .regions }
    var written: String { "max-body-distance: \(lines)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool { context.bodyDistance(line) <= lines }

    static let definition = ConditionDefinition(key: "max-body-distance", value: "a whole number, 0 or more") {
        node, parser in
        parser.nonNegativeInt(node, key: "max-body-distance").map { BodyDistance(lines: $0) }
    }
}
