import Foundation
import Testing
import WinnowEngine
@testable import WinnowOutput

@Suite struct RecordSourceAndSinkTests {
    struct Result {
        var out: String
        var bytes: [UInt8]
        var errors: [RecordError]
        var status: Session.Status
        var records: Int?
        var unreadable: Int
    }

    /// Runs `input` from a file through a session: a record source, a record sink, and a sink that notes errors.
    private func run(_ input: [UInt8], options: RecordOptions = RecordOptions(reportKey: nil),
                     chunkSize: Int = 7) throws -> Result {
        let out = OutputStream()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-\(UUID().uuidString).jsonl").path
        try Data(input).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        // A small chunk size makes records straddle reads.
        let source = RecordSource(paths: [path], options: options, chunkSize: chunkSize)
        let notes = NoteSink()
        let status = Session(program: try TestRules.program(), source: source,
                             sinks: [RecordSink(out: out, options: options), notes], out: out,
                             onError: options.onError).run()
        out.flush()
        let errors = notes.errors.map { RecordError(source: "in.jsonl", line: $0.line, column: $0.column, message: $0.message) }
        return Result(out: String(decoding: out.collected, as: UTF8.self), bytes: out.collected, errors: errors,
                      status: status, records: notes.summary?.records, unreadable: notes.summary?.unreadable ?? -1)
    }

    private func run(_ input: String, options: RecordOptions = RecordOptions(reportKey: nil)) throws -> Result {
        try run(Array(input.utf8), options: options)
    }

    @Test func replacesOnlyTheTextFieldAndKeepsEveryOtherByte() throws {
        let input = #"{ "id" :1.50e+2,"t\u00edtulo": "caf\u00e9 \ud83d\ude00", "text": "Advertisement\nHello \u00e9 world.\n", "n":{"text":"inner"} , "z": [true,null] }"#
        let result = try run(input + "\n")
        #expect(result.errors.isEmpty)
        #expect(result.out == #"{ "id" :1.50e+2,"t\u00edtulo": "caf\u00e9 \ud83d\ude00", "text": "Hello é world.\n", "n":{"text":"inner"} , "z": [true,null] }"# + "\n")
    }

