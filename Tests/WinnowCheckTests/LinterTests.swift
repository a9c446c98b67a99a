import Foundation
import Testing
@testable import WinnowCheck
import WinnowRules

@Suite struct LinterTests {
    private func lint(_ files: [(String, String)], samples: [Sample] = []) throws -> LintReport {
        try Linter(sources: files.map { source($0.0, $0.1) }, samples: samples).run()
    }

    private func rule(_ id: String, regex: String, extra: String = "", drop: String = "[promo]",
                      keep: String = "[a plain sentence of the article]") -> String {
        """
          - id: \(id)
            description: A test rule.
            action: drop
            regex: '\(regex)'\(extra)
            examples:
              drop: \(drop)
              keep: \(keep)

        """
    }

    @Test func cleanFileHasNoFindings() throws {
        let report = try lint([("ads.yml", adsFile)])
        #expect(report.findings.isEmpty, "\(report.text)")
        #expect(report.exitStatus(strict: true) == 0)
    }

    /// Every regex a condition holds is linted, from the condition table: `follows:` was once missed.
    @Test(arguments: ["follows: {regex: '^(a+)+$', within: 2}", "prev: {regex: '^(a+)+$'}",
                      "unless: '^(a+)+$'", "next-kept: {unless: '^(a+)+$'}"])
    func nestedQuantifierInAnyConditionIsAnError(condition: String) throws {
        let file = "description: Risky.\nrules:\n"
            + rule("guarded", regex: "^promo$", extra: "\n    when: {\(condition)}")
        let report = try lint([("risky.yml", file)])
        let finding = try #require(report.findings.first { $0.code == "backtracking" }, "\(report.text)")
        #expect(finding.severity == .error, "\(report.text)")
        #expect(finding.ruleID == "risky/guarded")
        #expect(finding.message.contains("nested quantifiers `(a+)+`"), "\(finding.message)")
    }

    @Test func nestedQuantifierIsDangerous() throws {
        let file = "description: Risky.\nrules:\n" + rule("repeat", regex: "(a+)+$", drop: "[aaa]", keep: "[bbb]")
        let report = try lint([("risky.yml", file)])
        let finding = try #require(report.findings.first { $0.code == "backtracking" }, "\(report.text)")
        #expect(finding.severity == .error)
        #expect(finding.ruleID == "risky/repeat")
        // Line 6 is "    regex: '(a+)+$'": the pattern starts at column 13.
        #expect(finding.location == SourceLocation(file: "my-rules/risky.yml", line: 6, column: 13))
        #expect(finding.message.contains("nested quantifiers `(a+)+`"))
        #expect(finding.message.contains("the probe confirms it: it hits the probe's match limit"))
        #expect(report.exitStatus(strict: false) == 1)
    }

    @Test func nestedQuantifierInAListItemIsFoundAtThatItem() throws {
        let file = """
            description: Risky list.
            words:
              labels: [ad, promo]
            rules:
              - id: repeat
                description: A test rule.
                action: drop
                regex:
                  - '^{{labels}}$'
                  - '^x(a+)+$'
                examples:
                  drop: [promo, xaaa]
                  keep: [bbb]

            """
        let report = try lint([("risky.yml", file)])
        let finding = try #require(report.findings.first { $0.code == "backtracking" }, "\(report.text)")
        #expect(finding.ruleID == "risky/repeat")
        // Line 10 is "      - '^x(a+)+$'": the group the risk starts at is column 12.
        #expect(finding.location == SourceLocation(file: "my-rules/risky.yml", line: 10, column: 12))
        #expect(finding.message.contains("nested quantifiers `(a+)+`"))
    }

    @Test func listRulesAreCheckedForDeadAndShadowedRules() throws {
        let file = """
            description: Lists.
            words:
              labels: [ad, advert]
            rules:
              - id: label
                description: A test rule.
                action: drop
                regex: ['^{{labels}}$', '^sponsored$']
                examples:
                  drop: [advert, sponsored]
                  keep: [a plain sentence of the article]
              - id: again
                description: The same labels, already taken.
                action: drop
                regex: ['^{{labels}}$']
                examples:
                  drop: [ad]
                  keep: [a plain sentence of the article]
              - id: never
                description: Never fires.
                action: drop
                regex: ['^zzz$', '^yyy$']

            """
        let report = try lint([("lists.yml", file)])
        let shadowed = try #require(report.findings.first { $0.code == "shadowed" }, "\(report.text)")
        #expect(shadowed.ruleID == "lists/again")
        #expect(shadowed.message.hasSuffix(": lists/label"))
        #expect(report.findings.contains { $0.code == "dead-rule" && $0.ruleID == "lists/never" })
        #expect(!report.findings.contains { $0.ruleID == "lists/label" }, "\(report.text)")
    }

