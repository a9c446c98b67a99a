import Testing
import WinnowEngine
import WinnowRules

/// The four phases: content, keep, cut, context; and who a line is charged to.
@Suite struct PhaseOrderTests {
    @Test func keepBeatsDropCutAndStripWhateverTheLoadOrder() throws {
        // a.yml loads before z.yml, so every other rule comes before the keep rule in load order.
        let fixture = try Fixture([
            "a.yml": """
                description: rules that would remove the protected lines
                rules:
                  - {id: drop, description: d, action: drop, regex: '^Read next'}
                  - {id: cut, description: c, action: cut, regex: '^Read next'}
                  - {id: strip, description: s, action: strip, regex: 'IMPORTANT '}
                  - {id: block, description: b, action: drop-block, regex: '^Share$'}

                """,
            "z.yml": """
                description: keep
                rules:
                  - {id: keep, description: k, action: keep, regex: 'said\\.$'}

                """,
        ])
        let run = fixture.run("""
            Read next: the report, the minister said.
            IMPORTANT notice, she said.
            Share
            Body that follows, they said.

            """)
        #expect(run.verdicts == ["protected z/keep", "protected z/keep", "dropped a/block", "protected z/keep"])
        #expect(run.kept == ["Read next: the report, the minister said.", "IMPORTANT notice, she said.",
                             "Body that follows, they said."])
        #expect(run.decisions.strips.isEmpty)
    }

    @Test func aCutDoesNotFireOnAProtectedLineNorRemoveProtectedLinesAfterIt() throws {
        let run = try Fixture(rules: """
              - {id: keep, description: k, action: keep, regex: 'Keep'}
              - {id: cut, description: c, action: cut, regex: '^Comments'}

            """).run("Body\nComments Keep\nMore\nComments\nKeep me\nTail\n")
        #expect(run.verdicts == ["kept", "protected t/keep", "kept", "dropped t/cut", "protected t/keep", "dropped t/cut"])
    }

    @Test func theEarliestCutWinsAndIsChargedWithEverythingAfter() throws {
        let run = try Fixture(rules: """
              - {id: comments, description: c1, action: cut, regex: '^Comments$'}
              - {id: related, description: c2, action: cut, regex: '^Related$'}

            """).run("Body\nRelated\nTeaser\nComments\nReply\n")
        #expect(run.verdicts == ["kept", "dropped t/related", "dropped t/related", "dropped t/related",
                                 "dropped t/related"])
    }

    @Test func cutsComeAfterContentRulesEvenWhenLoadedEarlier() throws {
        let run = try Fixture(rules: """
              - {id: cut, description: c, action: cut, regex: '^Read next$'}
              - {id: drop, description: d, action: drop, regex: '^Teaser'}

            """).run("Teaser up top\nBody\nRead next\nTeaser below\n")
        // The content rule took "Teaser below" first; the cut is charged with the rest.
        #expect(run.verdicts == ["dropped t/drop", "kept", "dropped t/cut", "dropped t/drop"])
    }

    @Test func aCutStartsAtALineAContentRuleAlreadyDropped() throws {
        let run = try Fixture(rules: """
              - {id: heading, description: h, action: drop, regex: '^Related posts$'}
              - {id: cut, description: c, action: cut, regex: '^Related posts$'}

            """).run("Body\nRelated posts\nTeaser one\nTeaser two\n")
        #expect(run.verdicts == ["kept", "dropped t/heading", "dropped t/cut", "dropped t/cut"])
    }

    @Test func aLineDroppedBySeveralRulesIsChargedToTheFirst() throws {
        let fixture = try Fixture(rules: """
              - {id: first, description: a, action: drop, regex: '^Subscribe'}
              - {id: second, description: b, action: drop-block, regex: 'now$'}
              - {id: third, description: c, action: drop, regex: '^Subscribe'}

            """)
        #expect(fixture.run("Subscribe now\n").verdicts == ["dropped t/first"])
        // `first:` moves a rule to the front of its phase, so a test can see what that rule alone does.
        #expect(fixture.run("Subscribe now\n", first: "t/second").verdicts == ["dropped t/second"])
        #expect(fixture.run("Subscribe now\n", first: "t/third").verdicts == ["dropped t/third"])
        #expect(fixture.run("Subscribe now\n", first: "t/nonexistent").verdicts == ["dropped t/first"])
    }

    @Test func extractRulesRunFirstInTheirPhaseSoMetadataDoesNotDependOnOrder() throws {
        let run = try Fixture(rules: """
              - {id: drop, description: d, action: drop, regex: '^By '}
              - {id: byline, description: b, action: extract, regex: '^By (?<author>\\w+ \\w+)$'}

            """).run("By Jane Doe\nThe council met on Tuesday.\n")
        #expect(run.verdicts == ["dropped t/byline", "kept"])
        #expect(run.meta == ["author=Jane Doe"])
    }

    @Test func contextRulesRunAfterContentRulesWhateverTheLoadOrder() throws {
        let run = try Fixture(rules: """
              - {id: context, description: c, action: drop, regex: '.', when: {prev: {dropped: true}, max-words: 3}}
              - {id: content, description: d, action: drop, regex: '^Advertisement$'}

            """).run("Advertisement\nBuy it now\nText goes on here\n")
        #expect(run.verdicts == ["dropped t/content", "dropped t/context", "kept"])
    }

    @Test func contextRulesSeeTheVerdictsOfEarlierContextRules() throws {
        // Each context rule runs over the whole document before the next, seeing its verdicts: a chain.
        let run = try Fixture(rules: """
              - {id: ad, description: a, action: drop, regex: '^Advertisement$'}
              - {id: one, description: c1, action: drop, regex: '^x$', when: {prev: {dropped: true}}}
              - {id: two, description: c2, action: drop, regex: '^y$', when: {prev: {dropped: true}}}

            """).run("Advertisement\nx\ny\n")
        #expect(run.verdicts == ["dropped t/ad", "dropped t/one", "dropped t/two"])
        // In the other order, 'y' is tested before 'x' is dropped.
        let reversed = try Fixture(rules: """
              - {id: ad, description: a, action: drop, regex: '^Advertisement$'}
              - {id: two, description: c2, action: drop, regex: '^y$', when: {prev: {dropped: true}}}
              - {id: one, description: c1, action: drop, regex: '^x$', when: {prev: {dropped: true}}}

            """).run("Advertisement\nx\ny\n")
        #expect(reversed.verdicts == ["dropped t/ad", "dropped t/one", "kept"])
    }

    @Test func rulesSeeTheOriginalTextAfterAStrip() throws {
        let run = try Fixture(rules: """
              - {id: strip, description: s, action: strip, regex: '^PROMO '}
              - {id: drop, description: d, action: drop, regex: '^PROMO Text$'}

            """).run("PROMO Text\nPROMO Other\n")
        #expect(run.verdicts == ["dropped t/drop", "kept"])
        #expect(run.kept == ["Other"])
    }

    @Test func rulesLoadInPathOrderAcrossFiles() throws {
        let fixture = try Fixture([
            "b.yml": "description: b\nrules:\n  - {id: r, description: b, action: drop, regex: 'x'}\n",
            "a.yml": "description: a\nrules:\n  - {id: r, description: a, action: drop, regex: 'x'}\n",
            "sites/c.com.yml": "site: c.com\ndescription: c\nrules:\n  - {id: r, description: c, action: drop, regex: 'x'}\n",
        ])
        #expect(fixture.ruleSet.rules.map(\.id) == ["a/r", "b/r", "sites/c.com/r"])
        #expect(fixture.run("x\n", sites: ["c.com"]).verdicts == ["dropped a/r"])
    }
}
