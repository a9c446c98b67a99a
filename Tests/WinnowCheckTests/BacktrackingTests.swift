import PCRE2
import Testing
@testable import WinnowCheck
import WinnowRules

@Suite struct BacktrackingTests {
    private func risks(_ pattern: String, caseless: Bool = false) -> [BacktrackingRisk] {
        BacktrackingAnalyzer(pattern: pattern, options: caseless ? [.unicode, .caseless] : .unicode).risks()
    }

    @Test(arguments: [#"(a+)+$"#, #"(a*)*b"#, #"^(?:\w+\s?)*$"#, #"(x+x+)+y"#, #"^(\d+|[a-z])+!"#])
    func nestedQuantifiersAreFound(_ pattern: String) {
        #expect(risks(pattern).first?.kind == .nestedQuantifier, "\(pattern)")
    }

    @Test func overlappingAlternativesAreFound() {
        #expect(risks("^(a|aa)+$").map(\.kind) == [.overlappingAlternatives])
        #expect(risks(#"(?:\w|\d)*x"#).map(\.kind) == [.overlappingAlternatives])
    }

    @Test func adjacentQuantifiersAreFound() {
        let found = risks(#"^(?:by|von)\s*:?\s+(?<author>\p{Lu}\p{L}+)$"#)
        #expect(found.map(\.kind) == [.adjacentQuantifiers])
        #expect(found.first?.fragment == #"\s*:?\s+"#)
        #expect(found.first?.offset == 11)
    }

    @Test(arguments: [#"^(?:\w+\s)*$"#, #"^advert(?:isement)?s?$"#, #"(?:ab|ac)+"#, #"^\s*[|:»-]\s*\w+$"#,
                      #"(a++)+$"#, #"(?>a+)+$"#, #"^[\p{L} &]{0,30}?\p{Ll}{2}"#, #"^(.{12,})\n\1$"#,
                      #"^\((?:with )?(?:inputs?|reporting)(?: by| from)\b[^()]{2,160}\)\.?$"#])
    func safePatternsAreNotFlagged(_ pattern: String) {
        #expect(risks(pattern).isEmpty, "\(pattern): \(risks(pattern).map(\.message))")
    }

    @Test func inlineFlagsAndClassesAreRead() {
        // (?i) makes 'A' and 'a' overlap; [^()] and \( do not.
        #expect(!risks("(?i)(?:A|a)+x").isEmpty)
        #expect(risks(#"(?:[^()]|\([^()]*\))*$"#).isEmpty)
        // A class with ']' first, escapes and POSIX names parses as one atom.
        #expect(PatternParser.parse(#"[]\][:alpha:]x]"#).atoms.count == 1)
    }

    @Test func probeHitsTheMatchLimitOnCatastrophicPatterns() throws {
        let regex = try Pattern("(a+)+$")
        let analyzer = BacktrackingAnalyzer(pattern: regex.pattern, options: regex.options)
        let finding = try #require(BacktrackingProbe().run(regex, analyzer: analyzer))
        #expect(finding.hitLimit)
        #expect(finding.length <= BacktrackingProbe.defaultLength)
        #expect(finding.message.hasPrefix("hits the probe's match limit (100000, a tenth of winnow's) on a "))
    }

    @Test func probeTimesQuadraticPatterns() throws {
        let regex = try Pattern(#"^by\s*:?\s+\p{Lu}"#, options: [.unicode, .caseless])
        let analyzer = BacktrackingAnalyzer(pattern: regex.pattern, options: regex.options)
        let finding = try #require(BacktrackingProbe().run(regex, analyzer: analyzer))
        #expect(finding.subject.hasPrefix("\"by\" + \" \" × "))
        #expect(finding.hitLimit || finding.milliseconds > 1)
        // Capped by max-chars, the same regex cannot run away.
        #expect(BacktrackingProbe().run(regex, analyzer: analyzer, length: 120) == nil)
    }

    @Test func probeLeavesLinearPatternsAlone() throws {
        for pattern in [#"^(?:advertisement|sponsored)$"#, #"\bon Live ?Mint\b"#, #"^(?:\w+\s)*$"#,
                        #"^Catch all the .{0,200}\bon Live ?Mint\b"#] {
            let regex = try Pattern(pattern, options: [.unicode, .caseless])
            let analyzer = BacktrackingAnalyzer(pattern: pattern, options: regex.options)
            #expect(BacktrackingProbe().run(regex, analyzer: analyzer) == nil, "\(pattern)")
        }
    }

    /// Lint findings point at a character of a regex through the pattern's origin, whatever the quoting.
    @Test func originsFindTheCharacterInsideTheRegex() throws {
        let text = """
            rules:
              - id: a
                description: x
                action: drop
                regex: 'it''s (a+)+$'
                when:
                  unless: "^\\\\d+ (b*)*$"

            """
        let (set, _) = RuleSet.loadPartially([source("a.yml", text)])
        let rule = try #require(set.rules.first)
        // 'it''s (a+)+$': offset 5 is '(' after the doubled quote.
        #expect(rule.regexOrigin.location(ofCharacter: 5, in: rule.regex.pattern)
                == SourceLocation(file: "my-rules/a.yml", line: 5, column: 19))
        let unless = try #require(rule.conditions.patterns.first)
        #expect(unless.origin.location(ofCharacter: 5, in: unless.pattern.pattern)
                == SourceLocation(file: "my-rules/a.yml", line: 7, column: 22))
    }
}