    @Test func regexTypoIsReportedAtItsColumn() throws {
        let file = "description: Typo.\nrules:\n" + rule("promo", regex: "^(?:ad|promo))$")
        let report = try lint([("typo.yml", file)])
        let finding = try #require(report.findings.first { $0.code == "regex" }, "\(report.text)")
        #expect(finding.severity == .error)
        // "    regex: '^(?:ad|promo))$'": the quote is column 12, the stray ')' is offset 13, column 26.
        #expect(finding.location == SourceLocation(file: "my-rules/typo.yml", line: 6, column: 26))
        #expect(finding.message.contains("unmatched closing parenthesis"))
        #expect("\(finding)".hasPrefix("my-rules/typo.yml:6:26: error: regex: "))
    }

    @Test func unknownKeyAndDuplicateIDAreErrors() throws {
        let file = "description: Keys.\nrules:\n"
            + rule("promo", regex: "^promo$", extra: "\n    scopee: line")
            + rule("promo", regex: "^promo!$", drop: "[promo!]")
        let report = try lint([("keys.yml", file)])
        let unknown = try #require(report.findings.first { $0.code == "unknown-key" }, "\(report.text)")
        #expect(unknown.message == "unknown rule key 'scopee'; did you mean 'scope'?")
        #expect(unknown.location.line == 7)
        let duplicate = try #require(report.findings.first { $0.code == "duplicate-id" }, "\(report.text)")
        #expect(duplicate.severity == .error)
        #expect(duplicate.location.line == 11)
    }

    @Test func badFileDoesNotHideProblemsInOthers() throws {
        let broken = "description: Broken.\nrules:\n" + rule("promo", regex: "^(promo$")
        let bare = """
            description: Bare.
            rules:
              - id: bare
                description: No examples.
                action: drop
                regex: '^bare$'

            """
        let report = try lint([("broken.yml", broken), ("bare.yml", bare)])
        #expect(report.findings.contains { $0.code == "regex" && $0.location.file == "my-rules/broken.yml" })
        let bareFinding = try #require(report.findings.first { $0.code == "no-examples" }, "\(report.text)")
        #expect(bareFinding.severity == .error)
        #expect(bareFinding.ruleID == "bare/bare")
        #expect(bareFinding.location == SourceLocation(file: "my-rules/bare.yml", line: 3, column: 5))
    }

    @Test func rulesBesideABrokenRuleAreStillChecked() throws {
        // A typo in one rule and a dangerous pattern in the next, in one file.
        let file = "description: Both.\nrules:\n" + rule("promo", regex: "^(?:ad|promo))$")
            + rule("repeat", regex: "(a+)+$", drop: "[aaa]", keep: "[bbb]")
        let report = try lint([("both.yml", file)])
        // `(a+)+$` holds no literal either: a note, besides the backtracking warning.
        #expect(report.findings.map(\.code) == ["regex", "no-prefilter", "backtracking"], "\(report.text)")
        #expect(report.findings[0].location == SourceLocation(file: "my-rules/both.yml", line: 6, column: 26))
        #expect(report.findings[2].location == SourceLocation(file: "my-rules/both.yml", line: 13, column: 13))
        #expect(report.rules == 1)
    }

    @Test func aLineRuleWithoutLiteralsOrKeywordsGetsANote() throws {
        let file = "description: Prefilter.\nrules:\n"
            + rule("literal", regex: "^promo(?:tion)?$")
            + rule("classes", regex: "^[\\p{Lu}\\d]+$", drop: "[PROMO]", keep: "[Lowercase]")
            + rule("keywords", regex: "^[\\p{Lu}\\d]+$", extra: "\n    keywords: [promo]", drop: "[PROMO]", keep: "[Lowercase]")
        let report = try lint([("prefilter.yml", file)])
        let notes = report.findings.filter { $0.code == "no-prefilter" }
        #expect(notes.map(\.ruleID) == ["prefilter/classes"], "\(report.text)")
        #expect(notes.allSatisfy { $0.severity == .note })
        #expect(report.errors == 0, "\(report.text)")
    }

    @Test func wrongKeywordsShowAsFailingExamples() throws {
        // `keywords: [advert]` is wrong for this regex: its drop example holds no "advert", so it no longer fires.
        let file = "description: Keywords.\nrules:\n"
            + rule("promo", regex: "^promo$", extra: "\n    keywords: [advert]")
        let report = try lint([("keywords.yml", file)])
        #expect(report.findings.contains { $0.code == "example" && $0.severity == .error }, "\(report.text)")
    }

    @Test func failingExampleIsAnError() throws {
        let file = "description: Examples.\nrules:\n" + rule("promo", regex: "^promo$", drop: "[promotion]")
        let report = try lint([("examples.yml", file)])
        let finding = try #require(report.findings.first { $0.code == "example" }, "\(report.text)")
        #expect(finding.location == SourceLocation(file: "my-rules/examples.yml", line: 8, column: 14))
        #expect(finding.message.contains("\"promotion\" is kept, no rule fired, expected dropped by examples/promo"))
    }

