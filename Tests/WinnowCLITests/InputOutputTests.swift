import Foundation
import Testing

/// Documents in and out: stdin, files, form-feed and NUL separators, and
/// kept lines written byte for byte.
@Suite struct InputOutputTests {
    @Test func stdinIsFilteredToStdout() throws {
        let result = try Binary.run([], stdin: "Headline\nAdvertisement\nThe story goes on.\n")
        #expect(result.status == 0)
        #expect(result.text == "Headline\nThe story goes on.\n")
        #expect(result.stderr.isEmpty)
        #expect(try Binary.run(["-"], stdin: "Headline\nAdvertisement\n").text == "Headline\n")
    }

    @Test func formFeedLinesSeparateDocumentsAndAreWrittenBack() throws {
        let input = "Page one.\n\u{0C}\nAdvertisement\nPage two.\n\u{0C}\r\nPage three.\r\n"
        let result = try Binary.run([], stdin: input)
        #expect(result.status == 0)
        #expect(result.text == "Page one.\n\u{0C}\nPage two.\n\u{0C}\r\nPage three.\r\n")
    }

    @Test func everyDocumentKeepsItsPlaceEvenWhenEmpty() throws {
        let result = try Binary.run([], stdin: "\u{0C}\nAdvertisement\n\u{0C}\n\u{0C}\nText.\n\u{0C}\n")
        #expect(result.text == "\u{0C}\n\u{0C}\n\u{0C}\nText.\n\u{0C}\n")
    }

    @Test func documentsAreFilteredEachOnTheirOwn() throws {
        // A rule that reads the whole document (here, a cut) does not reach into the next one.
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("r/cut.yml", """
            description: cut
            rules:
              - {id: next, description: d, action: cut, regex: '^Read Next$'}

            """)
        let result = try Binary.run(["--rules", "r"], stdin: "One.\nRead Next\nTeaser\n\u{0C}\nTwo.\n", in: scratch.url)
        #expect(result.text == "One.\n\u{0C}\nTwo.\n")
    }

    @Test func nulSeparatedDocumentsWithZ() throws {
        for flag in ["-z", "--null-data"] {
            let result = try Binary.run([flag], stdin: "Page one.\nAdvertisement\n\0Page two.\n\u{0C}\nStill two.\n\0")
            #expect(result.status == 0)
            // With -z a form-feed line is only a blank line inside a document.
            #expect(result.text == "Page one.\n\0Page two.\n\nStill two.\n\0")
        }
        // Without -z a NUL is just a byte in the text.
        #expect(try Binary.run([], stdin: "A\0B\n").text == "A\0B\n")
    }

    @Test func fileArgumentsAreOneDocumentEach() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("a.txt", "First page.\nAdvertisement\n")
        try scratch.write("b.txt", "Second page.\n\u{0C}\nStill the second file.")
        try scratch.write("c.txt", "Third page, no final newline.")
        let result = try Binary.run(["a.txt", "b.txt", "c.txt"], in: scratch.url)
        #expect(result.status == 0)
        // A file is one document: the form-feed line inside b.txt is only a blank line there.
        #expect(result.text == "First page.\n\u{0C}\nSecond page.\n\nStill the second file.\n\u{0C}\nThird page, no final newline.")
        let zero = try Binary.run(["-z", "a.txt", "c.txt"], in: scratch.url)
        #expect(zero.text == "First page.\n\0Third page, no final newline.")
    }

    @Test func stdinAmongFiles() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("a.txt", "File page.\n")
        let result = try Binary.run(["a.txt", "-"], stdin: "Stdin page.\n", in: scratch.url)
        #expect(result.text == "File page.\n\u{0C}\nStdin page.\n")
    }

    @Test func keptLinesAreWrittenByteForByte() throws {
        let input = "  Indented line with trailing spaces   \n\tTabbed\u{A0}and NBSP \u{2009}\n* a bullet item\n"
            + "\nSecond block – with “quotes”, émoji 🎉 and a CR\r\n-5 degrees\r\n\r\nNo final newline"
        let result = try Binary.run([], stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout == Array(input.utf8))
    }

    @Test func blankLinesAreNormalisedBetweenBlocksOnly() throws {
        let result = try Binary.run([], stdin: "\n \n\u{A0}\nA\n\n\u{3000}\n\nB\nAdvertisement\n\nAdvertisement\n\nC\n\n\n")
        #expect(result.text == "A\n\nB\n\nC\n")
    }

    @Test func crlfStaysCRLFAndBlankLinesFollowIt() throws {
        let result = try Binary.run([], stdin: "Title\r\n\r\nPara one.\r\nAdvertisement\r\n\r\n\r\nPara two.\r\n")
        #expect(result.text == "Title\r\n\r\nPara one.\r\n\r\nPara two.\r\n")
    }

    @Test func aFinalLoneCRIsNotATerminatorSoTheSeparatorStartsALine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("a.txt", "First page ends in a CR.\r")
        try scratch.write("b.txt", "Second page.\n")
        let result = try Binary.run(["a.txt", "b.txt"], in: scratch.url)
        #expect(result.text == "First page ends in a CR.\r\n\u{0C}\nSecond page.\n")
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        for arguments in [[], ["-z"]] {
            let result = try Binary.run(arguments, stdin: "")
            #expect(result.status == 0)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.isEmpty)
        }
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("empty.txt", "")
        // An empty file is still one document: the output keeps one document per file.
        let file = try Binary.run(["empty.txt", "empty.txt"], in: scratch.url)
        #expect(file.status == 0)
        #expect(file.text == "\u{0C}\n")
        try scratch.write("b.txt", "Text.\n")
        #expect(try Binary.run(["empty.txt", "b.txt", "empty.txt"], in: scratch.url).text == "\u{0C}\nText.\n\u{0C}\n")
    }
}
