import Testing
import WinnowCheck
import WinnowRules

@Suite struct CoverageTests {
    @Test func countsSampleLinesPerRuleAndListsRulesThatNeverFired() throws {
        let extra = """
            description: More.
            rules:
              - id: credit
                description: A wire credit.
                action: keep
                regex: '^\\(with inputs from [^)]+\\)$'
                caseless: true
                examples:
                  keep: ["(With inputs from AFP)"]
              - id: never
                description: Never on a sample.
                action: drop
                regex: '^never seen$'
                examples:
                  drop: [never seen]
                  keep: [seen]

            """
        let fixture = Fixture()
        fixture.write("rules/ads.yml", adsFile)
        fixture.write("rules/more.yml", extra)
        fixture.write("samples/page.txt", """
            Advertisement
            The council voted on Tuesday to close Mill Road for three months of repairs.
            Sponsored
            (With inputs from AFP)

            """)
        let set = try fixture.ruleSet()
        let report = try TestRun(ruleSet: set, samples: try Sample.discover(in: fixture.samples)).run()
        let coverage = Coverage(ruleSet: set, samples: report.samples)
        #expect(coverage.lineCount == 4)
        let counts = Dictionary(uniqueKeysWithValues: coverage.entries.map { ($0.rule.id, ($0.dropped, $0.protected)) })
        #expect(counts["ads/ad-label"]! == (2, 0))
        #expect(counts["more/credit"]! == (0, 1))
        #expect(coverage.neverFired.map(\.id) == ["more/never"])
        let text = coverage.report
        #expect(text.hasPrefix("coverage over 1 sample (4 non-blank lines):\n"))
        #expect(text.contains("  ads/ad-label" + String(repeating: " ", count: 40 - 12) + "2 dropped\n"))
        #expect(text.hasSuffix("never fired on a sample (1): more/never\n"))
    }
}
