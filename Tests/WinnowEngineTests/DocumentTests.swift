import Testing
import WinnowEngine

/// Splitting a document into lines, subjects and blocks, on bytes.
@Suite struct DocumentTests {
    private func subjects(_ document: Document) -> [String] {
        document.lines.map { document.text($0.subject) }
    }

    @Test func linesBlocksAndTerminators() {
        let document = Document(bytes: Array("Title\n\nFirst paragraph.\nSecond line.\n\n\nLast".utf8))
        #expect(document.lines.count == 7)
        #expect(document.blocks == [0..<1, 2..<4, 6..<7])
        #expect(document.blockOfLine == [0, -1, 1, 1, -1, -1, 2])
        #expect(document.lines.map(\.isBlank) == [false, true, false, false, true, true, false])
        #expect(document.lines.map(\.isTerminated) == [true, true, true, true, true, true, false])
        #expect(document.lines[6].content == 39..<43)
        #expect(document.lines[6].end == 43)
    }

    /// The neighbours conditions read (`previous:`, `next:`), found from the blocks, against a plain scan.
    @Test func nearestNonBlankLinesMatchAScan() {
        for pattern in ["", "\n", "a", "a\nb", "\n\na\n\n", "a\n\nb\nc\n\n\nd\n", "\n a\n\t\nb\n\n",
                        "x\n\n\n\n\n\ny\nz\n\nw"] {
            let document = Document(bytes: Array(pattern.utf8))
            let blank = document.lines.map(\.isBlank)
            for line in document.lines.indices {
                let before = (0..<line).last { !blank[$0] } ?? -1
                let after = ((line + 1)..<blank.count).first { !blank[$0] } ?? -1
                #expect(document.nonBlank(before: line) == before, "\(pattern.debugDescription) line \(line)")
                #expect(document.nonBlank(after: line) == after, "\(pattern.debugDescription) line \(line)")
            }
        }
    }

    @Test func crlfIsATerminatorNotContent() {
        let document = Document(bytes: Array("A line\r\n\r\nB\r\nC\r".utf8))
        #expect(document.lines.count == 4)
        #expect(document.text(document.lines[0].content) == "A line")
        #expect(document.text(document.lines[0].start..<document.lines[0].end) == "A line\r\n")
        #expect(document.lines[1].isBlank)
        #expect(document.blocks == [0..<1, 2..<4])
        // A lone \r at the very end terminates nothing: it is text (whitespace, so not in the subject).
        #expect(document.text(document.lines[3].content) == "C\r")
        #expect(document.text(document.lines[3].subject) == "C")
        #expect(!document.lines[3].isTerminated)
    }

    @Test func unicodeSpacesMakeBlankLinesAndAreTrimmed() {
        let nbsp = "\u{A0}", ideographic = "\u{3000}", thin = "\u{2009}", zwsp = "\u{200B}", bom = "\u{FEFF}"
        let text = "\(nbsp)\n \(ideographic)\t\(thin)\n\(zwsp)\(bom)\n\(nbsp)Word\(nbsp) \u{202F}\n\u{2028}x\u{205F}\n"
        let document = Document(bytes: Array(text.utf8))
        #expect(document.lines.map(\.isBlank) == [true, true, true, false, false])
        #expect(subjects(document)[3...] == ["Word", "x"])
        #expect(document.blocks == [3..<5])
    }

    @Test func multiByteLettersAreNotMistakenForSpaces() {
        // "à" is C3 A0 and "Ġ" is C4 A0: their last byte is NBSP's, but they are letters.
        let document = Document(bytes: Array("voilà\nĠ\n\u{2000}".utf8))
        #expect(subjects(document) == ["voilà", "Ġ", ""])
        #expect(document.lines.map(\.isBlank) == [false, false, true])
    }

    @Test(arguments: [
        ("* Home", "Home", true),
        ("  + Markets", "Markets", true),
        ("- item", "item", true),
        ("• Politics", "Politics", true),
        ("· Sport", "Sport", true),
        ("▪ World", "World", true),
        ("   o Nested", "Nested", true),       // lynx marks nested items with o, # and @ when indented
        ("   # Deeper", "Deeper", true),
        ("o Level", "o Level", false),         // at the margin, o starts a word
        ("-5 degrees", "-5 degrees", false),   // a bullet must be followed by a space
        ("** bold", "** bold", false),
        ("*\u{A0}NBSP after the bullet", "NBSP after the bullet", true),
        ("* * two bullets", "* two bullets", true),  // only one bullet is removed
        ("  Indented text  ", "Indented text", false),
        ("👉 Sign up free", "Sign up free", true),    // a leading emoji is decoration
        ("✔\u{FE0F} Verified", "Verified", true),   // a dingbat with its variation selector
        ("🚀Launch", "🚀Launch", false),              // glued to the word, it stays
    ])
    func subjectDropsWhitespaceAndOneBullet(line: String, subject: String, bullet: Bool) {
        let document = Document(bytes: Array((line + "\n").utf8))
        #expect(document.lines.count == 1)
        #expect(document.text(document.lines[0].subject) == subject)
        #expect(document.lines[0].hasBullet == bullet)
        #expect(document.text(document.lines[0].content) == line)
    }

