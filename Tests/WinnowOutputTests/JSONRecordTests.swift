import Testing
@testable import WinnowOutput

@Suite struct JSONRecordTests {
    private func scan(_ text: String) throws(JSONSyntaxError) -> (JSONRecord, [UInt8]) {
        let bytes = Array(text.utf8)
        let record = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONRecord in
            try JSONRecord(scanning: buffer)
        }
        return (record, bytes)
    }

    private func error(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try scan(text)
            return nil
        } catch {
            return error
        }
    }

    private func slice(_ bytes: [UInt8], _ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    @Test func findsTopLevelMembersAndTheirSpans() throws {
        let text = #"  { "id" : 7 , "nested": {"text": "no", "a": [1, {"b": null}]}, "text":"Hi\n", "n": -1.5e+3 }  "#
        let (record, bytes) = try scan(text)
        #expect(record.members.map { slice(bytes, $0.key) } == [#""id""#, #""nested""#, #""text""#, #""n""#])
        #expect(record.members.map { slice(bytes, $0.value) }
                == ["7", #"{"text": "no", "a": [1, {"b": null}]}"#, #""Hi\n""#, "-1.5e+3"])
        #expect(record.members.map(\.isString) == [false, false, true, false])
        #expect(bytes[record.close] == UInt8(ascii: "}"))
        let text2 = try #require(bytes.withUnsafeBufferPointer { record.member(Array("text".utf8), in: $0) })
        #expect(slice(bytes, text2.value) == #""Hi\n""#)
    }

    @Test func keysWithEscapesCompareDecoded() throws {
        let (record, bytes) = try scan(#"{"t\u0065xt": "x", "te\"xt": 1}"#)
        #expect(record.members[0].keyHasEscapes)
        let member = bytes.withUnsafeBufferPointer { record.member(Array("text".utf8), in: $0) }
        #expect(member == record.members[0])
        let quoted = bytes.withUnsafeBufferPointer { record.member(Array("te\"xt".utf8), in: $0) }
        #expect(quoted == record.members[1])
    }

    @Test func laterDuplicatesWin() throws {
        let (record, bytes) = try scan(#"{"text": "a", "text": "b"}"#)
        let member = try #require(bytes.withUnsafeBufferPointer { record.member(Array("text".utf8), in: $0) })
        #expect(slice(bytes, member.value) == #""b""#)
    }

    @Test func acceptsAnEmptyObjectAndInvalidUTF8InStrings() throws {
        #expect(try scan("{}").0.members.isEmpty)
        let bytes: [UInt8] = Array(#"{"text": "a"#.utf8) + [0xFF, 0xC3] + Array(#"b"}"#.utf8)
        let record = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) in try JSONRecord(scanning: buffer) }
        #expect(record.members.count == 1)
    }

    @Test(arguments: [
        ("", 0, "empty record"),
        ("[1]", 0, "a record must be a JSON object"),
        (#"{"a" 1}"#, 5, "expected ':' after the key"),
        (#"{"a": 1,}"#, 8, "expected a key in quotes"),
        (#"{"a": 1 "b": 2}"#, 8, "expected ',' or '}' after a value"),
        (#"{"a": tru}"#, 6, "expected a value"),
        (#"{"a": 01}"#, 7, "expected ',' or '}' after a value"),
        (#"{"a": 1.}"#, 8, "invalid number: digits must follow '.'"),
        (#"{"a": "x\qy"}"#, 8, "invalid escape in a string"),
        (#"{"a": "\u12G4"}"#, 7, "\\u must be followed by four hex digits"),
        ("{\"a\": \"x\ty\"}", 8, "control character U+0009 in a string must be escaped"),
        (#"{"a": "open}"#, 6, "unterminated string"),
        (#"{"a": [1, 2}"#, 11, "expected ',' or ']' after a value"),
        (#"{"a": 1"#, 7, "unterminated object: expected ',' or '}'"),
        (#"{"a": 1} x"#, 9, "unexpected bytes after the record"),
        (#"{"a": 1}{"b": 2}"#, 8, "unexpected bytes after the record"),
    ])
    func reportsWhereARecordIsMalformed(text: String, offset: Int, message: String) {
        #expect(error(text) == JSONSyntaxError(offset: offset, message: message))
    }

    /// The scanner skips string bodies eight bytes at a time; the quote that
    /// ends a string, an escape or a control character must be seen in every lane.
    @Test func findsTheEndOfAStringAtEveryPosition() throws {
        for length in 0..<30 {
            let body = String(repeating: "é", count: length / 3) + String(repeating: "x", count: length - length / 3)
            let (record, bytes) = try scan(#"{"a":""# + body + #"","b":1}"#)
            #expect(slice(bytes, record.members[0].value) == "\"" + body + "\"")
            let escaped = String(body.prefix(length / 2)) + "\\n" + body.dropFirst(length / 2)
            let (withEscape, escapedBytes) = try scan(#"{"a":""# + escaped + #""}"#)
            #expect(slice(escapedBytes, withEscape.members[0].value) == "\"" + escaped + "\"")
            #expect(error(#"{"a":""# + String(body.prefix(length / 2)) + "\t" + #""}"#)?.message.hasPrefix("control character") == true)
        }
    }

    @Test func limitsNesting() {
        let deep = #"{"a": "# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        #expect(error(deep)?.message == "nested deeper than 512 levels")
        let fine = #"{"a": "# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        #expect(error(fine) == nil)
    }
}
