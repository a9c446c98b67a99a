import Foundation
import PropertyBased
import Testing
import WinnowEngine
import WinnowOutput
import WinnowRules

/// Nothing is lost: for any document and any rule set, the kept text of the
/// `--format jsonl` record plus its `removed` entries give back every
/// non-blank input line, in order, byte for byte (blank lines are not
/// listed, and text mode writes one blank line between blocks).
@Suite struct NothingIsLostTests {
    @Test func keptTextPlusRemovedEntriesReconstructTheInput() async {
        await propertyCheck(count: 400, input: Generators.document, Generators.rules) { lines, rules in
            let bytes = Generators.bytes(lines)
            let sources = Generators.sources(rules)
            let ruleSet: RuleSet
            do {
                ruleSet = try RuleSet.load(sources)
            } catch {
                let files = sources.map(\.text).joined(separator: "---\n")
                Issue.record("generated rules did not load: \(error)\n\(files)")
                return
            }
            let problems = Reconstruction.problems(bytes: bytes, ruleSet: ruleSet)
            #expect(problems.isEmpty, "\(problems)\nrules:\n\(sources.map(\.text).joined(separator: "---\n"))")
        }
    }

    /// The same on the repository's own rules, which are larger than the generated ones.
    @Test func theRepositoryRulesLoseNothingEither() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let ruleSet = try RuleSet.load(try RuleSource.directory(root.appendingPathComponent("rules").path))
        await propertyCheck(count: 150, input: Generators.document) { lines in
            let problems = Reconstruction.problems(bytes: Generators.bytes(lines), ruleSet: ruleSet)
            #expect(problems.isEmpty, "\(problems)")
        }
    }
}

/// Runs a document through the JSON Lines output path and rebuilds the input from the record.
enum Reconstruction {
    struct Entry {
        var line: Int
        var action: String
        var start: Int?
        var text: [UInt8]
    }

    /// What does not add up; empty when the record accounts for every byte of every non-blank line.
    static func problems(bytes: [UInt8], ruleSet: RuleSet) -> [String] {
        let filter = Filter(RuleProgram(ruleSet: ruleSet))
        let document = Document(bytes: bytes, name: "gen.txt")
        let decisions = filter.apply(to: document)
        let out = OutputStream()
        JSONDocumentPrinter().write(document, decisions, to: out)
        out.flush()
        var problems: [String] = []
        let record = out.collected
        guard record.last == 0x0A, record.dropLast().firstIndex(of: 0x0A) == nil else {
            return ["the record is not one line"]
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(record)) as? [String: Any] else {
            return ["the record is not a JSON object: \(String(decoding: record, as: UTF8.self).prefix(300))"]
        }
        guard let text = textBytes(object) else { return ["no text member"] }

        // Text mode prints the same bytes.
        var buffer = ByteBuffer()
        TextPrinter().write(document, decisions, into: &buffer)
        if Array(buffer.bytes) != text { problems.append("the record's text is not what text mode prints") }

        let input = object["in"] as? [String: Int]
        if input?["lines"] != document.lines.count || input?["bytes"] != bytes.count {
            problems.append("in is \(String(describing: input)), not \(document.lines.count) lines, \(bytes.count) bytes")
        }
        let output = object["out"] as? [String: Int]
        if output?["bytes"] != text.count { problems.append("out.bytes \(String(describing: output)) is not \(text.count)") }

        var entries: [Int: [Entry]] = [:]
        var lastLine = 0
        for case let item as [String: Any] in (object["removed"] as? [Any]) ?? [] {
            guard let line = item["line"] as? Int, let action = item["action"] as? String, let text = textBytes(item) else {
                problems.append("malformed removed entry \(item)")
                continue
            }
            if line < lastLine { problems.append("removed entries out of line order at line \(line)") }
            lastLine = line
            entries[line, default: []].append(Entry(line: line, action: action, start: item["start"] as? Int, text: text))
        }

        // The output lines, each with its terminator; the empty ones are the blank lines between blocks.
        var outLines: [[UInt8]] = []
        var start = 0
        while start < text.count {
            let end = text[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? text.count
            outLines.append(Array(text[start..<end]))
            start = end
        }
        var next = 0
        var lastBlock: Int?
        for (index, line) in document.lines.enumerated() {
            let here = entries.removeValue(forKey: index + 1) ?? []
            let original = Array(bytes[line.start..<line.end])
            if line.isBlank {
                if !here.isEmpty { problems.append("blank line \(index + 1) is listed in removed") }
                continue
            }
            let whole = here.filter { $0.start == nil }
            let strips = here.filter { $0.start != nil }.sorted { $0.start! < $1.start! }
            if !whole.isEmpty {
                if whole.count > 1 || !strips.isEmpty {
                    problems.append("line \(index + 1) is listed \(here.count) times: \(here.map(\.action))")
                } else if whole[0].text != Array(bytes[line.content]) {
                    problems.append("line \(index + 1): removed text \(show(whole[0].text)) is not \(show(Array(bytes[line.content])))")
                }
                continue
            }
            // A kept line: the next output line, after the blank line that starts a new block.
            let block = Int(document.blockOfLine[index])
            if let lastBlock, lastBlock != block {
                if next < outLines.count, isSeparator(outLines[next]) { next += 1 } else {
                    problems.append("no blank line before line \(index + 1), which starts a new block")
                }
            }
            lastBlock = block
            guard next < outLines.count else {
                problems.append("line \(index + 1) is neither kept nor removed: \(show(original))")
                continue
            }
            var kept = outLines[next]
            next += 1
            // The last kept line is followed by a terminator it did not have when a block came after it; not here.
            var rebuilt: [UInt8] = []
            var position = 0  // in the original line
            var keptIndex = 0
            for strip in strips {
                let take = strip.start! - position
                guard take >= 0, keptIndex + take <= kept.count else {
                    problems.append("line \(index + 1): strip at \(strip.start!) does not fit \(show(kept))")
                    break
                }
                rebuilt += kept[keptIndex..<(keptIndex + take)]
                keptIndex += take
                rebuilt += strip.text
                position = strip.start! + strip.text.count
            }
            if keptIndex <= kept.count { rebuilt += kept[keptIndex...] }
            if rebuilt != original {
                kept = rebuilt
                problems.append("line \(index + 1): rebuilt \(show(kept)) is not \(show(original)) (strips \(strips.map { ($0.start!, show($0.text)) }))")
            }
        }
        if next < outLines.count { problems.append("\(outLines.count - next) output lines are left over: \(outLines[next...].map(show))") }
        for (line, rest) in entries { problems.append("removed entries for line \(line), which is not in the document: \(rest.map(\.action))") }
        return problems
    }

    private static func isSeparator(_ line: [UInt8]) -> Bool { line == [0x0A] || line == [0x0D, 0x0A] }

    /// A `text` member's bytes: `text_base64` when present.
    private static func textBytes(_ object: [String: Any]) -> [UInt8]? {
        if let encoded = object["text_base64"] as? String {
            return Data(base64Encoded: encoded).map([UInt8].init)
        }
        return (object["text"] as? String).map { Array($0.utf8) }
    }

    static func show(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(120), as: UTF8.self).debugDescription
        return bytes.count > 120 ? text + "…(\(bytes.count) bytes)" : text
    }
}
