import PCRE2
import Testing
import WinnowRules

/// `regex:` and `detect:` as lists, `words:` lists and `{{name}}`, and where
/// their errors point.
@Suite struct PatternAssemblyTests {
    private func load(_ text: String, path: String = "my/lists.yml") throws -> RuleSet {
        try RuleSet.load(Loader.sources([(path, text)]))
    }

    private func matches(_ regex: Pattern, _ line: String) throws -> Bool {
        let bytes = Array(line.utf8)
        return try bytes.withUnsafeBufferPointer { try regex.firstMatch(in: $0, with: MatchData()) } != nil
    }

    @Test func listIsOneAlternationWithEachItemGrouped() throws {
        let set = try load("""
            description: d
            rules:
              - id: promo
                description: d
                action: drop
                regex:
                  - '^sponsored$'
                  - '(?i)^promoted$'

            """)
        let regex = try #require(set.rule(id: "lists/promo")).regex
        #expect(regex.pattern == "(?:^sponsored$)|(?:(?i)^promoted$)")
        #expect(try matches(regex, "PROMOTED"))
        #expect(try matches(regex, "sponsored"))
        // (?i) stays inside its own item.
        #expect(try !matches(regex, "SPONSORED"))
    }

    @Test func wordsExpandInRegexDetectAndConditions() throws {
        let set = try load("""
            site: a.com
            detect: '{{brand}} News'
            description: d
            words:
              networks: [Facebook, Twitter, 'E-?mail']
              brand: ['A\\.com']
            rules:
              - id: share
                description: d
                action: drop
                regex: '^share on {{networks}}$'
                when:
                  unless: '{{networks}} ads'
                  prev: {regex: 'via {{networks}}'}

            """, path: "my/sites/a.com.yml")
        let rule = try #require(set.rule(id: "sites/a.com/share"))
        #expect(rule.regex.pattern == "^share on (?:Facebook|Twitter|E-?mail)$")
        #expect(try matches(rule.regex, "share on Email"))
        #expect(try !matches(rule.regex, "share on Reddit"))
        #expect(rule.conditions.patterns.map(\.pattern.pattern)
                == ["(?:Facebook|Twitter|E-?mail) ads", "via (?:Facebook|Twitter|E-?mail)"])
        #expect(set.sitePacks.first?.detect?.pattern == "(?:A\\.com) News")
        #expect(set.warnings.isEmpty)
    }

    @Test func listItemsMayUseWords() throws {
        let set = try load("""
            description: d
            words:
              labels: [ad, advert]
            rules:
              - id: label
                description: d
                action: drop
                regex: ['^{{labels}}$', '^\\[{{labels}}\\]$']

            """)
        #expect(set.rule(id: "lists/label")?.regex.pattern == #"(?:^(?:ad|advert)$)|(?:^\[(?:ad|advert)\]$)"#)
    }

    @Test func unknownWordListPointsAtItsBraces() {
        let errors = Loader.errors("my/lists.yml", """
            description: d
            words:
              networks: [Facebook]
            rules:
              - id: share
                description: d
                action: drop
                regex: '^share on {{network}}$'

            """)
        #expect(errors == ["my/lists.yml:8:23: error: unknown word list 'network'; did you mean 'networks'? [lists/share]"])
    }

    @Test func unusedWordListIsAWarning() throws {
        let (set, diagnostics) = RuleSet.loadPartially(Loader.sources([("my/lists.yml", """
            description: d
            words:
              used: [a, b]
              spare: [c]
            rules:
              - {id: r, description: d, action: drop, regex: '^{{used}}$'}

            """)]))
        #expect(set.rules.count == 1)
        #expect(diagnostics.map(\.description) == ["my/lists.yml:4:3: warning: word list 'spare' is not used by any regex"])
        #expect(diagnostics.first?.code == "unused-words")
        #expect(set.warnings.map(\.code) == ["unused-words"])
    }

    @Test func wordListItemsCannotUseOtherLists() {
        let errors = Loader.errors("my/lists.yml", """
            description: d
            words:
              inner: [a]
              outer: [b, 'x{{inner}}']
            rules:
              - {id: r, description: d, action: drop, regex: '^{{outer}}$'}

            """)
        #expect(errors == ["my/lists.yml:4:16: error: a word-list item may not use another list ('{{…}}')"])
    }

    @Test func badWordNamesAndListsAreErrors() {
        let errors = Loader.errors("my/lists.yml", """
            description: d
            words:
              Networks: [a]
              empty: []
            rules:
              - {id: r, description: d, action: drop, regex: ['^a$', [b]]}
              - {id: s, description: d, action: drop, regex: []}
              - {id: t, description: d, action: drop, regex: 'a{{ b'}

            """)
        #expect(errors == [
            "my/lists.yml:3:3: error: word-list name 'Networks' may only use lowercase letters, digits and '-'",
            "my/lists.yml:4:10: error: word list 'empty' must be a list of at least one regex fragment",
            "my/lists.yml:6:58: error: items of a 'regex' list must be regex strings [lists/r]",
            "my/lists.yml:7:50: error: a 'regex' list must have at least one item [lists/s]",
            "my/lists.yml:8:52: error: '{{' starts a word-list reference: write {{name}} (lowercase letters, digits, '-'),"
                + " or '\\{' for a literal brace [lists/t]",
        ])
    }

    @Test func compileErrorInTheSecondListItemPointsIntoIt() {
        let errors = Loader.errors("my/lists.yml", """
            description: d
            rules:
              - id: promo
                description: d
                action: drop
                regex:
                  - '^sponsored$'
                  - '^it''s (promoted$'

            """)
        // The final pattern is "(?:^sponsored$)|(?:^it's (promoted$)": PCRE2 stops at its end (offset 36),
        // in the glue after the second item, so the error points just past that item's "promoted$".
        #expect(errors == ["my/lists.yml:8:27: error: regex: missing closing parenthesis (at offset 36 in the pattern) [lists/promo]"])
    }

    @Test func compileErrorInsideTheSecondListItemPointsAtItsCharacter() {
        let errors = Loader.errors("my/lists.yml", """
            description: d
            rules:
              - id: promo
                description: d
                action: drop
                regex: ['^ad$', "^\\\\d[z-a]$"]

            """)
        // "(?:^ad$)|(?:^\d[z-a]$)": PCRE2 stops at offset 18, the 'a' of "z-a", written at column 29
        // because the escape "\\" takes two columns for one character.
        #expect(errors == ["my/lists.yml:6:29: error: regex: range out of order in character class (at offset 18 in the pattern)"
                           + " [lists/promo]"])
    }

    @Test func compileErrorInAWordListItemPointsIntoTheWordsItem() {
        let errors = Loader.errors("my/lists.yml", """
            description: d
            words:
              labels: [ad, 'adv[z-a]rt', promo]
            rules:
              - {id: r, description: d, action: drop, regex: '^{{labels}}$'}

            """)
        // "^(?:ad|adv[z-a]rt|promo)$": the bad range ends at offset 13, the 'a' of "z-a", line 3 column 23.
        #expect(errors == ["my/lists.yml:3:23: error: regex: range out of order in character class (at offset 13 in the pattern)"
                           + " [lists/r]"])
    }

    @Test func originMapsOffsetsOfTheFinalPattern() throws {
        let set = try load("""
            description: d
            words:
              labels: [ad, advert]
            rules:
              - id: r
                description: d
                action: drop
                regex:
                  - 'x'
                  - '^{{labels}}$'

            """)
        let rule = try #require(set.rule(id: "lists/r"))
        // "(?:x)|(?:^(?:ad|advert)$)"
        #expect(rule.regex.pattern == "(?:x)|(?:^(?:ad|advert)$)")
        let location = { (offset: Int) in rule.regexOrigin.location(ofOffset: offset) }
        #expect(location(3) == SourceLocation(file: "my/lists.yml", line: 9, column: 10))     // x
        #expect(location(9) == SourceLocation(file: "my/lists.yml", line: 10, column: 10))    // ^
        #expect(location(16) == SourceLocation(file: "my/lists.yml", line: 3, column: 16))    // the 'a' of advert
        #expect(location(23) == SourceLocation(file: "my/lists.yml", line: 10, column: 21))   // $
    }
}