    @Test func emptyAndBlankOnlyDocuments() {
        let empty = Document(bytes: [])
        #expect(empty.lines.isEmpty)
        #expect(empty.blocks.isEmpty)
        let blank = Document(bytes: Array("\n  \n\u{A0}".utf8))
        #expect(blank.lines.count == 3)
        #expect(blank.blocks.isEmpty)
    }

    @Test func invalidUTF8AndNULBytesAreKeptAsTheyAre() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x00, 0x62, 0x0A, 0xC2, 0x0A, 0x00, 0x0A]
        let document = Document(bytes: bytes)
        #expect(document.bytes == bytes)
        #expect(document.lines.count == 3)
        #expect(document.lines[0].content == 0..<4)
        // A lone 0xC2 is not NBSP; a NUL is not whitespace.
        #expect(!document.lines[1].isBlank)
        #expect(!document.lines[2].isBlank)
    }

    @Test func nameAndHostAreKept() {
        let document = Document(bytes: [], name: "page.txt", host: "www.livemint.com")
        #expect(document.name == "page.txt")
        #expect(document.host == "www.livemint.com")
    }
}

/// Lone CR line endings (old Mac files): with no LF in the text, CR ends each line.
@Suite struct LoneCRTests {
    @Test func aTextWithOnlyCRsIsSplitAtEachCR() {
        let document = Document(bytes: Array("Title\rAdvertisement\r\rBody text.\r".utf8))
        #expect(document.lines.count == 4)
        #expect(document.lines.map { document.text($0.content) } == ["Title", "Advertisement", "", "Body text."])
        #expect(document.lines.allSatisfy { $0.isTerminated })
        #expect(document.blocks == [0..<2, 3..<4])
    }

    @Test func withLFsPresentALoneCRStaysText() {
        let document = Document(bytes: Array("a\rb\nc\r\n".utf8))
        #expect(document.lines.map { document.text($0.content) } == ["a\rb", "c"])
    }

    @Test func rulesSeeEachCRLineAndKeptBytesStayAsTheyCame() throws {
        let run = try Fixture(rules: "  - {id: ad, description: d, regex: '^Advertisement$', examples: {drop: [Advertisement]}}\n")
            .run("Title\rAdvertisement\rBody text.\r")
        #expect(run.kept == ["Title", "Body text."])
    }
}

/// The line table is one of the few costs that grow with the line count.
@Suite struct LineLayoutTests {
    @Test func aLineTakesTwoWords() {
        #expect(MemoryLayout<Line>.stride == 16)
    }

    @Test func everyOffsetRoundTrips() {
        let document = Document(bytes: Array("  * Home \r\n\u{A0}\n\tlast".utf8))
        let first = document.lines[0]
        #expect((first.start, first.subjectStart, first.subjectEnd, first.contentEnd, first.end) == (0, 4, 8, 9, 11))
        #expect(first.hasBullet && !first.isBlank && first.isTerminated)
        let blank = document.lines[1]
        #expect(blank.isBlank && !blank.hasBullet && blank.subject.isEmpty && blank.content == 11..<13)
        let last = document.lines[2]
        #expect(!last.isTerminated && last.subject == 15..<19 && last.end == 19)
    }

    @Test func longWhitespaceRunsSaturateButBlankLinesStayEmpty() {
        let indent = String(repeating: " ", count: 5_000)
        let document = Document(bytes: Array("\(indent)word\(indent)\n\(indent)\n".utf8))
        let line = document.lines[0]
        // 4,095 bytes of the indent are skipped; the subject keeps the rest, and the word.
        #expect(line.subjectStart == 4_095 && line.subjectEnd == 10_004 - 4_095 && line.end == 10_005)
        #expect(line.content == 0..<10_004 && !line.isBlank)
        let blank = document.lines[1]
        #expect(blank.isBlank && blank.subject.isEmpty && blank.end == 15_006)
    }
}
