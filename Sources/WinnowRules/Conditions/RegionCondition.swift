/// `region: footer` or `region: [header, footer]`: where the line sits
/// relative to the body (see `Region`).
struct RegionCondition: LineCondition {
    let regions: Set<Region>

    var reads: ConditionInputs { .regions }
    var written: String {
        let names = Region.allCases.filter(regions.contains).map(\.rawValue)
        return names.count == 1 ? "region: \(names[0])" : "region: [\(names.joined(separator: ", "))]"
    }

    func holds(_ line: Int, in context: some LineContext) -> Bool { regions.contains(context.region(line)) }

    static let definition = ConditionDefinition(key: "region", value: "header, body or footer, or a list of them") {
        node, parser in
        let names = node.scalar != nil ? [parser.string(node, key: "region")].compactMap { $0 }
                                       : parser.stringList(node, key: "region")
        var regions = Set<Region>()
        for name in names {
            if let region = Region(rawValue: name) { regions.insert(region) } else {
                parser.fail(at: node, "unknown region '\(name)'; expected header, body or footer", code: "value")
            }
        }
        return RegionCondition(regions: regions)
    }
}

/// `prose-above: F`: at least the fraction F of the document's kept prose
/// words come before the line (a comment thread starts after the article).
struct ProseAbove: LineCondition {
    let fraction: Double

    var reads: ConditionInputs { .regions }
    var written: String { "prose-above: \(fraction)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool { context.proseFractionBefore(line) >= fraction }

    static let definition = ConditionDefinition(key: "prose-above", value: "a number from 0 to 1") { node, parser in
        parser.fraction(node, key: "prose-above").map { ProseAbove(fraction: $0) }
    }
}