/// Condition regexes take the same forms as a rule's `regex`: a list, and word lists.
@Suite struct ConditionPatternFormTests {
    @Test func aConditionRegexMayBeAListAndItsErrorsPointAtTheItem() throws {
        let text = """
            description: d
            words:
              nets: [Facebook, X]
            rules:
              - id: r
                description: d
                action: drop
                regex: '^share'
                when:
                  unless:
                    - 'on {{nets}}'
                    - 'via (email'
                examples: {drop: [share]}

            """
        let (_, diagnostics) = RuleSet.loadPartially([RuleSource(displayPath: "t.yml", relativePath: "t.yml", text: text)])
        let error = try #require(diagnostics.first { $0.code == "regex" })
        // The second item, line 12: `'via (email'` starts at column 23; PCRE2 stops at its end.
        #expect(error.location.line == 12, "\(error)")
        #expect(error.message.contains("missing closing parenthesis"), "\(error)")

        let fixed = text.replacingOccurrences(of: "'via (email'", with: "'via email'")
        let set = try RuleSet.load([RuleSource(displayPath: "t.yml", relativePath: "t.yml", text: fixed)])
        let held = try #require(set.rules.first?.conditions.patterns.first)
        #expect(held.pattern.pattern == "(?:on (?:Facebook|X))|(?:via email)")
        #expect(held.origin.location(ofCharacter: held.pattern.pattern.count - 3, in: held.pattern.pattern).line == 12)
    }
}
