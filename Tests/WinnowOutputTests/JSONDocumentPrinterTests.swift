import Foundation
import Testing
@testable import WinnowEngine
@testable import WinnowOutput
import WinnowRules

@Suite struct JSONDocumentPrinterTests {
    @Test func writesOneRecordWithTextMetaCountsAndRemovedParts() throws {
        let filter = try TestRules.filter()
        let document = Document(bytes: Array(TestRules.page.utf8), name: "page.txt")
        let out = OutputStream()
        #expect(JSONDocumentPrinter().write(document, filter.apply(to: document), to: out))
        let text = out.text
        #expect(text.hasSuffix("}\n"))
        #expect(text.filter { $0 == "\n" }.count == 1)
        #expect(text == #"{"type":"document","name":"page.txt","text":"Headline of the story\n\nThe council met on Tuesday and agreed the budget.\n(With inputs from AFP)\n","meta":{"author":"Jane Doe","updated":"15 Nov 2025, 02:53 PM IST","tags":["Budget","Council"]},"sites":[],"shape":{"wrapped":false,"width":0,"markdown":false},"in":{"lines":12,"bytes":211},"out":{"lines":4,"bytes":96},"removed":[{"line":1,"rule":"ads/label","action":"drop","text":"Advertisement"},{"line":4,"rule":"bylines/by","action":"extract","text":"By Jane Doe","meta":{"author":"Jane Doe"}},{"line":5,"rule":"bylines/updated","action":"extract","text":"Updated 15 Nov 2025, 02:53 PM IST","meta":{"updated":"15 Nov 2025, 02:53 PM IST"}},{"line":6,"rule":"stamps/time","action":"strip","start":49,"text":" 10:30 AM"},{"line":9,"rule":"bylines/tag","action":"extract","text":"Tag: Budget","meta":{"tags":["Budget"]}},{"line":10,"rule":"bylines/tag","action":"extract","text":"Tag: Council","meta":{"tags":["Council"]}},{"line":11,"rule":"tail/read-next","action":"cut","text":"Read Next"},{"line":12,"rule":"tail/read-next","action":"cut","text":"Teaser one"}]}"# + "\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["out"] as? [String: Int])?["bytes"] == (object["text"] as? String)?.utf8.count)
        #expect((object["in"] as? [String: Int])?["bytes"] == TestRules.page.utf8.count)
    }

    @Test func theShapeMemberSaysWhatWasDetected() throws {
        let filter = try TestRules.filter()
        let cases = [
            (TestRules.wrappedPage,
             #""shape":{"wrapped":true,"width":72,"markdown":false}"#),
            ("# Budget\n\nSee [the plan](/p).\n\n[Home](/)\n", #""shape":{"wrapped":false,"width":0,"markdown":true}"#),
        ]
        for (text, member) in cases {
            let document = Document(bytes: Array(text.utf8), name: "page.txt")
            let out = OutputStream()
            JSONDocumentPrinter().write(document, filter.apply(to: document), to: out)
            #expect(out.text.contains(#""sites":[],"# + member + #","in":"#))
        }
    }

    @Test func cleanTextThatIsNotUTF8IsAlsoInBase64() throws {
        let filter = try TestRules.filter()
        let bytes: [UInt8] = Array("Advertisement\nna".utf8) + [0xEF, 0xBB] + Array("ve\n".utf8)
        let document = Document(bytes: bytes, name: "x")
        let out = OutputStream()
        JSONDocumentPrinter().write(document, filter.apply(to: document), to: out)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.text.utf8)) as? [String: Any])
        #expect(object["text"] as? String == "na\u{FFFD}ve\n")
        #expect(Data(base64Encoded: try #require(object["text_base64"] as? String)).map([UInt8].init)
                == Array(bytes[14...]))
    }

    /// Found by the property test (WinnowPropertyTests): two strip rules whose matches overlap
    /// were both listed whole, so the shared space was reported twice and the record no longer
    /// added up to the line.
    @Test func overlappingStripsAreListedOnceEach() throws {
        let rules = try RuleSet.load([
            RuleSource(displayPath: "a.yml", relativePath: "a.yml", text: """
                description: Spaces.
                rules:
                  - id: spaces
                    description: Every run of spaces.
                    action: strip
                    regex: '\\s+'
                """),
            RuleSource(displayPath: "b.yml", relativePath: "b.yml", text: """
                description: Leading words.
                rules:
                  - id: lead
                    description: The first two words.
                    action: strip
                    regex: '^\\p{Lu}\\p{L}+ \\p{L}+'
                """),
        ])
        let filter = Filter(RuleProgram(ruleSet: rules))
        let document = Document(bytes: Array("Tuesday the the\n".utf8), name: "x")
        let out = OutputStream()
        JSONDocumentPrinter().write(document, filter.apply(to: document), to: out)
        #expect(out.text.contains(#""text":"the\n""#))
        #expect(out.text.contains(#""removed":[{"line":1,"rule":"b/lead","action":"strip","start":0,"text":"Tuesday the"},{"line":1,"rule":"a/spaces","action":"strip","start":11,"text":" "}]"#))
    }

    @Test func metaMapsPluralNamesToArraysAndOthersToTheirFirstValue() {
        let fields: [Decisions.MetaField] = [
            .init(name: "tags", value: Array("B".utf8), rule: 3, line: 9),
            .init(name: "author", value: Array("Second".utf8), rule: 1, line: 8),
            .init(name: "author", value: Array("First".utf8), rule: 2, line: 2),
            .init(name: "tags", value: Array("A".utf8), rule: 3, line: 4),
            .init(name: "tags", value: Array("B".utf8), rule: 3, line: 12),
        ]
        var json = JSONWriter()
        MetaFields(fields).write(into: &json)
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"{"author":"First","tags":["A","B"]}"#)
    }
}
