import PropertyBased
import WinnowRules

/// The random material of the property tests: documents and small rule sets,
/// described by small integers so that the shrinker can make them smaller
/// (fewer lines, fewer rules, earlier choices) and a failure reads easily.

/// One line of a generated document.
struct LineSpec: Sendable, CustomStringConvertible {
    var kind: Int
    var words: [Int]
    var terminator: Int

    static let vocabulary: [String] = [
        "the", "council", "met", "on", "Tuesday", "Advertisement", "Ad", "Read", "Next", "Related", "Share",
        "Keep", "10:30", "AM", "[Ad]", "café", "日本語", "😀", "By", "Jane", "Doe", "Updated", "Tag:", "x",
        "Sponsored", "more", "budget.", "(With", "inputs", "from", "AFP)", "|", "-", "•", "\u{A0}", "\t",
    ]

    static let kinds = 15
    static let terminators: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0A], [0x0D, 0x0D, 0x0A]]
    /// The last line may also end with nothing or with a lone CR.
    static let lastTerminators: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [], [0x0D]]

    var sentence: String { words.map { Self.vocabulary[$0 % Self.vocabulary.count] }.joined(separator: " ") }

    /// The line's bytes without its terminator.
    var content: [UInt8] {
        switch kind {
        case 0, 1, 2: return Array(sentence.utf8)
        case 3: return Array(["Advertisement", "ADVERTISEMENT", "Sponsored", "Ad", "Share"][words.count % 5].utf8)
        case 4: return []
        case 5: return Array("  \t ".utf8)
        case 6: return Array("\u{A0}\u{A0}".utf8)
        case 7: return Array("a\0b ".utf8) + Array(sentence.utf8) + [0]
        case 8: return [0xFF] + Array(sentence.utf8) + [0xC3, 0x20, 0xE2, 0x82]
        case 9: return Array(String(repeating: sentence + " ", count: 400 + 50 * words.count).utf8)
        case 10: return Array(("* " + sentence).utf8)
        case 11: return Array(("The council met on Tuesday and agreed the budget " + sentence + ".").utf8)
        case 12: return Array((sentence + " [Ad] 10:30 AM").utf8)
        case 13: return Array(("Read Next " + sentence).utf8)
        default: return Array(("\u{A0} " + sentence + " \u{A0}").utf8)
        }
    }

    var description: String { "L(\(kind), \(words), t\(terminator))" }
}

struct RuleSpec: Sendable, CustomStringConvertible {
    var action: Int
    var scope: Int
    var pattern: Int
    var condition: Int
    var flags: Int

    static let actions = ["drop", "drop-block", "strip", "extract", "cut", "keep"]
    static let scopes = ["line", "block", "document"]
    /// YAML single-quoted regexes.
    static let patterns = [
        "^Advertisement$", "(?i)advertisement|sponsored", "\\[Ad\\]", "\\s*\\d{1,2}:\\d{2} [AP]M$", "\\d+",
        "x*", ".", "\\x00", "\\xA0", "^(?<author>\\p{Lu}\\p{L}+) \\p{L}+", "(?<tags>caf.)", "^(.+)\\n\\1$",
        "Advertisement\\n", "(?s)Read Next.*", "^$", "^Read Next", "\\p{So}", "Ad|Share", "[^\\x00-\\x7F]+",
        "(?m)^Tag: (?<tags>.+)$", "\\s+", "", "(?<a>the)|(?<b>council)",
    ]
    static let conditions: [(yaml: String, readsVerdicts: Bool, lineOnly: Bool)] = [
        ("", false, false), ("", false, false), ("", false, false),
        ("max-words: 3", false, false), ("min-chars: 5", false, false), ("sentence: false", false, false),
        ("prose: true", false, false), ("bullet: true", false, false), ("first-lines: 3", false, false),
        ("last-lines: 2", false, false), ("repeated: 2", false, false), ("max-block-lines: 1", false, false),
        ("run: 2", false, true), ("unless: 'Keep'", false, false),
        ("follows: {regex: 'Related|Advertisement', within: 2}", false, false), ("dropped: true", true, false),
        ("prev: {regex: '^Advertisement$'}", false, false), ("region: body", false, false),
        ("prose-above: 0.5", false, false), ("dropped-nearby: {window: 2, min: 0.5}", true, false),
        ("next-kept: {max-words: 5}", true, false), ("region: [header, footer]", false, false),
    ]

    var actionName: String { Self.actions[action % Self.actions.count] }
    var scopeName: String { Self.scopes[scope % Self.scopes.count] }

    func yaml(index: Int) -> String {
        var lines = [
            "  - id: r\(index)",
            "    description: Generated rule \(index).",
            "    action: \(actionName)",
            "    scope: \(scopeName)",
            "    regex: '\(Self.patterns[pattern % Self.patterns.count].replacingOccurrences(of: "'", with: "''"))'",
        ]
        if flags & 1 != 0 { lines.append("    caseless: true") }
        if flags & 2 != 0, scopeName == "line" { lines.append("    subject: raw") }
        let condition = Self.conditions[condition % Self.conditions.count]
        let refused = (condition.readsVerdicts && actionName == "cut") || (condition.lineOnly && scopeName != "line")
        if !condition.yaml.isEmpty, !refused {
            lines.append("    when:")
            lines.append("      " + condition.yaml)
        }
        return lines.joined(separator: "\n")
    }

    var description: String { "R(\(actionName), \(scopeName), p\(pattern), c\(condition), f\(flags))" }
}

enum Generators {
    static let line = zip(
        Gen.int(in: 0...(LineSpec.kinds - 1)),
        Gen.int(in: 0...(LineSpec.vocabulary.count - 1)).array(of: 1...8),
        Gen.int(in: 0...3)
    ).map { LineSpec(kind: $0, words: $1, terminator: $2) }

    static let document = line.array(of: 0...24)

    static let rule = zip(
        Gen.int(in: 0...(RuleSpec.actions.count - 1)),
        Gen.int(in: 0...2),
        Gen.int(in: 0...(RuleSpec.patterns.count - 1)),
        Gen.int(in: 0...(RuleSpec.conditions.count - 1)),
        Gen.int(in: 0...3)
    ).map { RuleSpec(action: $0, scope: $1, pattern: $2, condition: $3, flags: $4) }

    /// Up to two files: so rules from more than one file meet.
    static let rules = rule.array(of: 0...6)

    static func bytes(_ lines: [LineSpec]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, line) in lines.enumerated() {
            bytes += line.content
            let table = index == lines.count - 1 ? LineSpec.lastTerminators : LineSpec.terminators
            bytes += table[line.terminator % table.count]
        }
        return bytes
    }

    static func sources(_ rules: [RuleSpec]) -> [RuleSource] {
        let half = rules.count / 2
        let parts = [Array(rules[..<half]), Array(rules[half...])]
        return parts.enumerated().compactMap { file, specs in
            guard !specs.isEmpty else { return nil }
            let text = "description: Generated rules \(file).\nrules:\n"
                + specs.enumerated().map { $0.element.yaml(index: $0.offset) }.joined(separator: "\n") + "\n"
            return RuleSource(displayPath: "gen/f\(file).yml", relativePath: "f\(file).yml", text: text)
        }
    }
}
