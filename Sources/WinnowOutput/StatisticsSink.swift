import WinnowEngine
import WinnowRules

/// `--stats`: adds up every document (`RunStatistics`) and reports at the
/// end, as text on stderr or as a final JSON Lines summary record on stdout.
public final class StatisticsSink: DocumentSink {
    public enum Destination {
        /// The text report, on stderr.
        case standardError
        /// A `"type":"summary"` record after the document records.
        case summaryRecord(OutputStream)
    }

    private var statistics: RunStatistics
    private let destination: Destination
    private let out: OutputStream

    /// - Parameter out: the document output, flushed before the report goes to stderr.
    public init(rules: [Rule], destination: Destination, out: OutputStream) {
        statistics = RunStatistics(rules: rules)
        self.destination = destination
        self.out = out
    }

    public func write(_ document: Document, _ decisions: Decisions, origin: DocumentOrigin) {
        statistics.add(document, decisions)
    }

    public func finish(_ run: RunSummary) {
        if let records = run.records {
            statistics.records = records
            statistics.malformed = run.unreadable
        }
        switch destination {
        case .summaryRecord(let out):
            var json = JSONWriter()
            statistics.writeSummary(seconds: run.seconds, into: &json)
            out.write(json.bytes)
            out.write(byte: 0x0A)
        case .standardError:
            out.flush()
            StandardError.write(statistics.text(seconds: run.seconds, ruleNanoseconds: run.ruleNanoseconds))
        }
    }
}