    @Test func invalidUTF8InTheTextGetsABase64MemberAndReadsBackLosslessly() throws {
        // Raw invalid bytes inside the JSON string, as scrapers produce them.
        let input: [UInt8] = Array(#"{"text":"Advertisement\nCaf"#.utf8) + [0xE9] + Array(#" ok\n","x":1}"#.utf8) + [0x0A]
        let first = try run(input)
        #expect(first.out
                == #"{"text":"Caf\#u{FFFD} ok\n","text_base64":"Q2Fm6SBvawo=","x":1}"# + "\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.bytes.dropLast())) as? [String: Any])
        #expect(Data(base64Encoded: try #require(object["text_base64"] as? String)).map([UInt8].init)
                == Array("Caf".utf8) + [0xE9] + Array(" ok\n".utf8))

        // winnow's own output reads back: the base64 member is the text, and stays.
        let second = try run(first.bytes)
        #expect(second.out == first.out)

        // Once the text is valid UTF-8, the base64 member goes, with its comma.
        let fixed = Array(#"{"text_base64":"QWR2ZXJ0aXNlbWVudApPSwo=","text":"ignored","x":1}"#.utf8) + [0x0A]
        #expect(try run(fixed).out == #"{"text":"OK\n","x":1}"# + "\n")
        let last = Array(#"{"text":"ignored","text_base64":"QWR2ZXJ0aXNlbWVudApPSwo="}"#.utf8) + [0x0A]
        #expect(try run(last).out == #"{"text":"OK\n"}"# + "\n")
    }

    @Test func addsTheReportAsTheLastMemberOrReplacesIt() throws {
        let options = RecordOptions()
        let result = try run(#"{"url":"https://www.example.com/a","text":"By Jane Doe\nStory text here.\nExample footer"}"#
                             + "\n" + #"{"text":"x","winnow":{"old":true},"y":2}"# + "\n", options: options)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"url":"https://www.example.com/a","text":"Story text here.\n","winnow":{"meta":{"author":"Jane Doe"},"sites":["example.com"],"shape":{"wrapped":false,"width":0,"markdown":false},"in":{"lines":3,"bytes":43},"out":{"lines":1,"bytes":17},"removed":[{"line":1,"rule":"bylines/by","action":"extract","text":"By Jane Doe","meta":{"author":"Jane Doe"}},{"line":3,"rule":"sites/example.com/footer","action":"drop","text":"Example footer"}]}}"#)
        #expect(lines[1] == #"{"text":"x","winnow":{"meta":{},"sites":[],"shape":{"wrapped":false,"width":0,"markdown":false},"in":{"lines":1,"bytes":1},"out":{"lines":1,"bytes":1},"removed":[]},"y":2}"#)
    }

    @Test func theURLHostSelectsSitePacks() throws {
        let result = try run(#"{"url":"http://other.org/","text":"Example footer\nBody.\n"}"# + "\n"
                             + #"{"url":"https://news.example.com/x","text":"Example footer\nBody.\n"}"# + "\n")
        #expect(result.out == #"{"url":"http://other.org/","text":"Example footer\nBody.\n"}"# + "\n"
                + #"{"url":"https://news.example.com/x","text":"Body.\n"}"# + "\n")
    }

    @Test func anotherFieldCanHoldTheText() throws {
        let result = try run(#"{"text":"Advertisement","body":"Advertisement\nKept.","link":"example.com/p"}"# + "\n",
                             options: RecordOptions(field: "body", urlField: "link", reportKey: nil))
        #expect(result.out == #"{"text":"Advertisement","body":"Kept.","link":"example.com/p"}"# + "\n")
    }

    @Test func malformedRecordsAreReportedWithLineNumbersAndPassedThrough() throws {
        let input = "{\"text\":\"Advertisement\\nA.\"}\n"     // 1: fine
            + "\n"                                             // 2: blank, skipped
            + "{\"text\": \"broken}\r\n"                       // 3: unterminated string, CRLF
            + "{\"title\":\"no text\"}\n"                      // 4: no text member
            + "{\"text\": 5}\n"                                // 5: not a string
            + "not json\n"                                     // 6
            + "{\"text\":\"B.\"}"                              // 7: fine, no final newline
        let result = try run(input)
        #expect(result.errors.map(\.description) == [
            "in.jsonl:3:10: unterminated string",
            "in.jsonl:4: no 'text' member",
            "in.jsonl:5: 'text' is not a string",
            "in.jsonl:6:1: a record must be a JSON object",
        ])
        #expect(result.out == "{\"text\":\"A.\"}\n"
                + "{\"text\": \"broken}\r\n{\"title\":\"no text\"}\n{\"text\": 5}\nnot json\n{\"text\":\"B.\"}\n")
        #expect(result.records == 6)
        #expect(result.unreadable == 4)
        #expect(result.status == .unreadableRecords)
    }

    @Test func skipLeavesMalformedRecordsOutAndFailStops() throws {
        let input = "{\"text\":\"A.\"}\nnope\n{\"text\":\"B.\"}\n"
        let skipped = try run(input, options: RecordOptions(onError: .skip, reportKey: nil))
        #expect(skipped.out == "{\"text\":\"A.\"}\n{\"text\":\"B.\"}\n")
        #expect(skipped.errors.count == 1)
        let failed = try run(input, options: RecordOptions(onError: .fail, reportKey: nil))
        #expect(failed.out == "{\"text\":\"A.\"}\n")
        #expect(failed.records == 2)
        #expect(failed.status == .unreadableRecords)
        #expect(failed.errors.map(\.line) == [2])
    }

    @Test func textOutputWritesTheCleanTextsAsDocuments() throws {
        let out = OutputStream()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-\(UUID().uuidString).jsonl").path
        try Data("{\"text\":\"Advertisement\\nOne.\\n\"}\nbad\n{\"text\":\"Two.\"}".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let status = Session(program: try TestRules.program(), source: RecordSource(paths: [path], options: RecordOptions()),
                             sinks: [TextSink(out: out)], out: out).run()
        #expect(out.text == "One.\n\u{0C}\nbad\n\u{0C}\nTwo.")
        #expect(status == .unreadableRecords)
    }

    @Test func aByteOrderMarkBeforeARecordIsReadPastAndKept() throws {
        let result = try run([0xEF, 0xBB, 0xBF] + Array("{\"text\":\"Advertisement\\nHello.\\n\"}\n".utf8))
        #expect(result.errors.isEmpty)
        #expect(result.bytes == [0xEF, 0xBB, 0xBF] + Array("{\"text\":\"Hello.\\n\"}\n".utf8))
    }

    @Test func everyOutputLineParses() throws {
        let input = #"{"text":"Advertisement\n\u0000\u001f \"q\" \\ \u2028 x","a":"\ud83d\ude00"}"# + "\n"
        let result = try run(Array(input.utf8) + Array(#"{"text":"\#u{7F}"# .utf8) + [0xC3, 0x28] + Array("\"}\n".utf8),
                             options: RecordOptions())
        for line in result.bytes.split(separator: 0x0A) {
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(line)) }
        }
    }
}

/// Notes what a session hands its sinks besides documents.
final class NoteSink: DocumentSink {
    var errors: [RecordError] = []
    var documents: [String] = []
    var summary: RunSummary?

    func write(_ document: Document, _ decisions: Decisions, origin: DocumentOrigin) { documents.append(document.name) }
    func unreadable(_ error: RecordError, raw: [UInt8], policy: RecordErrorPolicy) { errors.append(error) }
    func finish(_ run: RunSummary) { summary = run }
}
