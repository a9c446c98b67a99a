import Foundation
import PCRE2
import Testing
import WinnowEngine
import WinnowRules

/// The prefiltered engine decides every line as a plain run of every rule
/// does (`RuleProgram(prefilter: false)`), on text built to provoke it.
@Suite struct PrefilterEquivalenceTests {
    static let rulesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("rules").path

    /// Everything the filter decided about a document, limit hits aside.
    private struct Outcome: Equatable {
        var verdicts: [Decisions.Verdict]
        var strips: [Int: [Decisions.Strip]]
        var meta: [Decisions.MetaField]
        var cut: Decisions.Cut?
        var sites: [String]

        init(_ decisions: Decisions) {
            verdicts = (0..<decisions.lineCount).map(decisions.verdict)
            strips = decisions.strips
            meta = decisions.meta
            cut = decisions.cut
            sites = decisions.sites
        }
    }

    /// Characters a folded-byte comparison could be fooled by, and bytes that are not UTF-8.
    static let troublemakers: [[UInt8]] = ASCIIFolding.caselessLookalikes.map { Array(String($0).utf8) }
        + ["\u{0130}", "\u{0131}", "\u{212B}", "ß", "ſt", "\u{FB06}", "é", "É", "\u{00A0}"].map { Array($0.utf8) }
        + [[0xFF], [0xC3], [0xC0, 0xAF], [0xE2, 0x84], [0xED, 0xA0, 0x80]]

    /// Text pieces: each literal the rules require, and words of their examples.
    private static func pieces(of rules: [Rule]) -> [[UInt8]] {
        var pieces = Set<[UInt8]>()
        for rule in rules {
            for literal in rule.requiredLiterals?.strings ?? [] { pieces.insert(literal) }
            for example in rule.examples {
                for word in example.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(6) {
                    pieces.insert(Array(word.utf8))
                }
            }
        }
        return pieces.sorted { $0.lexicographicallyPrecedes($1) } + [Array(" ".utf8), Array(": ".utf8), Array("|".utf8)]
    }

    /// A random line: pieces in random case, with now and then a troublemaker replacing or joining a byte.
    private static func line(from pieces: [[UInt8]], using random: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 1...5, using: &random) {
            var piece = pieces.randomElement(using: &random)!
            switch Int.random(in: 0..<4, using: &random) {
            case 0: piece = piece.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
            case 1: piece = piece.map { Bool.random(using: &random) && $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
            default: break
            }
            if Int.random(in: 0..<6, using: &random) == 0, !piece.isEmpty {
                // In place of a letter (KELVIN SIGN for k: a line PCRE2 matches and a folded search misses) or next to it.
                let at = Int.random(in: 0..<piece.count, using: &random)
                let trouble = troublemakers.randomElement(using: &random)!
                piece.replaceSubrange(at..<(Bool.random(using: &random) ? at + 1 : at), with: trouble)
            }
            bytes += piece
            if Bool.random(using: &random) { bytes.append(0x20) }
        }
        return bytes
    }

