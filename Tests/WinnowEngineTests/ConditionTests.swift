import Testing
import WinnowEngine
import WinnowRules

/// Each `when:` condition, on a rule that would otherwise drop every line.
@Suite struct ConditionTests {
    /// The verdicts of one drop rule `t/r` (regex `.`) with `when` conditions, on `input`.
    private func verdicts(when: String, regex: String = ".", settings: String? = nil, extraRules: String = "",
                          _ input: String) throws -> [String] {
        let rules = """
              - id: r
                description: rule under test
                regex: '\(regex)'
                when: {\(when)}

            """
        return try Fixture(settings: settings, rules: extraRules + rules).run(input).verdicts
    }

    private let d = "dropped t/r"

    /// Three paragraphs of three lines, wrapped at 72 columns.
    static let wrappedPage = Array(repeating: """
        The council met on Tuesday evening to agree the budget for the coming
        year, and the vote on the new bridge was closer than anyone had expected
        it to be, with the mayor casting the deciding vote well after midnight.
        """, count: 3).joined(separator: "\n\n") + "\n"

    @Test func charsCountCharactersNotBytes() throws {
        #expect(try verdicts(when: "max-chars: 5", "Hello\nHello!\nhéllo\n") == [d, "kept", d])
        #expect(try verdicts(when: "min-chars: 6", "Hello\nHello!\n  * Hi  \n") == ["kept", d, "kept"])
    }

