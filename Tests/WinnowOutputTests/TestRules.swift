import WinnowEngine
import WinnowOutput
import WinnowRules

/// A small rule set of every action, written for these tests.
enum TestRules {
    static let files: [(path: String, text: String)] = [
        ("ads.yml", """
            description: Ad labels.
            rules:
              - id: label
                description: An ad label.
                action: drop
                regex: '^Advertisement$'
            """),
        ("bylines.yml", """
            description: Bylines and tags.
            defaults:
              action: extract
            rules:
              - id: by
                description: A byline.
                regex: '^By (?<author>\\p{Lu}.+)$'
              - id: updated
                description: An update time.
                regex: '^Updated (?<updated>\\d.+)$'
              - id: tag
                description: A tag line.
                regex: '^Tag: (?<tags>.+)$'
            """),
        ("guards.yml", """
            description: Lines to keep.
            rules:
              - id: credit
                description: A wire credit.
                action: keep
                regex: '^\\(With inputs from \\w+\\)$'
            """),
        ("stamps.yml", """
            description: Glued timestamps.
            rules:
              - id: time
                description: A time glued to the end of a line.
                action: strip
                regex: '\\s*\\d{1,2}:\\d{2} [AP]M$'
            """),
        ("tail.yml", """
            description: Cuts.
            rules:
              - id: read-next
                description: Everything after it is teasers.
                action: cut
                regex: '^Read Next$'
              - id: credit-line
                description: Would drop the credit, but the keep rule wins.
                action: drop
                regex: '^\\(With inputs'
            """),
        ("sites/example.com.yml", """
            site: example.com
            hosts: [example.com]
            description: The example site.
            rules:
              - id: footer
                description: The example footer.
                action: drop
                regex: '^Example footer$'
            """),
    ]

    static func ruleSet() throws -> RuleSet {
        try RuleSet.load(files.map { RuleSource(displayPath: "test/" + $0.path, relativePath: $0.path, text: $0.text) })
    }

    static func filter() throws -> Filter { Filter(RuleProgram(ruleSet: try ruleSet())) }

    static func program() throws -> RuleProgram { RuleProgram(ruleSet: try ruleSet()) }

    /// A page with one line for each rule.
    /// Three paragraphs of three lines, wrapped at 72 columns, as a converter writes them.
    static let wrappedPage = Array(repeating: """
        The council met on Tuesday evening to agree the budget for the coming
        year, and the vote on the new bridge was closer than anyone had expected
        it to be, with the mayor casting the deciding vote well after midnight.
        """, count: 3).joined(separator: "\n\n") + "\n"

    static let page = """
        Advertisement
        Headline of the story

        By Jane Doe
        Updated 15 Nov 2025, 02:53 PM IST
        The council met on Tuesday and agreed the budget. 10:30 AM
        (With inputs from AFP)

        Tag: Budget
        Tag: Council
        Read Next
        Teaser one
        """
}

extension OutputStream {
    /// Everything written so far, for an in-memory stream.
    var text: String {
        flush()
        return String(decoding: collected, as: UTF8.self)
    }
}