    @Test func shadowedRuleNamesTheRuleThatTakesItsLines() throws {
        let file = "description: Order.\nrules:\n"
            + rule("exact", regex: "^promo$")
            + rule("prefix", regex: "^promo\\b")
        let report = try lint([("order.yml", file)])
        let finding = try #require(report.findings.first { $0.code == "shadowed" }, "\(report.text)")
        #expect(finding.severity == .warning)
        #expect(finding.ruleID == "order/prefix")
        #expect(finding.message.hasSuffix("already taken by an earlier rule: order/exact"))
        #expect(report.exitStatus(strict: false) == 0)
        #expect(report.exitStatus(strict: true) == 1)
    }

    @Test func deadRuleFiresNowhere() throws {
        let file = "description: Dead.\nrules:\n" + rule("never", regex: "^never$", drop: "[]")
        let report = try lint([("dead.yml", file)])
        let finding = try #require(report.findings.first { $0.code == "dead-rule" }, "\(report.text)")
        #expect(finding.ruleID == "dead/never")
    }

    @Test func overBroadRuleDropsAnExpectedLine() throws {
        let fixture = Fixture()
        fixture.write("samples/page.txt", "Promo\nPromotions for teachers start on Monday, the minister said.\n")
        fixture.write("samples/page.expected.txt", "Promotions for teachers start on Monday, the minister said.\n")
        let file = "description: Broad.\nrules:\n"
            + rule("promo", regex: "^promo", extra: "\n    caseless: true", keep: "[A promotion, the article says.]")
        let report = try lint([("broad.yml", file)], samples: try Sample.discover(in: fixture.samples))
        let finding = try #require(report.findings.first { $0.code == "over-broad" }, "\(report.text)")
        #expect(finding.ruleID == "broad/promo")
        #expect(finding.message.contains("\(fixture.samples)/page.txt:2 \"Promotions for teachers"))
    }

    @Test func overBroadListRule() throws {
        let fixture = Fixture()
        fixture.write("samples/page.txt", "Promo\nPromotions for teachers start on Monday, the minister said.\n")
        fixture.write("samples/page.expected.txt", "Promotions for teachers start on Monday, the minister said.\n")
        let file = """
            description: Broad.
            words:
              starts: [promo, advert]
            rules:
              - id: promo
                description: A test rule.
                action: drop
                caseless: true
                regex: ['^sponsored$', '^{{starts}}']
                examples:
                  drop: [promo]
                  keep: [A promotion, the article says.]

            """
        let report = try lint([("broad.yml", file)], samples: try Sample.discover(in: fixture.samples))
        let finding = try #require(report.findings.first { $0.code == "over-broad" }, "\(report.text)")
        #expect(finding.ruleID == "broad/promo")
        #expect(finding.message.contains("\(fixture.samples)/page.txt:2 \"Promotions for teachers"))
    }

    @Test func jsonFormatIsAJSONArray() throws {
        let file = "description: Typo.\nrules:\n" + rule("promo", regex: "^(?:ad|promo))$")
        let report = try lint([("typo.yml", file), ("ads.yml", adsFile)])
        let parsed = try JSONSerialization.jsonObject(with: Data(report.json.utf8))
        let array = try #require(parsed as? [[String: Any]])
        #expect(array.count == report.findings.count)
        let first = try #require(array.first)
        #expect(Set(first.keys) == ["file", "line", "column", "severity", "code", "message", "rule"])
        #expect(first["file"] as? String == "my-rules/typo.yml")
        #expect(first["line"] as? Int == 6)
        #expect(first["column"] as? Int == 26)
        #expect(first["severity"] as? String == "error")
        #expect(first["code"] as? String == "regex")
        #expect(first["rule"] as? String == "typo/promo")
        #expect(try #require(JSONSerialization.jsonObject(with: Data(try lint([("ads.yml", adsFile)]).json.utf8))
                             as? [Any]).isEmpty)
    }
}

/// A note (a regex that was only slow on this machine) is shown but fails nothing, even with --strict.
@Suite struct LintSeverityTests {
    private func report(_ severities: [Diagnostic.Severity]) -> LintReport {
        let findings = severities.map {
            Diagnostic($0, at: SourceLocation(file: "a.yml", line: 1, column: 1), "m", rule: "a/r", code: "backtracking")
        }
        return LintReport(findings: findings, files: 1, rules: 1, samples: 0, time: .zero, backtrackingTime: .zero)
    }

    @Test func notesDoNotFailStrictLint() {
        #expect(report([.note]).exitStatus(strict: true) == 0)
        #expect(report([.note, .warning]).exitStatus(strict: true) == 1)
        #expect(report([.warning]).exitStatus(strict: false) == 0)
        #expect(report([.error]).exitStatus(strict: false) == 1)
        #expect(Diagnostic.Severity.note < .warning && Diagnostic.Severity.warning < .error)
    }
}
