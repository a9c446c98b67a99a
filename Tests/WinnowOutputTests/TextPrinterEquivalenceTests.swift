import Testing
@testable import WinnowEngine
@testable import WinnowOutput

/// Text output must stay byte for byte what it was before printers became
/// generic over sinks. `ReferenceTextPrinter` is the earlier printer,
/// verbatim but for writing to an array; random documents with random
/// verdicts and strips must print the same through both.
@Suite struct TextPrinterEquivalenceTests {
    @Test func matchesTheEarlierPrinterOnRandomDocuments() throws {
        var generator = SplitMix64(seed: 2025)
        let pieces = ["word", "Advertisement", "", "  ", "\u{A0}", "•  item", "é€", "x y z", "\t"]
        let rules = try TestRules.ruleSet().rules
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 12) {
                bytes += Array(pieces[Int(generator.next() % UInt64(pieces.count))].utf8)
                bytes += generator.next() % 4 == 0 ? [0x0D, 0x0A] : [0x0A]
            }
            if generator.next() % 3 == 0, !bytes.isEmpty { bytes.removeLast() }   // no final newline
            let document = Document(bytes: bytes)
            var decisions = Decisions(rules: rules, lineCount: document.lines.count)
            for (index, line) in document.lines.enumerated() {
                switch generator.next() % 5 {
                case 0: decisions.drop(index, by: 0)
                case 1 where line.contentEnd > line.start:
                    let a = line.start + Int(generator.next() % UInt64(line.contentEnd - line.start))
                    let b = a + Int(generator.next() % UInt64(line.contentEnd - a + 1))
                    decisions.strips[index, default: []].append(.init(range: a..<b, rule: 1))
                    if generator.next() % 2 == 0 {
                        decisions.strips[index, default: []].append(.init(range: line.start..<max(line.start, a - 1), rule: 2))
                    }
                default: break
                }
            }
            let out = OutputStream()
            let ended = TextPrinter().write(document, decisions, to: out)
            out.flush()
            var reference: [UInt8] = []
            let referenceEnded = ReferenceTextPrinter.write(document, decisions, to: &reference)
            #expect(out.collected == reference, "\(bytes)")
            #expect(ended == referenceEnded)
        }
    }
}

/// The text printer as it was before this change (commit 69280a9).
enum ReferenceTextPrinter {
    static func write(_ document: Document, _ decisions: Decisions, to out: inout [UInt8]) -> Bool {
        var lastBlock = -1
        var lastTerminator: ArraySlice<UInt8> = [0x0A]
        var endsWithTerminator = false
        var wroteAny = false
        for (index, line) in document.lines.enumerated() where !line.isBlank && decisions.isKept(index) {
            let block = Int(document.blockOfLine[index])
            if wroteAny, block != lastBlock {
                if !endsWithTerminator { out += lastTerminator }
                out += lastTerminator
            }
            if let strips = decisions.strips[index] {
                let ranges = strips.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
                var position = line.start
                for range in ranges {
                    if range.lowerBound > position { out += document.bytes[position..<range.lowerBound] }
                    position = max(position, range.upperBound)
                }
                if position < line.end { out += document.bytes[position..<line.end] }
            } else {
                out += document.bytes[line.start..<line.end]
            }
            if line.isTerminated { lastTerminator = document.bytes[line.contentEnd..<line.end] }
            endsWithTerminator = line.isTerminated
            lastBlock = block
            wroteAny = true
        }
        return endsWithTerminator
    }
}
