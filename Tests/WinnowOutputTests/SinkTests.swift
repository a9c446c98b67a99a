import Testing
import WinnowEngine
@testable import WinnowOutput

/// A source of documents already in memory, as stdin split at separators would give them.
final class ListSource: DocumentSource {
    var items: [SourceItem]
    init(_ items: [SourceItem]) { self.items = items }
    func next() throws(ReadError) -> SourceItem? { items.isEmpty ? nil : items.removeFirst() }
}

@Suite struct SinkTests {
    private func document(_ text: String, _ name: String = "doc") -> Document { Document(bytes: Array(text.utf8), name: name) }

    @Test func jsonRecordsAreNotSeparatedLikeDocuments() throws {
        let out = OutputStream()
        let source = ListSource([
            .document(document("One.", "a"), .text(separator: [0x0C, 0x0A])),
            .document(document("Two.", "b"), .text(separator: nil)),
            .document(document("Three.", "c"), .text(separator: nil)),
        ])
        _ = Session(program: try TestRules.program(), source: source, sinks: [JSONDocumentSink(out: out)], out: out).run()
        let lines = out.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines.last == "")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix(#"{"type":"document""#) })
    }

    @Test func textKeepsInputSeparatorsAndOwesOneBetweenInputs() throws {
        let out = OutputStream()
        let source = ListSource([
            .document(document("Advertisement\nOne."), .text(separator: [0x0C, 0x0A])),
            .document(document("Two.\n"), .text(separator: nil)),
            .unreadable(RecordError(source: "x", line: 1, message: "bad"), raw: Array("raw\n".utf8)),
            .document(document("Three."), .text(separator: nil)),
        ])
        let status = Session(program: try TestRules.program(), source: source, sinks: [TextSink(out: out)], out: out).run()
        #expect(out.text == "One.\n\u{0C}\nTwo.\n\u{0C}\nraw\n\u{0C}\nThree.")
        #expect(status == .unreadableRecords)
    }

    @Test func nulSeparatedTextOwesANulBetweenInputs() throws {
        let out = OutputStream()
        let source = ListSource([.document(document("One.\n"), .text(separator: nil)),
                                 .document(document("Two.\n"), .text(separator: nil))])
        _ = Session(program: try TestRules.program(), source: source, sinks: [TextSink(out: out, nulSeparated: true)],
                    out: out).run()
        #expect(out.text == "One.\n\u{0}Two.\n")
    }

    @Test func explainSeparatesDocumentsAsTextDoes() throws {
        let out = OutputStream()
        let source = ListSource([.document(document("Advertisement\nOne.\n", "a"), .text(separator: nil)),
                                 .document(document("Two.\n", "b"), .text(separator: nil))])
        _ = Session(program: try TestRules.program(), source: source,
                    sinks: [ExplainSink(out: out, style: ExplainStyle(color: false))], out: out).run()
        let text = out.text
        #expect(text.hasPrefix("# a: 2 lines in, 1 out; sites: none; shape: lines\n"))
        #expect(text.contains("\n\u{0C}\n# b: 1 lines in, 1 out; sites: none; shape: lines\n"))
    }

    @Test func everySinkSeesEveryDocumentInOrderAndTheEnd() throws {
        let out = OutputStream()
        let first = NoteSink(), second = NoteSink()
        let source = ListSource([.document(document("A.", "a"), .text(separator: nil)),
                                 .document(document("B.", "b"), .text(separator: nil))])
        let status = Session(program: try TestRules.program(), source: source, sinks: [first, second], out: out).run()
        #expect(first.documents == ["a", "b"])
        #expect(second.documents == ["a", "b"])
        #expect(first.summary?.records == nil)
        #expect(status == .success)
    }

    @Test func aReadErrorIsReportedAndTheRunGoesOn() throws {
        final class FailingOnce: DocumentSource {
            var failed = false
            func next() throws(ReadError) -> SourceItem? {
                if !failed { failed = true; throw ReadError(source: "missing.txt", reason: "No such file or directory") }
                return nil
            }
        }
        let out = OutputStream()
        let status = Session(program: try TestRules.program(), source: FailingOnce(), sinks: [], out: out).run()
        #expect(status == .error)
    }
}
