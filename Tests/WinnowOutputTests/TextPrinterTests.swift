import Testing
@testable import WinnowEngine
@testable import WinnowOutput

@Suite struct TextPrinterTests {
    @Test func writesTheCleanText() throws {
        let filter = try TestRules.filter()
        let document = Document(bytes: Array(TestRules.page.utf8))
        let out = OutputStream()
        TextPrinter().write(document, filter.apply(to: document), to: out)
        #expect(out.text == """
            Headline of the story

            The council met on Tuesday and agreed the budget.
            (With inputs from AFP)

            """)
    }

    @Test func everySinkGetsTheSameBytesAndTheCountsAreRight() throws {
        let filter = try TestRules.filter()
        for text in [TestRules.page, "a\r\n\r\nb\r\nc", "Advertisement\n", "", "x\n\n\n\ny\n"] {
            let document = Document(bytes: Array(text.utf8))
            let decisions = filter.apply(to: document)
            let out = OutputStream()
            let ended = TextPrinter().write(document, decisions, to: out)
            var buffer = ByteBuffer()
            let written = TextPrinter().write(document, decisions, into: &buffer)
            out.flush()
            #expect(buffer.bytes == out.collected)
            #expect(written.bytes == buffer.bytes.count)
            #expect(written.endsWithTerminator == ended)
            let newlines = buffer.bytes.filter { $0 == 0x0A }.count
            #expect(written.lines == newlines + (buffer.bytes.last.map { $0 != 0x0A } ?? false ? 1 : 0))
            #expect(TextPrinter().measure(document, decisions) == written)
        }
    }

    @Test func crlfBlankLineBetweenBlocksKeepsTheTerminator() throws {
        let filter = try TestRules.filter()
        let document = Document(bytes: Array("one\r\nAdvertisement\r\n\r\n\r\ntwo".utf8))
        var buffer = ByteBuffer()
        let written = TextPrinter().write(document, filter.apply(to: document), into: &buffer)
        #expect(buffer.bytes == Array("one\r\n\r\ntwo".utf8))
        #expect(written == TextPrinter.Written(lines: 3, bytes: 10, endsWithTerminator: false))
    }
}
