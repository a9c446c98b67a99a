import WinnowEngine
import WinnowRules

/// The JSON account of what winnow did to one document: the members shared
/// by `--format jsonl` document records and the report object that
/// `--input jsonl` adds to each record.
///
///     "meta":{"author":"Jane Doe","updated":"15 Nov 2025, 02:53 PM IST","tags":["Transport"]},
///     "sites":[],"shape":{"wrapped":false,"width":0,"markdown":false},
///     "in":{"lines":19,"bytes":446},"out":{"lines":7,"bytes":242},
///     "removed":[{"line":1,"rule":"newsletter/form-field","action":"drop","text":"Subscribe"},
///                {"line":5,"rule":"bylines/written-by","action":"extract","text":"Written By Jane Doe",
///                 "meta":{"author":"Jane Doe"}},
///                {"line":9,"rule":"stamps/inline-ad","action":"strip","start":33,"text":" [Ad]"}, …]
///
/// `removed` lists, in line order, every non-blank line a rule removed
/// (with the rule charged for it and that rule's action; `strip` when
/// stripping left the line empty) and every fragment a strip rule took out
/// of a kept line (`start`: its byte offset in the line, from 0; fragments
/// that overlap are listed as the printer cut them, each byte once). Line
/// numbers count from 1. Each `text` is the original text without its line
/// terminator; when it is not valid UTF-8 a `text_base64` member follows it
/// with the exact bytes. An `extract` entry also has the `meta` that rule
/// found on that line.
///
/// The format is documented for users in `JSON-FORMATS.md` beside this file
/// (the members, `meta` and `removed`); keep the two in step.
public enum DocumentReport {
    /// Writes the members `meta`, `sites`, `shape`, `in`, `out` and `removed` into the open object.
    ///
    /// - Parameter output: the size of the document's text output (`TextPrinter`'s count).
    public static func writeMembers(_ document: Document, _ decisions: Decisions, output: TextPrinter.Written,
                                    into json: inout JSONWriter) {
        json.key("meta")
        MetaFields(decisions.meta).write(into: &json)
        json.key("sites")
        json.beginArray()
        for site in decisions.sites { json.string(site) }
        json.endArray()
        json.key("shape")
        json.beginObject()
        json.key("wrapped"); json.bool(decisions.shape.isWrapped)
        json.key("width"); json.number(decisions.shape.wrapWidth)
        json.key("markdown"); json.bool(decisions.shape.isMarkdown)
        json.endObject()
        json.key("in")
        writeSize(lines: document.lines.count, bytes: document.bytes.count, into: &json)
        json.key("out")
        writeSize(lines: output.lines, bytes: output.bytes, into: &json)
        json.key("removed")
        writeRemoved(document, decisions, into: &json)
    }

    private static func writeSize(lines: Int, bytes: Int, into json: inout JSONWriter) {
        json.beginObject()
        json.key("lines"); json.number(lines)
        json.key("bytes"); json.number(bytes)
        json.endObject()
    }

    private static func writeRemoved(_ document: Document, _ decisions: Decisions, into json: inout JSONWriter) {
        json.beginArray()
        let rules = decisions.rules
        // Most documents have no strips: skip the per-line dictionary lookup.
        let hasStrips = !decisions.strips.isEmpty
        document.bytes.withUnsafeBufferPointer { bytes in
            for (index, line) in document.lines.enumerated() {
                if case .dropped(let ruleIndex) = decisions.verdict(index) {
                    guard !line.isBlank else { continue }
                    let rule = rules[ruleIndex]
                    json.beginObject()
                    json.key("line"); json.number(index + 1)
                    json.key("rule"); json.string(rule.id)
                    json.key("action"); json.string(rule.action.rawValue)
                    json.text("text", bytes: UnsafeBufferPointer(rebasing: bytes[line.content]))
                    if rule.action == .extract {
                        let found = decisions.meta.filter { $0.line == index && $0.rule == ruleIndex }
                        if !found.isEmpty {
                            json.key("meta")
                            MetaFields(found).write(into: &json)
                        }
                    }
                    json.endObject()
                } else if hasStrips, decisions.strips[index] != nil {
                    // The pieces the printer wrote around, not the raw strip ranges: where two strip
                    // rules' matches overlap, each byte is listed once (charged to the first fragment).
                    for case .stripped(let range, let rule) in decisions.pieces(of: index, within: line.start..<line.end) {
                        json.beginObject()
                        json.key("line"); json.number(index + 1)
                        json.key("rule"); json.string(rules[rule].id)
                        json.key("action"); json.string(RuleAction.strip.rawValue)
                        json.key("start"); json.number(range.lowerBound - line.start)
                        json.text("text", bytes: UnsafeBufferPointer(rebasing: bytes[range]))
                        json.endObject()
                    }
                }
            }
        }
        json.endArray()
    }
}
