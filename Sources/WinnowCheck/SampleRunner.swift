import Foundation
import WinnowEngine
import WinnowOutput
import WinnowRules

/// Runs sample pages through the same pipeline and printer as `winnow FILE`
/// and compares the output with the expected files.
///
///     let runner = SampleRunner(ruleSet: set)
///     for sample in try Sample.discover(in: "samples") {
///         let outcome = runner.run(sample)
///         if !outcome.passed { print(outcome.report, terminator: "") }
///     }
public final class SampleRunner {
    public let filter: Filter
    /// Prints a document as a JSON Lines record, for `.expected.jsonl` files.
    private let jsonLinesPrinter: SinkFactory?

    /// - Parameter jsonLinesPrinter: the printer `.expected.jsonl` files are
    ///   compared with; by default `JSONDocumentPrinter`, as
    ///   `winnow --format jsonl FILE` uses; nil reports such files as uncheckable.
    public init(ruleSet: RuleSet, jsonLinesPrinter: SinkFactory? = SampleRunner.jsonLines) {
        filter = Filter(RuleProgram(ruleSet: ruleSet))
        self.jsonLinesPrinter = jsonLinesPrinter
    }

    /// Makes the sink a sample's output is rendered through.
    public typealias SinkFactory = @Sendable (WinnowOutput.OutputStream) -> DocumentSink

    /// The `--format jsonl` sink.
    public static let jsonLines: SinkFactory = { JSONDocumentSink(out: $0) }

    public func run(_ sample: Sample) -> SampleOutcome {
        let page = FileManager.default.contents(atPath: sample.input).map { [UInt8]($0) }
        let document = Document(bytes: page ?? [], name: sample.documentName)
        let (actual, decisions) = render(document, with: { TextSink(out: $0) })
        let expected = FileManager.default.contents(atPath: sample.expectedText).map { [UInt8]($0) }
        var outcome = SampleOutcome(
            sample: sample, document: document, decisions: decisions,
            actual: page == nil ? Array("winnow: \(sample.input): cannot read the page\n".utf8) : actual,
            expected: expected, actualJSONLines: nil, expectedJSONLines: nil, jsonLinesProblem: nil,
            expectedSources: [], actualSources: [])
        if let expected {
            outcome.expectedSources = Self.sources(of: UnifiedDiff.lines(expected), in: document, decisions)
        }
        outcome.actualSources = Self.printedSources(document, decisions)

        if let expectedJSON = FileManager.default.contents(atPath: sample.expectedJSONLines) {
            outcome.expectedJSONLines = [UInt8](expectedJSON)
        }
        if outcome.expectedJSONLines != nil {
            if let jsonLinesPrinter {
                outcome.actualJSONLines = render(document, with: jsonLinesPrinter).output
            } else {
                outcome.jsonLinesProblem = "this build of winnow has no JSON Lines printer to compare it with"
            }
        }
        return outcome
    }

    /// Rewrites the sample's expected files from its current output: the
    /// text file always, the JSON Lines file when there is one.
    ///
    /// - Returns: the paths written.
    public func update(_ outcome: SampleOutcome) throws(CheckError) -> [String] {
        var written: [String] = []
        if outcome.expected != outcome.actual {
            try write(outcome.actual, to: outcome.sample.expectedText)
            written.append(outcome.sample.expectedText)
        }
        if outcome.expectedJSONLines != nil, let actual = outcome.actualJSONLines, actual != outcome.expectedJSONLines {
            try write(actual, to: outcome.sample.expectedJSONLines)
            written.append(outcome.sample.expectedJSONLines)
        }
        return written
    }

    private func write(_ bytes: [UInt8], to path: String) throws(CheckError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CheckError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// One document through a sink into memory, as `winnow FILE` prints it.
    private func render(_ document: Document, with makeSink: SinkFactory) -> (output: [UInt8], decisions: Decisions) {
        let out = OutputStream()
        let decisions = filter.apply(to: document)
        makeSink(out).write(document, decisions, origin: .text(separator: nil))
        out.flush()
        return (out.collected, decisions)
    }

    // MARK: - Which page line is which output line

    /// The page line behind each printed line, in the text printer's order:
    /// kept lines, with one blank line (nil) between blocks.
    static func printedSources(_ document: Document, _ decisions: Decisions) -> [Int?] {
        var sources: [Int?] = []
        var lastBlock = -1
        for index in document.lines.indices where !document.lines[index].isBlank && decisions.isKept(index) {
            let block = Int(document.blockOfLine[index])
            if !sources.isEmpty, block != lastBlock { sources.append(nil) }
            sources.append(index)
            lastBlock = block
        }
        return sources
    }

    /// Aligns expected output lines with page lines (a longest common
    /// subsequence, via `CollectionDifference`), comparing each page line as
    /// printed when kept and as written on the page when dropped.
    static func sources(of expected: [String], in document: Document, _ decisions: Decisions) -> [Int?] {
        func key(_ text: String) -> String { text.hasSuffix("\r") ? String(text.dropLast()) : text }
        let pageLines = document.lines.indices.filter { !document.lines[$0].isBlank }
        let pageKeys = pageLines.map { line in
            decisions.isKept(line) ? decisions.printedText(of: line, in: document)
                                   : document.text(document.lines[line].content)
        }
        let wanted = expected.indices.filter {
            expected[$0] != UnifiedDiff.noNewline && !expected[$0].allSatisfy(\.isWhitespace)
        }
        let wantedKeys = wanted.map { key(expected[$0]) }
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in wantedKeys.difference(from: pageKeys) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var sources = [Int?](repeating: nil, count: expected.count)
        var used = Set<Int>()
        var p = 0, w = 0
        while p < pageKeys.count, w < wantedKeys.count {
            if removed.contains(p) { p += 1; continue }
            if inserted.contains(w) { w += 1; continue }
            sources[wanted[w]] = pageLines[p]
            used.insert(pageLines[p])
            p += 1; w += 1
        }
        // A line the expected output has whole but the run stripped: find it as written on the page.
        for (w, index) in wanted.enumerated() where sources[index] == nil {
            let text = wantedKeys[w]
            if let line = pageLines.first(where: { !used.contains($0) && document.text(document.lines[$0].content) == text }) {
                sources[index] = line
                used.insert(line)
            }
        }
        return sources
    }
}
