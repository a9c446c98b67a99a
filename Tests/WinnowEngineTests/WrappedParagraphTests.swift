import Foundation
import Testing
@testable import WinnowEngine
import WinnowRules

/// Hard-wrapped text (as lynx -dump and html2text write it): a paragraph's
/// lines are judged as one.
@Suite struct WrappedParagraphTests {
    /// Invented prose, wrapped at 72 columns with an indent, as a converter would.
    static let wrapped = """
        Menu
        Subscribe

           The harbour board met on Thursday evening to decide how the old ferry
           pier should be repaired, and after two hours of debate it agreed to a
           plan that keeps the wooden deck but replaces every pile beneath it
           before the summer season begins.

           Fishermen who use the pier every morning said they were glad that the
           work would not start until the herring boats had left for the north,
           since a closed pier in spring would have cost them a month of
           landings.

        """

    @Test func linesOfAWrappedParagraphAreOneUnit() {
        let document = Document(bytes: Array(Self.wrapped.utf8))
        let paragraphs = WrappedParagraphs(document: document)
        #expect(paragraphs.isWrapped)
        #expect(paragraphs.width == 72)
        // Lines 3–6 are the first paragraph, 8–11 the second; the menu lines stand alone.
        #expect(paragraphs.first[3...6].allSatisfy { $0 == 3 })
        #expect(paragraphs.first[8...11].allSatisfy { $0 == 8 })
        #expect(paragraphs.first[0] == 0 && paragraphs.first[1] == 1)
    }

    @Test func theWrapWidthIsTheCliffWhereLineEndsStopNotWhereURLsReach() {
        // Wrapped lines end within a word of column 72; short last lines and long URL lines do not move it.
        var widths: [Int32] = []
        for k in 0..<40 { widths.append(Int32(65 + k % 8)) }
        for k in 0..<25 { widths.append(Int32(90 + k * 7)) }
        for k in 0..<15 { widths.append(Int32(5 + k * 3)) }
        #expect(WrappedParagraphs.wrapWidth(widths) == 72)
        #expect(WrappedParagraphs.wrapWidth([10, 20, 30, 39]) == 0)
        // Many list items of 47 to 54 columns, then the text wrapped at 78: the cliff is at 78.
        var mixed: [Int32] = []
        for k in 0..<70 { mixed.append(Int32(47 + k % 8)) }
        for k in 0..<40 { mixed.append(Int32(55 + k % 16)) }
        for k in 0..<64 { mixed.append(Int32(71 + k % 8)) }
        #expect(WrappedParagraphs.wrapWidth(mixed) == 78)
    }

    @Test func theShapeSaysWrappedAndMarkdown() {
        let plain = LineFeatures(document: Document(bytes: Array(Self.wrapped.utf8)), settings: DocumentSettings(),
                                 countRepeats: false)
        #expect(plain.shape == TextShape(wrapWidth: 72, isMarkdown: false))
        #expect(plain.shape.description == "wrapped at 72")
        let markdown = Self.wrapped.replacingOccurrences(of: "Menu\nSubscribe", with: "[Menu](/menu)\n[Subscribe](/s)")
        let both = LineFeatures(document: Document(bytes: Array(markdown.utf8)), settings: DocumentSettings(),
                                countRepeats: false)
        #expect(both.shape.description == "wrapped at 72, markdown")
        let neither = LineFeatures(document: Document(bytes: Array("One.\nTwo.\n".utf8)), settings: DocumentSettings(),
                                   countRepeats: false)
        #expect(neither.shape == TextShape() && neither.shape.description == "lines")
    }

    @Test func everyLineHasItsParagraphsFeatures() {
        let document = Document(bytes: Array(Self.wrapped.utf8))
        let features = LineFeatures(document: document, settings: DocumentSettings(), countRepeats: false)
        // "landings." alone is one word; as the end of its paragraph it is prose.
        #expect(features.words[11] == features.words[8])
        #expect(features.words[11] == 40)
        #expect(features.prose(11) && features.prose(8))
        #expect(features.sentence(8))
        #expect(features.isContinuation(11) && !features.isContinuation(8))
    }

    @Test func aShortLastLineOfAParagraphIsNotAShortLine() throws {
        let run = try Fixture(rules: """
              - {id: short, description: d, regex: '.', when: {max-words: 3}, examples: {drop: [a]}}

            """).run(Self.wrapped)
        #expect(run.kept.contains("   landings."))
        #expect(!run.kept.contains("Menu"))
    }

