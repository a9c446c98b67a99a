import Testing
@testable import WinnowEngine
import WinnowRules

/// Rules match a view of lines that hide their words (zero-width characters,
/// soft hyphens, compatibility forms); the output keeps the line's own bytes.
@Suite struct MatchingViewTests {
    private let rules = """
          - {id: ad, description: a, regex: '^advertisement$', caseless: true}
          - {id: sale, description: s, action: strip, regex: '\\[sale\\]\\s*'}

        """

    @Test(arguments: ["Advert\u{200B}isement", "Adver\u{AD}tisement", "ＡＤＶＥＲＴＩＳＥＭＥＮＴ",
                      "𝐀𝐝𝐯𝐞𝐫𝐭𝐢𝐬𝐞𝐦𝐞𝐧𝐭", "Ad\u{2060}vertisement", "\u{FEFF}Advertisement\u{200D}"])
    func hiddenWordsAreMatched(line: String) throws {
        // The prefilter looks for "advertisemen" in the bytes, which these lines do not hold.
        let run = try Fixture(rules: rules).run("Text before.\n\(line)\nText after.\n")
        #expect(run.verdicts == ["kept", "dropped t/ad", "kept"], "\(line)")
    }

    @Test func aLongLineHasNoView() throws {
        // Past 2,000 bytes a soft hyphen is prose's, and a view of a giant line would cost its size again.
        let rule = "  - {id: ad, description: a, regex: '^advertisement', caseless: true}\n"
        let short = "Adver\u{AD}tisement " + String(repeating: "x", count: 1_900)
        let long = "Adver\u{AD}tisement " + String(repeating: "x", count: 2_100)
        let run = try Fixture(rules: rule).run("\(short)\n\(long)\n")
        #expect(run.verdicts == ["dropped t/ad", "kept"])
    }

    @Test func keptLinesKeepTheirOwnBytes() throws {
        let text = "The ﬁnal vote was close: ７ for, six against.\nA soft\u{AD}hyphen and a zero\u{200B}width space.\n"
        let run = try Fixture(rules: rules).run(text)
        #expect(run.kept == ["The ﬁnal vote was close: ７ for, six against.", "A soft\u{AD}hyphen and a zero\u{200B}width space."])
    }

    @Test func stripRulesCutTheLinesOwnBytes() throws {
        let run = try Fixture(rules: rules).run("Fresh\u{200B} bread [sale] every morning.\n")
        #expect(run.kept == ["Fresh\u{200B} bread every morning."])
    }

    @Test func withoutThePrefilterTheVerdictsAreTheSame() throws {
        let ruleSet = try Fixture(rules: rules).ruleSet
        let document = Document(bytes: Array("ＡＤＶＥＲＴＩＳＥＭＥＮＴ\nText.\n".utf8))
        let fast = Filter(RuleProgram(ruleSet: ruleSet)).apply(to: document)
        let plain = Filter(RuleProgram(ruleSet: ruleSet, prefilter: false)).apply(to: document)
        #expect(fast.isDropped(0) && plain.isDropped(0) && !fast.isDropped(1))
    }
}

/// In Markdown documents rules also match each line with its markup taken out.
@Suite struct MarkdownViewTests {
    private func plain(_ line: String) -> String {
        String(decoding: MarkdownPlainText.plain(Array(line.utf8)), as: UTF8.self)
    }

    @Test func markupIsTakenOutAndTextKept() {
        #expect(plain("## Related content") == "Related content")
        #expect(plain("### **Related [articles](/more)** ##") == "Related articles")
        #expect(plain("**_Suggested reading:_**") == "Suggested reading:")
        #expect(plain("> Quoted [![logo](/l.png) Home](/)") == "Quoted logo Home")
        #expect(plain("See [the plan][1] here") == "See the plan here")
        #expect(plain("\\[Sponsored\\] \\*offer") == "[Sponsored] *offer")
        #expect(plain("  indented **bold**") == "  indented bold")
    }

    @Test func markLikeCharactersThatAreNotMarkupStay() {
        #expect(plain("snake_case and 2 * 3 or 2*3") == "snake_case and 2 * 3 or 2*3")
        #expect(plain("Rel**ated**") == "Related")
        #expect(plain("#hashtag") == "#hashtag")
        #expect(plain("[unclosed link") == "[unclosed link")
        #expect(plain("a [bracket] alone") == "a [bracket] alone")
        #expect(plain("****") == "****")
        // Emphasis needs its partner: a required field's `*` or a footnote mark is text.
        #expect(plain("Email*") == "Email*")
        #expect(plain("*Terms apply") == "*Terms apply")
        #expect(plain("Price* from **£5**") == "Price* from £5")
        #expect(plain("***Also Read:***") == "Also Read:")
        #expect(plain("**bold *and* italic**") == "bold and italic")
        #expect(plain("[**Read**](/r) more_") == "Read more_")
    }

