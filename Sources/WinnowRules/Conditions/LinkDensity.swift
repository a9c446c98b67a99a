/// `min-link-density`, `max-link-density`: a bound on the share of the
/// line's non-space text inside Markdown links and images (brackets, link
/// text and URL, followed across wrapped lines). A line of nothing but
/// links has density 1; a line with no link, or text that is not Markdown, 0.
///
///     when: { min-link-density: 0.8 }   # a menu, a share bar, a wrapped URL's tail
struct LinkDensity: LineCondition {
    let isMinimum: Bool
    let limit: Double

    var reads: ConditionInputs { .features }
    var written: String { "\(isMinimum ? "min" : "max")-link-density: \(limit)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool {
        let density = context.linkDensity(line)
        return isMinimum ? density >= limit : density <= limit
    }

    static let definitions: [ConditionDefinition] = [true, false].map { isMinimum in
        let key = "\(isMinimum ? "min" : "max")-link-density"
        return ConditionDefinition(key: key, value: "a number from 0 to 1") { node, parser in
            parser.fraction(node, key: key).map { LinkDensity(isMinimum: isMinimum, limit: $0) }
        }
    }
}
