import Testing
@testable import WinnowEngine
import WinnowRules

/// Every action in every scope: what a rule removes, keeps, strips and records.
@Suite struct ActionScopeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var action: String
        var scope: String
        /// The rule under test is `t/r`; a keep case adds the drop rule `t/d` it protects from.
        var regex: String
        var input: String
        var kept: [String]
        var meta: [String] = []
        var extraRules = ""
        var testDescription: String { "\(action) × \(scope)" }

        var rules: String {
            """
              - id: r
                description: rule under test
                action: \(action)
                scope: \(scope)
                regex: '\(regex)'

            """ + extraRules
        }
    }

    static let dropAds = """
          - id: d
            description: drops what the keep rule protects
            regex: '^(?:Advertisement|Ad|Quote:|Title)$'

        """

    static let cases: [Case] = [
        // line scope
        Case(action: "drop", scope: "line", regex: #"^PROMO\b"#,
             input: "Title\nPROMO Buy now\nBody text.\n", kept: ["Title", "Body text."]),
        Case(action: "drop-block", scope: "line", regex: #"^PROMO\b"#,
             input: "Title\n\nPROMO Buy now\nSame block.\n\nOther block.\n", kept: ["Title", "Other block."]),
        Case(action: "strip", scope: "line", regex: #"\s*\[AD\]"#,
             input: "Story text [AD] continues [AD].\n[AD]\nEnd.\n", kept: ["Story text continues.", "End."]),
        Case(action: "cut", scope: "line", regex: "^Read next$",
             input: "Body.\nRead next\nTeaser one\n\nTeaser two\n", kept: ["Body."]),
        Case(action: "keep", scope: "line", regex: "^Ad$",
             input: "Advertisement\nAd\n", kept: ["Ad"], extraRules: dropAds),
        Case(action: "extract", scope: "line", regex: "^By (?<author>.+)$",
             input: "Headline\nBy Jane Doe\nText.\n", kept: ["Headline", "Text."], meta: ["author=Jane Doe"]),
        // block scope: the block's subjects joined by \n, ^ and $ at every line
        Case(action: "drop", scope: "block", regex: #"^(.+)\n\1$"#,
             input: "Caption here\nCaption here\nBody.\n", kept: ["Body."]),
        Case(action: "drop-block", scope: "block", regex: #"^Share\nTweet$"#,
             input: "Body.\n\nShare\nTweet\nEmail\n\nEnd.\n", kept: ["Body.", "End."]),
        Case(action: "strip", scope: "block", regex: "<<[^>]*>>",
             input: "Text <<promo\nmore promo>> tail.\nClean.\n", kept: ["Text ", " tail.", "Clean."]),
        Case(action: "cut", scope: "block", regex: #"^Related\nStories$"#,
             input: "Body.\n\nRelated\nStories\n\nMore.\n", kept: ["Body."]),
        Case(action: "keep", scope: "block", regex: #"^Quote:\n.+$"#,
             input: "Quote:\nAd\n\nAd\n", kept: ["Quote:", "Ad"], extraRules: dropAds),
        Case(action: "extract", scope: "block", regex: #"^Written by\n(?<author>.+)$"#,
             input: "Headline\n\nWritten by\nJane Doe\n\nText.\n", kept: ["Headline", "Text."],
             meta: ["author=Jane Doe"]),
        // document scope: every line joined by \n, blank lines as empty lines
        Case(action: "drop", scope: "document", regex: #"^Menu\n\nHome$"#,
             input: "Menu\n\nHome\nTitle\n\nBody.\n", kept: ["Title", "Body."]),
        Case(action: "drop-block", scope: "document", regex: #"\ASkip to content$"#,
             input: "Skip to content\nNav A\n\nBody.\nSkip to content\n", kept: ["Body.", "Skip to content"]),
        Case(action: "strip", scope: "document", regex: #"\s*\(Reuters\)"#,
             input: "A (Reuters) B.\n\nC (Reuters)\n", kept: ["A B.", "C"]),
        Case(action: "cut", scope: "document", regex: #"^Comments\n\n"#,
             input: "Body.\n\nComments\n\nFirst comment.\nComments\n", kept: ["Body."]),
        Case(action: "keep", scope: "document", regex: #"\A.+$"#,
             input: "Title\nTitle\n", kept: ["Title"], extraRules: dropAds),
        Case(action: "extract", scope: "document", regex: #"^Published: (?<date>\d{4}-\d\d-\d\d)$"#,
             input: "Body.\n\nPublished: 2025-11-15\n\nPublished: 2025-11-16\n", kept: ["Body."],
             meta: ["date=2025-11-15", "date=2025-11-16"]),
    ]

    @Test(arguments: cases)
    func actionInScope(_ c: Case) throws {
        let run = try Fixture(rules: c.rules).run(c.input)
        #expect(run.kept == c.kept)
        #expect(run.meta == c.meta)
        // What is not kept is charged to the rule under test, or to the drop rule a keep case adds.
        let charged = Set(run.verdicts.filter { $0.hasPrefix("dropped") })
        #expect(charged.isSubset(of: ["dropped t/r", "dropped t/d"]))
        if c.action == "keep" {
            #expect(run.verdicts.contains("protected t/r"))
        } else {
            #expect(charged.contains("dropped t/r") || c.action == "strip" && !run.decisions.strips.isEmpty)
        }
    }

    @Test func keepInLineScopeProtectsOnlyWhatItMatches() throws {
        let run = try Fixture(rules: """
              - id: k
                description: keep
                action: keep
                regex: 'revenue'
              - id: d
                description: drop
                regex: '^Advertisement'

            """).run("Advertisement\nAdvertisement revenue fell, the CEO said.\n")
        #expect(run.verdicts == ["dropped t/d", "protected t/k"])
        #expect(run.kept == ["Advertisement revenue fell, the CEO said."])
    }

    @Test func stripThatEmptiesALineDropsItAndChargesTheRule() throws {
        let run = try Fixture(rules: """
              - id: s
                description: strip timestamps
                action: strip
                regex: '\\d\\d:\\d\\d'

            """).run("Updated 14:02\n14:02 \u{A0}14:03\n")
        #expect(run.kept == ["Updated "])
        #expect(run.verdicts == ["kept", "dropped t/s"])
        #expect(run.decisions.strips[1] == nil)
        let fragment = try #require(run.decisions.strips[0]?.first)
        #expect(run.document.text(fragment.range) == "14:02")
    }

    @Test func extractRecordsTheLineAndRuleOfEachField() throws {
        let run = try Fixture(rules: """
              - id: by
                description: byline
                action: extract
                regex: '^By (?<author>\\w+)(?: in (?<place>\\w+))?$'

            """).run("Text.\nBy Ana in Lima\nBy Bo\n")
        #expect(run.meta == ["author=Ana", "place=Lima", "author=Bo"])
        #expect(run.decisions.meta.map { $0.line } == [1, 1, 2])
        #expect(Set(run.decisions.meta.map { $0.rule }) == [0])
        #expect(run.kept == ["Text."])
    }

    @Test func rawSubjectSeesIndentationAndBullets() throws {
        let fixture = try Fixture(rules: """
              - id: indented
                description: indented lines only
                subject: raw
                regex: '^\\s{2}'
              - id: bullet
                description: sees no bullet in a trimmed subject
                regex: '^\\*'

            """)
        let run = fixture.run("  * Home\n* Menu\nText\n")
        #expect(run.verdicts == ["dropped t/indented", "kept", "kept"])
    }

    @Test func caselessFromDefaultsAndRuleOverride() throws {
        let run = try Fixture(defaults: "action: drop, caseless: true", rules: """
              - id: a
                description: caseless from defaults
                regex: '^subscribe$'
              - id: b
                description: case-sensitive override
                caseless: false
                regex: '^share$'

            """).run("SUBSCRIBE\nSHARE\nshare\n")
        #expect(run.verdicts == ["dropped t/a", "kept", "dropped t/b"])
    }

    @Test func emptyDocumentHasNoDecisions() throws {
        let run = try Fixture(rules: """
              - id: a
                description: anything
                regex: ''

            """).run("")
        #expect(run.decisions.lineCount == 0)
        #expect(run.kept.isEmpty)
    }
}

/// A strip fragment outside the trimmed subject (a raw-subject rule matching trailing spaces) must not break the walk.
@Suite struct StripOutsideSubjectTests {
    @Test func piecesSkipAFragmentBeyondTheBounds() {
        let pieces = Decisions.pieces(of: [Decisions.Strip(range: 8..<10, rule: 0)], within: 0..<5)
        #expect(pieces == [.kept(0..<5)])
        let inside = Decisions.pieces(of: [Decisions.Strip(range: 1..<3, rule: 0), Decisions.Strip(range: 7..<9, rule: 1)],
                                      within: 0..<5)
        #expect(inside == [.kept(0..<1), .stripped(1..<3, rule: 0), .kept(3..<5)])
    }

    @Test func aRawStripOfTrailingSpacesKeepsTheLine() throws {
        let run = try Fixture(defaults: "action: strip", rules: """
              - {id: tail, description: d, subject: raw, regex: ' +$', examples: {drop: ['x ']}}

            """).run("Text stays.   \n")
        #expect(run.kept == ["Text stays.   "] || run.kept == ["Text stays."])
    }
}
