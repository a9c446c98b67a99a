import Testing
import WinnowEngine
@testable import WinnowOutput

@Suite struct DocumentPipelineTests {
    @Test func jsonRecordsAreNotSeparatedLikeDocuments() throws {
        let out = OutputStream()
        let printer = JSONDocumentPrinter()
        let pipeline = DocumentPipeline(filter: try TestRules.filter(), out: out, separator: .formFeedLine) {
            printer.write($0, $1, to: $2)
        }
        pipeline.writesSeparators = false
        pipeline.process(Document(bytes: Array("One.".utf8), name: "a"), separator: [0x0C, 0x0A])
        pipeline.process(Document(bytes: Array("Two.".utf8), name: "b"))
        pipeline.process(Document(bytes: Array("Three.".utf8), name: "c"))
        let lines = out.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines.last == "")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix(#"{"type":"document""#) })
    }

    @Test func textOutputIsUnchanged() throws {
        let out = OutputStream()
        let pipeline = DocumentPipeline(filter: try TestRules.filter(), out: out, separator: .formFeedLine) {
            TextPrinter().write($0, $1, to: $2)
        }
        pipeline.process(Document(bytes: Array("Advertisement\nOne.".utf8)), separator: [0x0C, 0x0A])
        pipeline.process(Document(bytes: Array("Two.\n".utf8)))
        pipeline.passThrough(Array("raw\n".utf8))
        pipeline.process(Document(bytes: Array("Three.".utf8)))
        #expect(out.text == "One.\n\u{0C}\nTwo.\n\u{0C}\nraw\n\u{0C}\nThree.")
    }
}
