import WinnowEngine

/// Receives each document with what the filter decided about it: the one
/// seam every output format, report and observer goes through.
///
///     let session = Session(program: program, source: source,
///                           sinks: [TextSink(out: out), StatisticsSink(…)])
///
/// Conformances: `TextSink` (clean text), `ExplainSink` (`--explain`),
/// `JSONDocumentSink` (`--format jsonl` on page text), `RecordSink` (JSON
/// Lines records spliced from the input ones), `StatisticsSink` (`--stats`)
/// and `WarningSink` (limit hits and unreadable records, on stderr).
public protocol DocumentSink: AnyObject {
    /// One filtered document.
    func write(_ document: Document, _ decisions: Decisions, origin: DocumentOrigin)
    /// A record that could not be read, as `policy` says to handle it.
    func unreadable(_ error: RecordError, raw: [UInt8], policy: RecordErrorPolicy)
    /// The run is over.
    func finish(_ run: RunSummary)
}

extension DocumentSink {
    public func unreadable(_ error: RecordError, raw: [UInt8], policy: RecordErrorPolicy) {}
    public func finish(_ run: RunSummary) {}
}

/// What a finished run adds up to, for the sinks that report on it.
public struct RunSummary {
    /// Wall time from start to the end of input.
    public var seconds: Double
    /// Time spent in each rule, by rule index (all zero unless measured).
    public var ruleNanoseconds: [UInt64]
    /// JSON Lines input: records read, readable or not; nil for page text.
    public var records: Int?
    /// Records that could not be read.
    public var unreadable: Int

    public init(seconds: Double, ruleNanoseconds: [UInt64], records: Int?, unreadable: Int) {
        self.seconds = seconds
        self.ruleNanoseconds = ruleNanoseconds
        self.records = records
        self.unreadable = unreadable
    }
}