    private static func document(from pieces: [[UInt8]], examples: [String],
                                 using random: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 5...40, using: &random) {
            switch Int.random(in: 0..<8, using: &random) {
            case 0: bytes += Array("\n".utf8)
            case 1 where !examples.isEmpty: bytes += Array(examples.randomElement(using: &random)!.utf8)
            case 2: bytes += Array("A plain sentence of prose that no rule should want, long enough to be a paragraph.".utf8)
            default: bytes += line(from: pieces, using: &random)
            }
            bytes.append(0x0A)
        }
        return bytes
    }

    private func compare(_ ruleSet: RuleSet, documents: Int, seed: UInt64) {
        let filtered = Filter(RuleProgram(ruleSet: ruleSet))
        let plain = Filter(RuleProgram(ruleSet: ruleSet, prefilter: false))
        let pieces = Self.pieces(of: ruleSet.rules)
        let examples = ruleSet.rules.flatMap { $0.examples.map(\.text) }
        var random = SeededRandom(seed: seed)
        for index in 0..<documents {
            let bytes = Self.document(from: pieces, examples: examples, using: &random)
            let document = Document(bytes: bytes, name: "doc\(index)")
            let fast = filtered.apply(to: document), reference = plain.apply(to: document)
            #expect(Outcome(fast) == Outcome(reference), "seed \(seed), document \(index): \(bytes)")
            // Skipping a line that cannot match can only spare a limit hit, never add one.
            #expect(Set(fast.limitHits).isSubset(of: Set(reference.limitHits)))
        }
    }

    @Test func defaultRulesDecideAsWithoutPrefilter() throws {
        let ruleSet = try RuleSet.load(try RuleSource.directory(Self.rulesDirectory))
        #expect(ruleSet.rules.contains { $0.requiredLiterals != nil })
        compare(ruleSet, documents: 400, seed: 1)
    }

    @Test func defaultRuleExamplesDecideAsWithoutPrefilter() throws {
        let ruleSet = try RuleSet.load(try RuleSource.directory(Self.rulesDirectory))
        let filtered = Filter(RuleProgram(ruleSet: ruleSet))
        let plain = Filter(RuleProgram(ruleSet: ruleSet, prefilter: false))
        for rule in ruleSet.rules {
            for example in rule.examples {
                let text = [example.before, example.text, example.after].compactMap { $0 }.joined(separator: "\n")
                for variant in [text, text.uppercased(), text.replacingOccurrences(of: "k", with: "\u{212A}"),
                                text.replacingOccurrences(of: "s", with: "\u{017F}")] {
                    let document = Document(bytes: Array(variant.utf8))
                    #expect(Outcome(filtered.apply(to: document)) == Outcome(plain.apply(to: document)),
                            "\(rule.id): \(variant)")
                }
            }
        }
    }

    @Test func randomSmallRuleSetsDecideAsWithoutPrefilter() throws {
        var random = SeededRandom(seed: 7)
        for round in 0..<60 {
            let ruleSet = try RuleSet.load([RuleSource(displayPath: "t.yml", relativePath: "t.yml",
                                                       text: Self.randomRuleFile(using: &random))])
            compare(ruleSet, documents: 30, seed: UInt64(round))
        }
    }

    /// A rule file of a few rules whose regexes mix literals, classes, optional parts and inline options.
    private static func randomRuleFile(using random: inout some RandomNumberGenerator) -> String {
        let words = ["kelvin", "sky", "Stop", "ad", "sponsored", "share", "über", "café", "tags", "ks"]
        func piece(_ depth: Int) -> String {
            let word = words.randomElement(using: &random)!
            switch Int.random(in: 0..<(depth > 1 ? 4 : 11), using: &random) {
            case 0, 1, 2: return word
            case 3: return #"\s*"#
            case 4: return "(?:\(piece(depth + 1))|\(piece(depth + 1)))"
            case 5: return "(?:\(piece(depth + 1)))?"
            case 6: return "(?:\(piece(depth + 1)))+"
            case 7: return "[a-z]+"
            case 8: return "(?i:\(piece(depth + 1)))"
            case 9: return "(?-i:\(piece(depth + 1)))"
            default: return #"\b"#
            }
        }
        var text = "description: random\nrules:\n"
        for index in 0..<Int.random(in: 1...6, using: &random) {
            let anchored = Bool.random(using: &random)
            let regex = (anchored ? "^" : "") + (0..<Int.random(in: 1...4, using: &random)).map { _ in piece(0) }.joined()
            let action = ["drop", "drop", "strip", "keep"].randomElement(using: &random)!
            text += "  - id: r\(index)\n    description: random\n    action: \(action)\n"
            text += "    caseless: \(Bool.random(using: &random))\n"
            text += "    regex: '\(regex.replacingOccurrences(of: "'", with: "''"))'\n"
        }
        return text
    }
}

/// A small seeded generator (SplitMix64), so that a failure can be replayed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
