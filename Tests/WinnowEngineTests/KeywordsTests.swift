import Testing
import WinnowEngine
import WinnowRules

/// `keywords:`: a rule's regex is tried only on lines holding one of them, in place of derived literals.
@Suite struct KeywordsTests {
    private let rules = """
          - id: two-words
            description: Two words.
            regex: '^\\w+ \\w+$'
            keywords: [Share, tweet]

        """

    @Test func aRuleWithKeywordsRunsOnlyWhereOneIs() throws {
        let run = try Fixture(rules: rules).run("share this\nTWEET it\nhello world\nA sentence of prose that stays.\n")
        #expect(run.kept == ["hello world", "A sentence of prose that stays."])
    }

    @Test func withoutThePrefilterKeywordsAreNotConsulted() throws {
        let ruleSet = try Fixture(rules: rules).ruleSet
        let filter = Filter(RuleProgram(ruleSet: ruleSet, prefilter: false))
        let document = Document(bytes: Array("hello world\n".utf8))
        #expect(filter.apply(to: document).isDropped(0))
    }

    @Test func keywordsReplaceDerivedLiterals() throws {
        let rule = try #require(try Fixture(rules: rules).ruleSet.rules.first)
        #expect(rule.keywords == ["Share", "tweet"])
        #expect(rule.requiredLiterals?.strings == [Array("share".utf8), Array("tweet".utf8)])
    }

    @Test func anEmptyListOrKeywordIsAnError() {
        for list in ["[]", "['']", "[ad, '']"] {
            #expect(throws: RuleLoadFailure.self) {
                try Fixture(rules: "  - id: r\n    description: R.\n    regex: '^ad$'\n    keywords: \(list)\n")
            }
        }
    }
}
