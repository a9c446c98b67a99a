import Testing
import WinnowEngine
import WinnowRules

/// `min-link-density` and `max-link-density`: how much of a line is
/// Markdown link markup, with links followed across wrapped lines.
@Suite struct MarkdownLinkTests {
    private func verdicts(_ text: String, _ condition: String = "min-link-density: 0.8") throws -> [String] {
        let fixture = try Fixture(rules: "  - {id: links, description: d, regex: '.', when: {\(condition)}}\n")
        return fixture.run(text).verdicts
    }

    @Test func linesOfLinksGoAndSentencesWithALinkStay() throws {
        let text = """
            [Home](/) | [News](/news) | [Sport](/sport)
            The council's [report](https://example.com/r) says the bridge will reopen in May.
            ![A flooded road](https://img.example.com/flood.jpg)
            Prices [rose] by a third (the most since 1990).
            [](/)

            """
        #expect(try verdicts(text) == ["dropped t/links", "kept", "dropped t/links", "kept", "dropped t/links"])
    }

    @Test func aLinkWrappedAcrossLinesIsFollowed() throws {
        // html2text wraps at 78 columns, inside link text and inside URLs (at hyphens).
        let text = """
            [![flooded road](https://img.example.com/hmg-
            prod/images/flooded-road-2024.jpg?crop=0.66xw:1xh;center,top)](/news/flood)
            [Bus fares to rise in the spring as the council
            sets its budget](/news/bus-fares)
            The river rose overnight, and the council closed the road for two days.

            """
        #expect(try verdicts(text) == ["dropped t/links", "dropped t/links", "dropped t/links", "dropped t/links", "kept"])
    }

    @Test func aBlankLineEndsAnUnclosedLink() throws {
        let text = "[an open bracket and no link\n\nsome text](/x) after it, as a sentence goes on.\n"
        // The `[` before the blank line does not pair with the `](` after it.
        #expect(try verdicts(text) == ["kept", "blank", "kept"])
    }

    @Test func textWithoutMarkdownHasNoDensity() throws {
        let text = "Home | News | Sport\nThe council met (again) on [Tuesday].\n"
        #expect(try verdicts(text, "max-link-density: 0") == ["dropped t/links", "dropped t/links"])
        #expect(try verdicts(text, "min-link-density: 0.01") == ["kept", "kept"])
    }

    @Test func theDensityIsAShareOfTheNonSpaceText() throws {
        // 12 of 24 non-space bytes are the link `[a](/bcdefg)`.
        let text = "[a](/bcdefg) xxxxxxxxxxxx\n"
        #expect(try verdicts(text, "min-link-density: 0.5") == ["dropped t/links"])
        #expect(try verdicts(text, "min-link-density: 0.51") == ["kept"])
        #expect(try verdicts(text, "max-link-density: 0.5") == ["dropped t/links"])
    }
}
