import WinnowEngine
import WinnowRules

/// What reports say about a line: which rule decided it, and how it prints.
extension Decisions {
    /// The rule index `id` has in this run, if the rule is in it.
    func ruleIndex(of id: String) -> Int? { rules.firstIndex { $0.id == id } }

    /// Why the line is (not) in the output, for a report:
    /// `dropped by ads/ad-label`, `kept by guards/source-credit`,
    /// `kept, stripped by bylines/glued-time`, `kept, no rule fired`.
    func explain(_ line: Int) -> String {
        switch verdict(line) {
        case .dropped(let rule):
            let action = rules[rule].action
            let how = action == .cut ? "cut by" : action == .strip ? "emptied by" : "dropped by"
            return "\(how) \(rules[rule].id)"
        case .protected(let rule):
            return "kept by \(rules[rule].id)"
        case .kept:
            if let strips = strips[line], !strips.isEmpty {
                var ids: [String] = []
                for strip in strips where !ids.contains(rules[strip.rule].id) { ids.append(rules[strip.rule].id) }
                return "kept, stripped by \(ids.joined(separator: ", "))"
            }
            return "kept, no rule fired"
        }
    }

    /// Whether rule `rule` did anything to the line: dropped, protected,
    /// stripped, or extracted a field from it.
    func acted(_ rule: Int, on line: Int) -> Bool {
        switch verdict(line) {
        case .dropped(let by), .protected(let by):
            if by == rule { return true }
        case .kept:
            break
        }
        if strips[line]?.contains(where: { $0.rule == rule }) == true { return true }
        // A cut removes everything from its line on, even lines an earlier rule is charged with.
        if let cut, cut.rule == rule, line >= cut.line, isDropped(line) { return true }
        return meta.contains { $0.rule == rule && $0.line == line }
    }

    /// The rule that decided the line, if any: the one that dropped or protected it.
    func decidingRule(_ line: Int) -> Int? {
        switch verdict(line) {
        case .dropped(let rule), .protected(let rule): rule
        case .kept: strips[line]?.first?.rule
        }
    }

    /// The line as the text printer writes it, without its terminator and
    /// without the fragments strip rules removed.
    func printedText(of line: Int, in document: Document) -> String {
        var bytes: [UInt8] = []
        for case .kept(let range) in pieces(of: line, within: document.lines[line].content) {
            bytes += document.bytes[range]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