    @Test func textWithOneParagraphALineIsNotWrapped() {
        let text = (0..<8).map { "Paragraph \($0) is a whole paragraph on one line, however long it runs, and it ends here." }
            .joined(separator: "\n\n")
        #expect(!WrappedParagraphs(document: Document(bytes: Array(text.utf8))).isWrapped)
    }

    @Test func aListOfEvenWidthItemsIsNotWrapped() {
        // Capitalised items of about the same width pass the width test alone; no item starts in lower case.
        let text = (0..<12).map { "Laureate 20\($0 + 10) - Member of the project team Number \($0)" }.joined(separator: "\n")
        #expect(!WrappedParagraphs(document: Document(bytes: Array(text.utf8))).isWrapped)
    }

    @Test func aShortWrappedArticleUnderABigMenuIsWrappedWhenNoLinePassesTheWidth() {
        // 200 menu lines make the article's 12 continuing lines a twentieth of the page.
        let menu = (0..<200).map { "Section \($0)" }.joined(separator: "\n")
        let article = Self.wrapped + Self.wrapped
        let bounded = WrappedParagraphs(document: Document(bytes: Array((menu + "\n\n" + article).utf8)))
        #expect(bounded.isWrapped && bounded.width == 72)
        // Long unwrapped lines in the menu pass the width: no longer the output of a wrapping converter.
        let long = (0..<10).map { "Item \($0): " + String(repeating: "a long teaser that runs on ", count: 5) }
        let unbounded = menu + "\n" + long.joined(separator: "\n") + "\n\n" + article
        #expect(!WrappedParagraphs(document: Document(bytes: Array(unbounded.utf8))).isWrapped)
    }

    @Test func aShortLabelUnderASentenceThatEndsAtTheWrapIsNotItsParagraph() {
        // "pier." ends a sentence at the wrap, so "Share this article" would not have fitted after it.
        let page = """
               The harbour board met on Thursday evening to decide how the old ferry
               pier should be repaired, and it agreed to keep the deck of the pier.
               Share this article

               The harbour board met on Thursday evening to decide how the old ferry
               pier should be repaired, and it agreed to keep the deck of the pier.
               It meets again in May

            """ + Self.wrapped
        let paragraphs = WrappedParagraphs(document: Document(bytes: Array(page.utf8)))
        #expect(paragraphs.isWrapped)
        #expect(paragraphs.continues(1) && !paragraphs.continues(2))
        // A tail of more words than a label is still the paragraph's last line.
        #expect(paragraphs.continues(5) && paragraphs.continues(6))
    }

    @Test func linesWithURLsNeitherSetTheWidthNorBreakTheBound() {
        // Markdown wrapped at 72: long link lines pass the width and end wherever the URL does.
        let links = (0..<30).map { "[Story \($0)](https://example.com/\(String(repeating: "a", count: 70 + $0)))\nread on" }
        let page = links.joined(separator: "\n\n") + "\n\n" + (0..<200).map { "Section \($0)" }.joined(separator: "\n")
            + "\n\n" + Self.wrapped + Self.wrapped
        let paragraphs = WrappedParagraphs(document: Document(bytes: Array(page.utf8)))
        #expect(paragraphs.isWrapped && paragraphs.width == 72)
    }

    @Test func codeBrokenAtTheEdgeDoesNotSetTheWidth() {
        // lynx breaks a long line of code at column 80 mid-word and sets the rest at the margin.
        let code = (0..<40).map { _ in
            "            className=\"flex items-center justify-between p-3 border-b border-gra\ny-200 hover:bg-gray-50\""
        }
        let page = code.joined(separator: "\n") + "\n\n" + Self.wrapped + Self.wrapped + Self.wrapped
        let paragraphs = WrappedParagraphs(document: Document(bytes: Array(page.utf8)))
        #expect(paragraphs.width == 72)
    }

    @Test func aLineOneColumnPastTheCliffStillWraps() {
        // The width comes from the lines a lower-case line follows; the one line that reaches
        // column 73 is followed by a capital, so the cliff is found at 72.
        let page = Self.wrapped + Self.wrapped + """
               The harbour board met on Thursday evening to decide how the old ferry
               pier should be repaired, and after two hours of debate it agreed to a
               new plan. Fishermen who use the pier every morning said they were glad
               Fishermen said so.

            """
        let paragraphs = WrappedParagraphs(document: Document(bytes: Array(page.utf8)))
        let last = page.split(separator: "\n", omittingEmptySubsequences: false).count - 2
        #expect(paragraphs.width == 72)
        #expect(paragraphs.continues(last))
    }
}
