import WinnowEngine
import WinnowRules

/// Totals over a run, for `--stats`.
///
///     var stats = RunStatistics(rules: filter.rules)
///     pipeline.onDocument = { stats.add($0, $1) }
///     …
///     StandardError.write(stats.text(seconds: elapsed))
///
/// Lines and bytes "in" are the documents' (for JSON Lines input, the
/// decoded text field's); "out" is the text output they come to, as
/// `TextPrinter` writes it, whatever the output format. A rule's hits are
/// the lines it was charged with removing or protecting, and, for a strip
/// rule, the fragments it took out of kept lines.
public struct RunStatistics: Sendable {
    public let rules: [Rule]
    public private(set) var documents = 0
    public private(set) var linesIn = 0
    public private(set) var bytesIn = 0
    public private(set) var linesOut = 0
    public private(set) var bytesOut = 0
    /// Hits by rule index.
    public private(set) var hits: [Int]
    /// JSON Lines input: records read and how many could not be filtered.
    public var records: Int?
    public var malformed = 0

    public init(rules: [Rule]) {
        self.rules = rules
        hits = [Int](repeating: 0, count: rules.count)
    }

    public mutating func add(_ document: Document, _ decisions: Decisions) {
        documents += 1
        linesIn += document.lines.count
        bytesIn += document.bytes.count
        let output = TextPrinter().measure(document, decisions)
        linesOut += output.lines
        bytesOut += output.bytes
        let hasStrips = !decisions.strips.isEmpty
        for (index, line) in document.lines.enumerated() {
            switch decisions.verdict(index) {
            case .dropped(let rule): if !line.isBlank { hits[rule] += 1 }
            case .protected(let rule): hits[rule] += 1
            case .kept: if hasStrips { for strip in decisions.strips[index] ?? [] { hits[strip.rule] += 1 } }
            }
        }
    }

    /// The rules that hit anything, most hits first, ties by id.
    public var ruleHits: [(rule: Rule, hits: Int)] {
        hits.indices.filter { hits[$0] > 0 }
            .map { (rules[$0], hits[$0]) }
            .sorted { $0.hits != $1.hits ? $0.hits > $1.hits : $0.rule.id < $1.rule.id }
    }

    /// The stderr summary.
    ///
    ///     winnow stats
    ///       records    3 (1 malformed)      (JSON Lines input only)
    ///       documents  2
    ///       lines      282 in, 76 out (27.0%)
    ///       bytes      11032 in, 5565 out (50.4%)
    ///       time       0.004 s, 2.8 MB/s   (kB/s below 1 MB/s)
    ///       hits per rule (lines removed or protected; fragments for strip):
    ///           27  structure/article-end   cut
    ///           26  structure/outside-body  drop
    ///       slowest rules:                  (when the filter measured them)
    ///         0.001 s  captions/duplicated-line
    public func text(seconds: Double, ruleNanoseconds: [UInt64] = []) -> String {
        var lines = ["winnow stats"]
        if let records {
            lines.append("  records    \(records) (\(malformed) malformed)")
        }
        lines.append("  documents  \(documents)")
        lines.append("  lines      \(linesIn) in, \(linesOut) out (\(Self.percent(linesOut, of: linesIn)))")
        lines.append("  bytes      \(bytesIn) in, \(bytesOut) out (\(Self.percent(bytesOut, of: bytesIn)))")
        lines.append("  time       \(Self.fixed(seconds, decimals: 3)) s, \(Self.throughput(bytesIn, seconds: seconds))")
        let ranked = ruleHits
        lines.append("  hits per rule (lines removed or protected; fragments for strip):\(ranked.isEmpty ? " none" : "")")
        let idWidth = ranked.map(\.rule.id.count).max() ?? 0
        let countWidth = max(6, String(ranked.first?.hits ?? 0).count)
        for (rule, count) in ranked {
            let number = String(count)
            lines.append("  " + String(repeating: " ", count: countWidth - number.count) + number + "  " + rule.id
                         + String(repeating: " ", count: idWidth - rule.id.count) + "  " + rule.action.rawValue)
        }
        let slowest = ruleNanoseconds.indices.filter { ruleNanoseconds[$0] > 0 }
            .sorted { ruleNanoseconds[$0] > ruleNanoseconds[$1] }.prefix(10)
        if !slowest.isEmpty {
            lines.append("  slowest rules:")
            for index in slowest {
                let seconds = Self.fixed(Double(ruleNanoseconds[index]) / 1e9, decimals: 3)
                lines.append("    \(seconds) s  \(rules[index].id)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The final JSON Lines record of `--format jsonl --stats` (text input only):
    ///
    ///     {"type":"summary","documents":2,"in":{"lines":282,"bytes":11032},"out":{"lines":76,"bytes":5565},
    ///      "seconds":0.0041,"bytes_per_second":2690732,
    ///      "hits":[{"rule":"structure/article-end","action":"cut","count":27}, …]}
    ///
    /// The record is documented for users in `JSON-FORMATS.md` beside this
    /// file ("The summary record"); keep the two in step.
    public func writeSummary(seconds: Double, into json: inout JSONWriter) {
        json.beginObject()
        json.key("type"); json.string("summary")
        json.key("documents"); json.number(documents)
        json.key("in"); json.beginObject()
        json.key("lines"); json.number(linesIn)
        json.key("bytes"); json.number(bytesIn)
        json.endObject()
        json.key("out"); json.beginObject()
        json.key("lines"); json.number(linesOut)
        json.key("bytes"); json.number(bytesOut)
        json.endObject()
        json.key("seconds"); json.number(seconds)
        json.key("bytes_per_second"); json.number(seconds > 0 ? Int((Double(bytesIn) / seconds).rounded()) : 0)
        json.key("hits"); json.beginArray()
        for (rule, count) in ruleHits {
            json.beginObject()
            json.key("rule"); json.string(rule.id)
            json.key("action"); json.string(rule.action.rawValue)
            json.key("count"); json.number(count)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// Bytes per second in MB/s (10^6 bytes), or kB/s below 1 MB/s.
    static func throughput(_ bytes: Int, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(bytes) / seconds : 0
        return rate >= 1e6 ? fixed(rate / 1e6, decimals: 1) + " MB/s" : fixed(rate / 1e3, decimals: 1) + " kB/s"
    }

    /// `part` as a percentage of `whole`, one decimal: `60.0%`.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole > 0 ? fixed(Double(part) * 100 / Double(whole), decimals: 1) + "%" : "-"
    }

    /// A non-negative number with a fixed count of decimals, without Foundation's formatter.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((max(0, value) * Double(scale)).rounded())
        guard decimals > 0 else { return String(scaled) }
        let fraction = String(scaled % scale)
        return "\(scaled / scale)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
