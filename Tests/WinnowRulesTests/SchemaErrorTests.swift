import Testing
import WinnowRules

/// Unknown keys, wrong types, duplicate ids and YAML errors: each with its
/// position, and every error of every file in one report.
@Suite struct SchemaErrorTests {
    @Test func unknownKeysSuggestTheNearestKnownOne() {
        let errors = Loader.errors("my/keys.yml", """
            description: unknown keys
            rule: []
            defaults: {action: drop, scop: line}
            rules:
              - id: typo
                description: d
                regex: x
                scopee: line
                when: {max-word: 3, zzzzzzzz: 1}

            """)
        #expect(errors == [
            "my/keys.yml:2:1: error: unknown rule file key 'rule'; did you mean 'rules'?",
            "my/keys.yml:3:26: error: unknown defaults key 'scop'; did you mean 'scope'?",
            "my/keys.yml:8:5: error: unknown rule key 'scopee'; did you mean 'scope'? [keys/typo]",
            "my/keys.yml:9:12: error: unknown condition key 'max-word'; did you mean 'max-words'? [keys/typo]",
            "my/keys.yml:9:25: error: unknown condition key 'zzzzzzzz' [keys/typo]",
        ])
    }

    @Test func wrongTypesAndValues() {
        let errors = Loader.errors("my/types.yml", """
            description: wrong types
            rules:
              - id: types
                description: d
                regex: x
                action: dropp
                caseless: maybe
                when: {max-words: many, region: top, dropped-nearby: {window: 2}}
              - id: list
                description: [not, a, string]
                action: drop
                regex: {x: y}

            """)
        #expect(errors == [
            "my/types.yml:6:13: error: 'action' must be one of drop, drop-block, strip, cut, keep, extract, not 'dropp' [types/types]",
            "my/types.yml:7:15: error: 'caseless' must be true or false [types/types]",
            "my/types.yml:8:23: error: 'max-words' must be a whole number, 0 or more [types/types]",
            "my/types.yml:8:37: error: unknown region 'top'; expected header, body or footer [types/types]",
            "my/types.yml:8:58: error: 'dropped-nearby' needs 'window' (lines) and 'min' (a fraction) [types/types]",
            "my/types.yml:9:5: error: rule has no 'description' [types/list]",
            "my/types.yml:10:18: error: 'description' must be a string [types/list]",
            "my/types.yml:12:12: error: 'regex' must be a regex string or a list of regex strings [types/list]",
        ])
    }

    @Test func rulesMustBeAList() {
        #expect(Loader.errors("my/r.yml", "description: d\nrules: x\n") == ["my/r.yml:2:8: error: 'rules' must be a list of rules"])
        #expect(Loader.errors("my/r.yml", "description: d\n") == ["my/r.yml:1:1: error: missing 'rules:' list"])
        #expect(Loader.errors("my/r.yml", "") == ["my/r.yml:1:1: error: empty rule file: expected a mapping with a 'rules:' list"])
    }

    @Test func duplicateIdWithinAFile() {
        let errors = Loader.errors("my/dup.yml", """
            description: d
            defaults: {action: drop}
            rules:
              - id: same
                description: first
                regex: x
              - id: same
                description: second
                regex: y

            """)
        #expect(errors == ["my/dup.yml:7:9: error: duplicate rule id; first defined at my/dup.yml:4:5 [dup/same]"])
    }

    @Test func duplicateIdAcrossFilesWithTheSameQualifier() {
        // A user's my/ads.yml qualifies its ids as ads/…, like the built-in rules/ads.yml.
        let rule = "description: d\nrules:\n  - {id: label, description: d, action: drop, regex: x}\n"
        let errors = Loader.errors([("rules/ads.yml", rule), ("my/ads.yml", "\n" + rule)])
        #expect(errors == ["my/ads.yml:4:5: error: duplicate rule id; first defined at rules/ads.yml:3:5 [ads/label]"])
    }

    @Test func aSitePackDefinedTwice() {
        let pack = "site: a.com\ndescription: d\nrules: []\n"
        let errors = Loader.errors([("one/sites/a.com.yml", pack), ("two/sites/b.yml", pack)])
        #expect(errors == ["two/sites/b.yml:1:7: error: site pack 'a.com' is already defined at one/sites/a.com.yml:1:7"])
    }

    @Test func filesMayNotDisagreeOnSettings() {
        let errors = Loader.errors([
            ("my/a.yml", "description: d\nsettings: {prose-min-words: 8}\nrules: []\n"),
            ("my/b.yml", "description: d\nsettings: {prose-min-words: 12}\nrules: []\n"),
        ])
        #expect(errors == ["my/b.yml:2:29: error: setting 'prose-min-words' is 8 at my/a.yml:2:29; two files may not disagree"])
    }

    @Test func yamlSyntaxErrorsHaveTheirPosition() {
        let errors = Loader.errors("my/broken.yml", "description: d\nrules:\n  - id: a\n    regex: 'unclosed\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("my/broken.yml:") == true)
        #expect(errors.first?.contains(": error: YAML: ") == true)
    }

    @Test func everyErrorInEveryFileIsReportedInFileOrder() {
        let errors = Loader.errors([
            ("my/b.yml", "description: d\nrules:\n  - {id: x, description: d, action: nope, regex: x}\n"
                + "  - {id: y, description: d, action: drop, regex: '('}\n"),
            ("my/a.yml", "description: d\nrulez: []\n"),
            ("my/c.yml", "description: d\nrules:\n  - {id: ok, description: d, action: drop, regex: x}\n"),
            ("my/d.yml", "rules: [}\n"),
        ])
        #expect(errors.count == 5, "\(errors)")
        #expect(errors.map { String($0.prefix(while: { $0 != ":" })) } == ["my/a.yml", "my/a.yml", "my/b.yml", "my/b.yml", "my/d.yml"])
        #expect(errors.first == "my/a.yml:1:1: error: missing 'rules:' list")
        #expect(errors.contains("my/a.yml:2:1: error: unknown rule file key 'rulez'; did you mean 'rules'?"))
    }

    @Test func aGoodFileLoadsWithItsRulesInOrder() throws {
        let set = try RuleSet.load(Loader.sources([("my/good.yml", """
            description: good
            defaults: {action: strip, scope: block, subject: raw, caseless: true}
            settings: {prose-min-words: 7}
            rules:
              - id: one
                description: first
                regex: x
              - id: two
                description: second
                action: keep
                scope: line
                subject: trimmed
                caseless: false
                regex: y
                examples:
                  drop: [x]
                  keep:
                    - text: y
                      before: a
                      after: b

            """)]))
        #expect(set.rules.map(\.id) == ["good/one", "good/two"])
        #expect(set.rules.map(\.action) == [.strip, .keep])
        #expect(set.rules.map(\.scope) == [.block, .line])
        #expect(set.rules.map(\.subject) == [.raw, .trimmed])
        #expect(set.rules[0].regex.options.contains(.caseless))
        #expect(set.rules[0].regex.options.contains(.multiline))
        #expect(!set.rules[1].regex.options.contains(.caseless))
        #expect(set.settings.proseMinWords == 7)
        #expect(set.rules[1].examples.map(\.expectation) == [.drop, .keep])
        #expect(set.rules[1].examples[1].document.text == "a\ny\nb\n")
        #expect(set.rules[1].examples[1].document.testedLines == 1..<2)
        #expect(set.rules[0].location.description == "my/good.yml:5:5")
        #expect(set.warnings.isEmpty)
    }
}
