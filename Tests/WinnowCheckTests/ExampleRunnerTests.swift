import Testing
import WinnowCheck
import WinnowRules

@Suite struct ExampleRunnerTests {
    @Test func passingExamplesPass() throws {
        let set = try RuleSet.load([source("ads.yml", adsFile)])
        let outcomes = ExampleRunner(ruleSet: set).run()
        #expect(outcomes.count == 3)
        #expect(outcomes.allSatisfy { $0.passed })
        #expect(outcomes.allSatisfy { $0.rule.id == "ads/ad-label" })
    }

    @Test func dropExampleThatSurvivesFailsWithItsLocation() throws {
        let file = adsFile.replacingOccurrences(of: "        - SPONSORED", with: "        - Sponsored content")
        let set = try RuleSet.load([source("ads.yml", file)])
        let failures = ExampleRunner(ruleSet: set).run().filter { !$0.passed }
        try #require(failures.count == 1)
        let failure = failures[0]
        #expect(failure.location == SourceLocation(file: "my-rules/ads.yml", line: 12, column: 11))
        #expect(failure.mismatches == [.init(text: "Sponsored content", actual: "kept, no rule fired",
                                             expected: "dropped by ads/ad-label")])
        #expect(failure.report == """
            FAIL my-rules/ads.yml:12:11: drop example of ads/ad-label (rule at my-rules/ads.yml:6:5)
                "Sponsored content": kept, no rule fired; expected: dropped by ads/ad-label

            """)
    }

    @Test func keepExampleMustSurviveTheWholeSet() throws {
        let other = """
            description: Too broad.
            rules:
              - id: any-ad
                description: Anything mentioning an advertisement.
                action: drop
                regex: 'advertisement'
                caseless: true
                examples:
                  drop: [Advertisement here]

            """
        let set = try RuleSet.load([source("ads.yml", adsFile), source("broad.yml", other)])
        let failures = ExampleRunner(ruleSet: set).run().filter { !$0.passed }
        try #require(failures.count == 1)
        #expect(failures[0].example?.expectation == .keep)
        #expect(failures[0].rule.id == "ads/ad-label")
        #expect(failures[0].mismatches.first?.actual == "dropped by broad/any-ad")
        #expect(failures[0].mismatches.first?.expected == "kept")
    }

    @Test func ruleWithoutExamplesFails() throws {
        let file = """
            description: Bare.
            rules:
              - id: bare
                description: No examples at all.
                action: drop
                regex: '^x$'

            """
        let set = try RuleSet.load([source("bare.yml", file)])
        let outcomes = ExampleRunner(ruleSet: set).run()
        try #require(outcomes.count == 1)
        #expect(!outcomes[0].passed)
        #expect(outcomes[0].example == nil)
        #expect(outcomes[0].report.contains("bare/bare has no examples"))
    }

    @Test func stripResultAndExtractMetaAreChecked() throws {
        let file = """
            description: Strip and extract.
            rules:
              - id: glued-time
                description: A time glued to the end of a paragraph.
                action: strip
                regex: '\\s*\\d{1,2}:\\d{2} (?:AM|PM) IST$'
                examples:
                  drop:
                    - text: "Markets closed higher on Friday. 02:53 PM IST"
                      result: "Markets closed higher on Friday."
                    - text: "Markets fell. 09:15 AM IST"
                      result: "Markets fell sharply."
                  keep:
                    - "The meeting starts at 10:00 sharp."
              - id: byline
                description: A byline.
                action: extract
                regex: '^By (?<author>\\p{Lu}\\p{L}+(?: \\p{Lu}\\p{L}+)*)$'
                examples:
                  drop:
                    - text: By Jane Doe
                      meta: { author: [Jane Doe] }
                    - text: By John Roe
                      meta: { author: [Someone Else] }
                  keep:
                    - By Tuesday the river had risen.

            """
        let set = try RuleSet.load([source("mixed.yml", file)])
        let failures = ExampleRunner(ruleSet: set).run().filter { !$0.passed }
        #expect(failures.count == 2)
        #expect(failures.contains { $0.rule.id == "mixed/glued-time" && $0.problems.first?.hasPrefix("result: ") == true })
        #expect(failures.contains { $0.rule.id == "mixed/byline"
                && $0.problems == [#"meta 'author': ["John Roe"]; expected: ["Someone Else"]"#] })
    }

    @Test func keepRuleExamplesMeanProtection() throws {
        let file = """
            description: Guards and drops.
            rules:
              - id: credit
                description: A wire credit.
                action: keep
                regex: '^\\(with inputs from [^)]+\\)$'
                caseless: true
                examples:
                  keep: ["(With inputs from AFP)"]
                  drop: ["(Photo: AFP)"]
              - id: parens
                description: Any line in parentheses.
                action: drop
                regex: '^\\(.*\\)$'
                examples:
                  drop: ["(Photo: AFP)"]
                  keep: ["(With inputs from Reuters)"]

            """
        let set = try RuleSet.load([source("guards.yml", file)])
        let outcomes = ExampleRunner(ruleSet: set).run()
        #expect(outcomes.count == 4)
        #expect(outcomes.allSatisfy { $0.passed }, "\(outcomes.filter { !$0.passed }.map(\.report))")
    }
}
