import Testing
import WinnowRules

/// A regex error points at the very character in the rule file, whatever the
/// YAML scalar style, quotes, escapes and multi-byte characters before it.
@Suite struct RegexPositionTests {
    static let file = #"""
        description: regex errors in every scalar style
        defaults: {action: drop}
        rules:
          - id: plain
            description: plain scalar
            regex: ab)cd
          - id: single
            description: single-quoted
            regex: 'it''s)x'
          - id: double
            description: double-quoted
            regex: "\u00e9\\d)"
          - id: literal
            description: literal block scalar
            regex: |-
              (?x) first
              ab)cd
          - id: folded
            description: folded block scalar
            regex: >-
              abc
              d)e
          - id: unicode
            description: plain scalar with two-byte characters before the error
            regex: éé)x
          - id: condition
            description: a condition's regex
            regex: x
            when:
              unless: 'a)b'

        """#

    static let errors = Loader.errors("my/styles.yml", file)

    private func error(_ rule: String) -> String? {
        Self.errors.first { $0.hasSuffix("[styles/\(rule)]") }
    }

    private func message(offset: Int) -> String {
        "error: regex: unmatched closing parenthesis (at offset \(offset) in the pattern)"
    }

    @Test func everyRuleIsReportedOnce() {
        #expect(Self.errors.count == 7, "\(Self.errors)")
    }

    @Test func plainScalar() {
        #expect(error("plain") == "my/styles.yml:6:14: \(message(offset: 2)) [styles/plain]")
    }

    @Test func singleQuotedWithAnEscapedQuote() {
        #expect(error("single") == "my/styles.yml:9:18: \(message(offset: 4)) [styles/single]")
    }

    @Test func doubleQuotedWithEscapes() {
        // The value is "é\d)": the ')' is its fourth character, written after six- and two-character escapes.
        #expect(error("double") == "my/styles.yml:12:22: \(message(offset: 3)) [styles/double]")
    }

    @Test func literalBlockScalar() {
        #expect(error("literal") == "my/styles.yml:17:9: \(message(offset: 13)) [styles/literal]")
    }

    @Test func foldedBlockScalar() {
        #expect(error("folded") == "my/styles.yml:22:8: \(message(offset: 5)) [styles/folded]")
    }

    @Test func offsetsCountCharactersNotBytes() {
        #expect(error("unicode") == "my/styles.yml:25:14: \(message(offset: 2)) [styles/unicode]")
    }

    @Test func conditionRegex() {
        #expect(error("condition") == "my/styles.yml:30:17: \(message(offset: 1)) [styles/condition]")
    }

    @Test func pcre2MessagesComeThroughVerbatim() {
        let errors = Loader.errors("x/t.yml", """
            description: d
            rules:
              - {id: a, description: d, action: drop, regex: 'a(b'}
              - {id: b, description: d, action: drop, regex: '[z-a]'}

            """)
        #expect(errors == [
            "x/t.yml:3:54: error: regex: missing closing parenthesis (at offset 3 in the pattern) [t/a]",
            "x/t.yml:4:54: error: regex: range out of order in character class (at offset 3 in the pattern) [t/b]",
        ])
    }

    @Test func detectRegexOfASitePack() {
        let errors = Loader.errors("x/sites/a.com.yml", """
            site: a.com
            detect: '(?i)on A)'
            description: d
            rules: []

            """)
        #expect(errors == ["x/sites/a.com.yml:2:18: error: regex: unmatched closing parenthesis (at offset 8 in the pattern)"])
    }
}
