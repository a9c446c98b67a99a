import Testing
import WinnowEngine
import WinnowRules

/// A rule that keeps hitting PCRE2's limits, or runs too long, on one
/// document is suspended for the rest of it: later lines are kept as if
/// it did not match, and the suspension is recorded once.
@Suite struct RuleBudgetTests {
    private let evil = String(repeating: "a", count: 30) + "b"
    private let rule = "  - {id: evil, description: e, regex: '(a+)+$'}\n"

    @Test func aRuleIsSuspendedAfterItsLimitHits() throws {
        let fixture = try Fixture(settings: "rule-limit-hits: 2", rules: rule)
        // "aaaa" matches at once: before the suspension it goes, after it stays.
        let run = fixture.run("aaaa\n\(evil)\n\(evil)\n\(evil)\naaaa\n")
        #expect(run.verdicts == ["dropped t/evil", "kept", "kept", "kept", "kept"])
        #expect(run.decisions.limitHits.map(\.line) == [1, 2])
        let suspension = try #require(run.decisions.suspensions.first)
        #expect(run.decisions.suspensions.count == 1)
        #expect(suspension.line == 2 && suspension.reason == .limitHits(2))
    }

    @Test func withoutTheBudgetEveryLineIsTried() throws {
        let fixture = try Fixture(settings: "rule-limit-hits: 100", rules: rule)
        let run = fixture.run("\(evil)\n\(evil)\n\(evil)\naaaa\n")
        #expect(run.verdicts == ["kept", "kept", "kept", "dropped t/evil"])
        #expect(run.decisions.limitHits.count == 3)
        #expect(run.decisions.suspensions.isEmpty)
    }

    @Test func theBudgetIsPerDocument() throws {
        let fixture = try Fixture(settings: "rule-limit-hits: 1", rules: rule)
        for _ in 0..<2 {
            let run = fixture.run("\(evil)\naaaa\n")
            #expect(run.verdicts == ["kept", "kept"])
            #expect(run.decisions.suspensions.count == 1)
        }
        #expect(fixture.run("aaaa\n").verdicts == ["dropped t/evil"])
    }

    @Test func aRuleOverItsTimeIsSuspended() throws {
        // Each limit hit costs about a millisecond; the budget allows one.
        let fixture = try Fixture(settings: "rule-limit-hits: 1000, rule-time-ms: 1, rule-time-ms-per-mb: 1",
                                  rules: rule)
        let lines = Array(repeating: evil, count: 50)
        let run = fixture.run(lines.joined(separator: "\n") + "\naaaa\n")
        let suspension = try #require(run.decisions.suspensions.first)
        guard case .time(let nanoseconds) = suspension.reason else {
            Issue.record("suspended for \(suspension.reason), not for time")
            return
        }
        #expect(nanoseconds >= 1_000_000)
        #expect(run.decisions.limitHits.count < 50)
        #expect(run.verdicts.last == "kept")
    }

    @Test func blockScopeRulesAreSuspendedToo() throws {
        let fixture = try Fixture(settings: "rule-limit-hits: 1", rules: """
              - {id: evil, description: e, scope: block, regex: '(a+)+$'}

            """)
        let run = fixture.run("\(evil)\n\n\(evil)\n\naaaa\n")
        #expect(run.decisions.suspensions.count == 1)
        #expect(run.decisions.limitHits.count == 1)
        #expect(run.kept.count == 3)
    }

    @Test func theCommandLineBudgetReplacesTheFileSettings() throws {
        let fixture = try Fixture(settings: "rule-limit-hits: 100", rules: rule)
        #expect(fixture.ruleSet.settings.budget.limitHits == 100)
        var budget = fixture.ruleSet.settings.budget
        budget.limitHits = 1
        let program = RuleProgram(ruleSet: fixture.ruleSet, budget: budget)
        let decisions = Filter(program).apply(to: Document(bytes: Array("\(evil)\n\(evil)\n".utf8)))
        #expect(decisions.limitHits.count == 1 && decisions.suspensions.count == 1)
    }

    @Test func theTimeAllowanceGrowsWithTheDocumentAndSaturates() {
        var budget = RuleBudget()
        budget.milliseconds = 10
        budget.millisecondsPerMB = 100
        #expect(budget.nanoseconds(forDocumentOf: 0) == 10_000_000)
        #expect(budget.nanoseconds(forDocumentOf: 2_000_000) == 210_000_000)
        budget.milliseconds = .max
        #expect(budget.nanoseconds(forDocumentOf: .max) == .max)
    }
}
