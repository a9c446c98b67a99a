import PCRE2
import Testing
import WinnowEngine
import WinnowRules

/// A rule that hits a PCRE2 limit fails open: the line stays, and the hit is reported.
@Suite struct MatchLimitTests {
    private let evil = String(repeating: "a", count: 30) + "b"

    @Test(arguments: ["line", "block", "document"])
    func catastrophicRegexKeepsTheLineAndReportsTheHit(scope: String) throws {
        let fixture = try Fixture(rules: """
              - {id: evil, description: e, action: drop, scope: \(scope), regex: '(a+)+$'}
              - {id: ad, description: a, action: drop, regex: '^Advertisement$'}

            """)
        let run = fixture.run("Intro\n\(evil)\nAdvertisement\n")
        #expect(run.verdicts == ["kept", "kept", "dropped t/ad"])
        let hit = try #require(run.decisions.limitHits.first)
        #expect(run.decisions.rules[hit.rule].id == "t/evil")
        #expect(hit.message == "match limit exceeded")
        if scope == "line" { #expect(hit.line == 1) }
    }

    @Test func aConditionRegexThatHitsTheLimitFailsOpenToo() throws {
        let fixture = try Fixture(rules: """
              - {id: r, description: r, action: drop, regex: '^a', when: {unless: '(a+)+$'}}

            """)
        let run = fixture.run("\(evil)\n")
        #expect(run.verdicts == ["kept"])
        #expect(run.decisions.limitHits.count == 1)
    }

    @Test func tighterLimitsFromTheCaller() throws {
        let fixture = try Fixture(rules: """
              - {id: r, description: r, action: drop, regex: '^(x|y|xy)*z'}

            """)
        // The 'z' at the end defeats PCRE2's required-character shortcut, so the match must backtrack.
        let subject = String(repeating: "xy", count: 8) + "az"
        #expect(fixture.run(subject).decisions.limitHits.isEmpty)
        let tight = fixture.run(subject, limits: MatchLimits(matchLimit: 10))
        #expect(tight.decisions.limitHits.count == 1)
        #expect(tight.verdicts == ["kept"])
    }
}