    private let rules = """
          - {id: related, description: r, regex: '^related(?: content)?$', caseless: true}
          - {id: link, description: l, regex: '^\\[[^]]*\\]\\([^)]*\\)$'}

        """

    @Test func phraseRulesMatchTheTextAndMarkupRulesTheMarkup() throws {
        let page = "# Budget\n\nThe council met.\n\n## Related content\n\n[Home](/)\n\n**Related**\n"
        let run = try Fixture(rules: rules).run(page)
        #expect(run.verdicts == ["kept", "blank", "kept", "blank", "dropped t/related", "blank", "dropped t/link",
                                 "blank", "dropped t/related"])
        // Kept lines keep their markup.
        #expect(run.kept == ["# Budget", "The council met."])
    }

    @Test func documentsThatAreNotMarkdownHaveNoMarkupView() throws {
        // One heading-like line and no links: not Markdown, so '**Related**' is its own text.
        let run = try Fixture(rules: rules).run("The council met.\n\n**Related**\n")
        #expect(run.verdicts == ["kept", "blank", "kept"])
    }

    @Test func withoutThePrefilterTheVerdictsAreTheSame() throws {
        let ruleSet = try Fixture(rules: rules).ruleSet
        let document = Document(bytes: Array("## Rel**ated**\n[Home](/)\n[News](/n)\nText.\n".utf8))
        let fast = Filter(RuleProgram(ruleSet: ruleSet)).apply(to: document)
        let plain = Filter(RuleProgram(ruleSet: ruleSet, prefilter: false)).apply(to: document)
        #expect((0..<4).map(fast.isDropped) == [true, true, true, false])
        #expect((0..<4).map(plain.isDropped) == (0..<4).map(fast.isDropped))
    }
}

/// In hard-wrapped text a short paragraph is also matched as one line.
@Suite struct ParagraphViewTests {
    private let rules = """
          - {id: signup, description: s, regex: '^sign up for our newsletter\\b.*\\.$', caseless: true, when: {max-words: 25}}

        """

    /// Wrapped at 72, as a converter would; the third paragraph is the newsletter promo, split by the wrap.
    private let page = """
        The council met on Tuesday evening to agree the budget for the coming
        year, and the vote on the new bridge was closer than anyone had expected
        it to be, with the mayor casting the deciding vote well after midnight.

        The bridge will be built over the next two years by a firm from the north
        of the county, which won the contract against three others last spring.

        Sign up for our newsletter to get the news from the council and the
        courts in your inbox.

        """

    @Test func aPhraseSplitByTheWrapIsMatchedAndTheWholeParagraphGoes() throws {
        let run = try Fixture(rules: rules).run(page)
        #expect(run.verdicts.suffix(3) == ["blank", "dropped t/signup", "dropped t/signup"])
        #expect(run.verdicts.prefix(6).allSatisfy { $0 == "kept" || $0 == "blank" })
    }

    @Test func longParagraphsAreNotJoined() throws {
        // Past 30 words a paragraph is prose: the rule sees its physical lines only.
        let long = page.replacingOccurrences(of: "courts in your inbox.", with: """
            courts in your inbox, with the results of every vote, the dates of the
            next meetings and the stories our reporters are working on this week.
            """)
        let run = try Fixture(rules: rules).run(long)
        #expect(!run.verdicts.contains("dropped t/signup"))
    }

    @Test func withoutThePrefilterTheVerdictsAreTheSame() throws {
        let ruleSet = try Fixture(rules: rules).ruleSet
        let document = Document(bytes: Array(page.utf8))
        let fast = Filter(RuleProgram(ruleSet: ruleSet)).apply(to: document)
        let plain = Filter(RuleProgram(ruleSet: ruleSet, prefilter: false)).apply(to: document)
        #expect((0..<document.lines.count).map(fast.isDropped) == (0..<document.lines.count).map(plain.isDropped))
        #expect(fast.isDropped(7) && fast.isDropped(8))
    }
}