    @Test func wordsCountTokensWithLettersAndEachCJKCharacter() throws {
        #expect(try verdicts(when: "max-words: 2", "Two words\nthree words here\n新闻\n新闻报道\nHello — there\n")
            == [d, "kept", d, "kept", d])
        #expect(try verdicts(when: "min-words: 3", "one two\none two three\n— — — x\n") == ["kept", d, "kept"])
    }

    @Test func sentenceEndings() throws {
        let input = "It ended.\nHe said “no.”\nReally?\nWait…\n(AFP.)\nHeading\nNote:\n終わり。\n"
        #expect(try verdicts(when: "sentence: true", input) == [d, d, d, d, d, "kept", "kept", d])
        #expect(try verdicts(when: "sentence: false", input)
            == ["kept", "kept", "kept", "kept", "kept", d, d, "kept"])
    }

    @Test func proseUsesTheFilesProseMinWords() throws {
        let input = "Three word sentence.\nTwo words.\nNo full stop here at all\n"
        #expect(try verdicts(when: "prose: true", settings: "prose-min-words: 3", input) == [d, "kept", "kept"])
        // The default threshold is ten words.
        #expect(try verdicts(when: "prose: true", input) == ["kept", "kept", "kept"])
        #expect(try verdicts(when: "prose: true", "One two three four five six seven eight nine ten.\n") == [d])
    }

    @Test func bullet() throws {
        #expect(try verdicts(when: "bullet: true", "* Home\nHome\n  • World\n") == [d, "kept", d])
        #expect(try verdicts(when: "bullet: false", "* Home\nHome\n") == ["kept", d])
    }

    static let regionPage = """
        Home | News
        A prose line with more than ten words in it, as the article begins here.
        Short heading
        Another prose line that has more than ten words, and so it ends the body.
        Footer link

        """

    @Test func regionsAreSetByTheFirstAndLastProseLines() throws {
        #expect(try verdicts(when: "region: header", Self.regionPage) == [d, "kept", "kept", "kept", "kept"])
        #expect(try verdicts(when: "region: footer", Self.regionPage) == ["kept", "kept", "kept", "kept", d])
        #expect(try verdicts(when: "region: body", Self.regionPage) == ["kept", d, d, d, "kept"])
        #expect(try verdicts(when: "region: [header, footer]", Self.regionPage) == [d, "kept", "kept", "kept", d])
        // Without prose, everything is body.
        #expect(try verdicts(when: "region: header", "Home\nNews\n") == ["kept", "kept"])
        #expect(try verdicts(when: "region: body", "Home\nNews\n") == [d, d])
    }

    @Test func regionsFollowTheProseThatIsStillKept() throws {
        // The copyright notice reads like prose; once a content rule drops it, "Contact us" is footer.
        let page = """
            A prose line with more than ten words in it, as the article begins here.
            Contact us
            Copyright 2025 Example Media, all rights reserved, and this notice is long enough.

            """
        let copyright = """
              - id: copyright
                description: copyright
                regex: '^Copyright'

            """
        #expect(try verdicts(when: "region: footer", extraRules: copyright, page) == ["kept", d, "dropped t/copyright"])
        #expect(try verdicts(when: "region: footer", page) == ["kept", "kept", "kept"])
    }

    @Test func firstAndLastLinesCountNonBlankLines() throws {
        let input = "\nOne\n\nTwo\nThree\n\nFour\n\n"
        #expect(try verdicts(when: "first-lines: 2", input) == ["blank", d, "blank", d, "kept", "blank", "kept", "blank"])
        #expect(try verdicts(when: "last-lines: 1", input)
            == ["blank", "kept", "blank", "kept", "kept", "blank", d, "blank"])
    }

    @Test func repeatedComparesSubjects() throws {
        #expect(try verdicts(when: "repeated: 2", "* Share\nText\nShare\n  Share  \nOnce\n") == [d, "kept", d, d, "kept"])
        #expect(try verdicts(when: "repeated: 4", "* Share\nText\nShare\n  Share  \n") == ["kept", "kept", "kept", "kept"])
    }

    @Test func maxRepeatedIsTheUpperBound() throws {
        #expect(try verdicts(when: "max-repeated: 1", "* Share\nText\nShare\nOnce\n") == ["kept", d, "kept", d])
        #expect(try verdicts(when: "max-repeated: 2", "* Share\nText\nShare\n  Share  \n") == ["kept", d, "kept", "kept"])
    }

    @Test func sameShapeMasksWordsAndNumbersButKeepsPunctuation() throws {
        let input = """
            by Ann Lee (12) writes: on May 3, @08:25PM
            by bob (7) writes: on June 14, @9:02AM
            by Mira K. (3) writes: on July 1, @10:00PM
            Posted by Ann Lee on May 3, 2012
            by Ann Lee writes: on May 3, @08:25PM

            """
        // Any number of words is one `w`, a word takes in its dots; the last line lacks the "(0)".
        #expect(try verdicts(when: "same-shape: 3", input) == [d, d, d, "kept", "kept"])
        #expect(try verdicts(when: "same-shape: 4", input) == ["kept", "kept", "kept", "kept", "kept"])
        // Every line has its own shape once; letters and numbers are told apart.
        #expect(try verdicts(when: "same-shape: 2", "Page 2\nPage two\n2 Page\n") == ["kept", "kept", "kept"])
        #expect(try verdicts(when: "same-shape: 2", "Page 2\nChapter 11\nIssue 3.\n") == [d, d, "kept"])
        // Dashes and bullets are punctuation in any script of them.
        #expect(try verdicts(when: "same-shape: 2", "Ann — May 3\nBob — June 4\nCy - July 5\n") == [d, d, "kept"])
    }

    @Test func bodyDistanceCountsNonBlankLinesFromTheBody() throws {
        let input = """
            Menu
            The council met on Tuesday and agreed the budget for next year after a debate.
            The vote was close, officials said, and the mayor cast the deciding vote at night.
            Marker

            Marker
            Marker

            """
        // The body is the two prose lines; the markers under it are 1, 2 and 3 lines away.
        #expect(try verdicts(when: "max-body-distance: 2", regex: "^Marker$|^Menu$", input)
            == [d, "kept", "kept", d, "blank", d, "kept"])
        #expect(try verdicts(when: "max-body-distance: 0", regex: ".", input)
            == ["kept", d, d, "kept", "blank", "kept", "kept"])
    }

    @Test func shortSentencesInARowStayInTheBody() throws {
        // Five short sentences between two paragraphs cost the body nothing, so it spans them.
        let told = """
            Menu
            The council met on Tuesday and agreed the budget for next year after a debate.
            Buses run late.
            Trains run later.
            Fares still rise.
            Rents rise too.
            Wages do not rise.
            The vote was close, officials said, and the mayor cast the deciding vote at night.

            """
        #expect(try verdicts(when: "region: body", regex: "run|rise", told)
            == ["kept", "kept", d, d, d, d, d, "kept"])
        // Counted as short lines, they cost more than the second paragraph brings: the body ends above them.
        #expect(try verdicts(when: "region: body", regex: "run|rise", settings: "sentence-run-lines: 6", told)
            == ["kept", "kept", "kept", "kept", "kept", "kept", "kept", "kept"])
        // Asides one or two at a time, between menu lines, still cost their penalty.
        let asides = """
            The council met on Tuesday and agreed the budget for next year after a debate.
            Have a great week.
            Thanks for reading.
            Menu
            Have a great week.
            Thanks for reading.
            Menu
            The vote was close, officials said, and the mayor cast the deciding vote at night.

            """
        #expect(try verdicts(when: "region: footer", regex: "week|reading|Menu", asides)
            == ["kept", d, d, d, d, d, d, "kept"])
    }

    @Test func proseWordsAboveCountsKeptProseWords() throws {
        let input = """
            Headline
            A prose line with more than ten words in it, as the article begins.
            Marker
            A second prose line of twelve words, and so the count goes up.
            Marker

            """
        // 14 prose words above the first marker, 27 above the second.
        #expect(try verdicts(when: "prose-words-above: 14", regex: "^Marker$", input)
            == ["kept", "kept", d, "kept", d])
        #expect(try verdicts(when: "prose-words-above: 15", regex: "^Marker$", input)
            == ["kept", "kept", "kept", "kept", d])
    }

    @Test func minMatchesCountsTheRulesMatchesInTheDocument() throws {
        let input = "Share\nText\nShare\nMore text\nShare\n"
        #expect(try verdicts(when: "min-matches: 3", regex: "^Share$", input) == [d, "kept", d, "kept", d])
        #expect(try verdicts(when: "min-matches: 4", regex: "^Share$", input)
            == ["kept", "kept", "kept", "kept", "kept"])
        // Lines the other conditions rule out do not count.
        #expect(try verdicts(when: "min-matches: 3, last-lines: 3", regex: "^Share$", input)
            == ["kept", "kept", "kept", "kept", "kept"])
    }

    @Test func continuationMarksTheLaterLinesOfAWrappedParagraph() throws {
        let input = Self.wrappedPage
        #expect(try verdicts(when: "continuation: false", input)
            == [d, "kept", "kept", "blank", d, "kept", "kept", "blank", d, "kept", "kept"])
        #expect(try verdicts(when: "continuation: true", input)
            == ["kept", d, d, "blank", "kept", d, d, "blank", "kept", d, d])
        // Text with a paragraph a line has no continuations.
        #expect(try verdicts(when: "continuation: false", "One line.\nAnother line.\n") == [d, d])
    }

    @Test func shapeTestsHowTheWholeDocumentIsLaidOut() throws {
        let wrapped = Self.wrappedPage
        let wrappedDrops = wrapped.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map { $0.isEmpty ? "blank" : d }
        #expect(try verdicts(when: "shape: wrapped", wrapped) == wrappedDrops)
        #expect(try verdicts(when: "shape: unwrapped", wrapped).allSatisfy { $0 != d })
        let lines = "One line.\nAnother line.\n"
        #expect(try verdicts(when: "shape: unwrapped", lines) == [d, d])
        #expect(try verdicts(when: "shape: wrapped", lines) == ["kept", "kept"])
        // Markdown takes two lines of links (or two headings); one link could be anything.
        let markdown = "# Title\n\nSee [the plan](/plan) here.\n\n[Home](/)\n"
        #expect(try verdicts(when: "shape: markdown", markdown) == [d, "blank", d, "blank", d])
        #expect(try verdicts(when: "shape: plain", markdown) == ["kept", "blank", "kept", "blank", "kept"])
        let oneLink = "Title\n\nSee [the plan](/plan) here.\n"
        #expect(try verdicts(when: "shape: plain", oneLink) == [d, "blank", d])
        let headings = "# Title\n\nText.\n\n## Part two\n"
        #expect(try verdicts(when: "shape: markdown", headings) == [d, "blank", d, "blank", d])
        #expect(try verdicts(when: "shape: markdown", "#hashtag\n#another\n") == ["kept", "kept"])
    }

    @Test func blockLines() throws {
        let input = "A\n\nB\nC\n\nD\nE\nF\n"
        #expect(try verdicts(when: "max-block-lines: 2", input) == [d, "blank", d, d, "blank", "kept", "kept", "kept"])
        #expect(try verdicts(when: "min-block-lines: 3", input)
            == ["kept", "blank", "kept", "kept", "blank", d, d, d])
    }

    @Test func runNeedsEnoughConsecutiveMatchesAndBlankLinesDoNotBreakIt() throws {
        let input = "Home\n\nNews\nSport\nThis line has words.\nWorld\nMarkets\n"
        #expect(try verdicts(when: "run: 3", regex: #"^\S+$"#, input)
            == [d, "blank", d, d, "kept", "kept", "kept"])
        #expect(try verdicts(when: "run: 2", regex: #"^\S+$"#, input) == [d, "blank", d, d, "kept", d, d])
    }

    @Test func unless() throws {
        #expect(try verdicts(when: "unless: 'said'", regex: "^Share", "Share this\nShare prices rose, he said.\n")
            == [d, "kept"])
    }

    static let dropAdvertisement = """
          - id: ad
            description: ad label
            regex: '^Advertisement$'

        """

    @Test func droppedReadsEarlierVerdicts() throws {
        let input = "Advertisement\nSponsored by Acme\nText\nSponsored by Acme\n"
        #expect(try verdicts(when: "prev: {dropped: true}", regex: "^Sponsored by", extraRules: Self.dropAdvertisement,
                             input) == ["dropped t/ad", d, "kept", "kept"])
        #expect(try verdicts(when: "dropped: false", regex: "^Sponsored by", input) == ["kept", d, "kept", d])
    }

    @Test func droppedNearbyCountsBothSides() throws {
        let input = "Advertisement\nBuy\nAdvertisement\nText\nMore text\nBuy\nText\n"
        #expect(try verdicts(when: "dropped-nearby: {window: 1, min: 1.0}", regex: "^Buy$",
                             extraRules: Self.dropAdvertisement, input)
            == ["dropped t/ad", d, "dropped t/ad", "kept", "kept", "kept", "kept"])
        #expect(try verdicts(when: "dropped-nearby: {window: 2, min: 0.5}", regex: "^Buy$",
                             extraRules: Self.dropAdvertisement, input)
            == ["dropped t/ad", d, "dropped t/ad", "kept", "kept", "kept", "kept"])
    }

    @Test func prevAndNextLookAtTheNearestNonBlankLines() throws {
        let input = "Photo\n\nCredit: AP\nPhoto\nText\n"
        #expect(try verdicts(when: "next: {regex: '^Credit:'}", regex: "^Photo$", input)
            == [d, "blank", "kept", "kept", "kept"])
        #expect(try verdicts(when: "prev: {regex: '^Photo$', max-words: 1}", regex: "^Credit:", input)
            == ["kept", "blank", d, "kept", "kept"])
        // The first line has no previous line: the condition fails.
        #expect(try verdicts(when: "prev: {max-words: 100}", "A\nB\n") == ["kept", d])
    }

    @Test func prevKeptAndNextKeptSkipDroppedLines() throws {
        let input = "Title\nAdvertisement\nShare\nAdvertisement\nEnd\n"
        #expect(try verdicts(when: "prev-kept: {regex: '^Title$'}", regex: "^Share$",
                             extraRules: Self.dropAdvertisement, input)
            == ["kept", "dropped t/ad", d, "dropped t/ad", "kept"])
        #expect(try verdicts(when: "next-kept: {regex: '^End$'}", regex: "^Share$",
                             extraRules: Self.dropAdvertisement, input)
            == ["kept", "dropped t/ad", d, "dropped t/ad", "kept"])
        // prev (not -kept) sees the dropped line itself.
        #expect(try verdicts(when: "prev: {regex: '^Title$'}", regex: "^Share$",
                             extraRules: Self.dropAdvertisement, input)
            == ["kept", "dropped t/ad", "kept", "dropped t/ad", "kept"])
    }

    @Test func allConditionsMustHold() throws {
        #expect(try verdicts(when: "max-words: 2, bullet: true, sentence: false", "* Home\n* Home page link\n* End.\nHome\n")
            == [d, "kept", "kept", "kept"])
    }

    @Test func conditionsApplyToEachLineABlockMatchTouches() throws {
        let rules = """
              - id: b
                description: block rule with a condition
                scope: block
                regex: '^Share\\nTweet\\nThis is a long line$'
                when: {max-words: 1}

            """
        let run = try Fixture(rules: rules).run("Share\nTweet\nThis is a long line\n")
        #expect(run.verdicts == ["dropped t/b", "dropped t/b", "kept"])
    }
}
