import WinnowRules

/// After a rule file failed to load, the same file with the broken rules
/// blanked out, so that lint can still check the rules that are fine.
///
///     if let rest = RuleSalvage.source(source, without: failure.diagnostics) {
///         let set = try? RuleSet.load([rest])   // every rule but the broken ones
///     }
///
/// Broken rules become blank lines, so every position in the file stays
/// where it was. A problem outside the `rules:` list (bad YAML, a bad
/// `detect:`) leaves nothing to salvage.
enum RuleSalvage {
    static func source(_ source: RuleSource, without diagnostics: [Diagnostic]) -> RuleSource? {
        var lines = source.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        func isContent(_ line: String) -> Bool {
            let rest = line.drop { $0 == " " }
            return !rest.isEmpty && !rest.hasPrefix("#")
        }
        guard let list = lines.firstIndex(where: { $0.hasPrefix("rules:") }),
              let first = lines[(list + 1)...].firstIndex(where: isContent) else { return nil }
        let itemIndent = indent(lines[first])
        guard lines[first].dropFirst(itemIndent).hasPrefix("- ") else { return nil }
        // Where each rule of the list starts and ends, as 0-based line ranges.
        var items: [Range<Int>] = []
        var start: Int?
        for index in first..<lines.count where isContent(lines[index]) {
            let depth = indent(lines[index])
            if depth < itemIndent || (depth == itemIndent && lines[index].dropFirst(depth).hasPrefix("- ")) {
                if let open = start { items.append(open..<index) }
                start = depth == itemIndent ? index : nil
                if depth < itemIndent { break }
            }
        }
        if let open = start { items.append(open..<lines.count) }

        var broken = Set<Int>()
        for diagnostic in diagnostics where diagnostic.location.file == source.displayPath {
            let line = diagnostic.location.line - 1
            guard let item = items.firstIndex(where: { $0.contains(line) }) else { return nil }
            broken.insert(item)
        }
        guard !broken.isEmpty else { return nil }
        for item in broken {
            for index in items[item] { lines[index] = "" }
        }
        return RuleSource(displayPath: source.displayPath, relativePath: source.relativePath,
                          text: lines.joined(separator: "\n"))
    }
}
