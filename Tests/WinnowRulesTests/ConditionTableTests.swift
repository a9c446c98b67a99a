import Testing
@testable import WinnowRules

/// The condition table is the one definition of every `when:` key.
@Suite struct ConditionTableTests {
    private func conditions(_ when: String) throws -> LineConditions {
        let text = """
            description: t
            rules:
              - id: r
                description: r
                action: drop
                regex: 'x'
                when: \(when)
                examples: {drop: [x]}
            """
        let set = try RuleSet.load([RuleSource(displayPath: "t.yml", relativePath: "t.yml", text: text)])
        return try #require(set.rules.first).conditions
    }

    @Test func keysAreUniqueAndEachHasAValueDescription() {
        #expect(ConditionTable.keys.count == ConditionTable.definitions.count)
        #expect(ConditionTable.definitions.allSatisfy { !$0.value.isEmpty })
        // The keys rule files have used since conditions exist: none may disappear.
        #expect(ConditionTable.keys.isSuperset(of: [
            "min-chars", "max-chars", "min-words", "max-words", "sentence", "bullet", "prose", "region",
            "first-lines", "last-lines", "repeated", "min-block-lines", "max-block-lines", "run", "regex", "unless",
            "dropped", "dropped-nearby", "prev", "next", "prev-kept", "next-kept", "prose-above", "follows",
        ]))
    }

    @Test func whatConditionsReadDecidesTheRulesPhaseInputs() throws {
        #expect(try conditions("{max-words: 4}").reads == .features)
        #expect(try conditions("{dropped: true}").readsVerdicts)
        #expect(try conditions("{prev-kept: {prose: true}}").readsVerdicts)
        #expect(try conditions("{region: footer}").readsRegions)
        #expect(try conditions("{next: {prose-above: 0.5}}").readsRegions)
        #expect(try conditions("{repeated: 2}").readsRepeats)
        #expect(try !conditions("{unless: 'a', max-chars: 9}").readsVerdicts)
    }

    @Test func cheapConditionsAreSplitFromCostlyOnes() throws {
        let parsed = try conditions("{unless: 'a', max-chars: 9, prev: {sentence: true}, bullet: false}")
        #expect(parsed.cheap.map(\.written) == ["max-chars: 9", "bullet: false"])
        #expect(parsed.costly.map(\.written) == ["unless: 'a'", "prev: {sentence: true}"])
        #expect(parsed.maxChars == 9)
    }

    @Test func everyHeldRegexIsListedNestedOnesIncluded() throws {
        let parsed = try conditions("{unless: 'u', follows: {regex: 'f', within: 2}, next: {regex: 'n', unless: 'm'}}")
        #expect(parsed.patterns.map(\.pattern.pattern) == ["u", "f", "n", "m"])
        #expect(parsed.patterns.map(\.key) == ["unless", "regex", "regex", "unless"])
        #expect(parsed.patterns.allSatisfy { $0.origin.location(ofOffset: 0).file == "t.yml" && $0.origin.location(ofOffset: 0).line == 7 })
    }

    @Test func runIsReadByTheEngineNotPerLine() throws {
        #expect(try conditions("{run: 3}").run == 3)
        #expect(try conditions("{max-words: 3}").run == nil)
    }
}
