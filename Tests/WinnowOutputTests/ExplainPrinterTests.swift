import Testing
import WinnowEngine
@testable import WinnowOutput

@Suite struct ExplainPrinterTests {
    private func explain(_ text: String, color: Bool = false, name: String = "page.txt") throws -> String {
        let filter = try TestRules.filter()
        let document = Document(bytes: Array(text.utf8), name: name)
        let out = OutputStream()
        ExplainPrinter(style: ExplainStyle(color: color)).write(document, filter.apply(to: document), to: out)
        return out.text
    }

    @Test func showsEveryLineWithItsVerdict() throws {
        #expect(try explain(TestRules.page) == """
            # page.txt: 12 lines in, 4 out; sites: none; shape: lines
                1 - [ads/label drop] Advertisement
                2   Headline of the story
                3
                4 - [bylines/by extract] By Jane Doe ⟨author: Jane Doe⟩
                5 - [bylines/updated extract] Updated 15 Nov 2025, 02:53 PM IST ⟨updated: 15 Nov 2025, 02:53 PM IST⟩
                6 ~ The council met on Tuesday and agreed the budget.⟦stamps/time:  10:30 AM⟧
                7 + [guards/credit keep] (With inputs from AFP)
                8
                9 - [bylines/tag extract] Tag: Budget ⟨tags: Budget⟩
               10 - [bylines/tag extract] Tag: Council ⟨tags: Council⟩
               11 - [tail/read-next cut] Read Next
               12 - [tail/read-next cut] Teaser one

            """)
    }

    @Test func marksTheLinesThatContinueAWrappedParagraph() throws {
        let text = TestRules.wrappedPage + "\nAdvertisement\n"
        let lines = try explain(text).split(separator: "\n").map(String.init)
        #expect(lines[0].hasSuffix("; shape: wrapped at 72"))
        #expect(lines[1] == "    1   The council met on Tuesday evening to agree the budget for the coming")
        #expect(lines[2] == "    2  |year, and the vote on the new bridge was closer than anyone had expected")
        #expect(lines[3].hasPrefix("    3  |it to be"))
        #expect(lines.last == "   13 - [ads/label drop] Advertisement")
    }

    @Test func accountsForEveryInputLine() throws {
        let text = TestRules.page + "\n\n\nExample footer\r\nlast"
        let lines = try explain(text).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let body = lines.filter { !$0.hasPrefix("#") }
        #expect(body.count == Document(bytes: Array(text.utf8)).lines.count)
        for (index, line) in body.enumerated() {
            #expect(line.trimmingPrefix(while: { $0 == " " }).hasPrefix(String(index + 1)))
        }
        // The cut reaches blank lines too; they show as removed, without trailing spaces.
        #expect(body[12] == "   13 - [tail/read-next cut]")
    }

    @Test func colourOnlyAddsEscapes() throws {
        let coloured = try explain(TestRules.page, color: true)
        #expect(coloured.contains("\u{1B}[31m- [ads/label drop]\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[32m+ [guards/credit keep]\u{1B}[0m"))
        let stripped = coloured.replacing(/\x{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == (try explain(TestRules.page)))
    }

    @Test func colourChoice() {
        #expect(ColorChoice.always.isEnabled(for: -1, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.never.isEnabled(for: 1, environment: [:]))
        #expect(!ColorChoice.auto.isEnabled(for: 1, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.auto.isEnabled(for: 1, environment: ["TERM": "dumb"]))
        // Not a terminal: a closed descriptor.
        #expect(!ColorChoice.auto.isEnabled(for: -1, environment: ["NO_COLOR": ""]))
    }
}
