import PCRE2
import WinnowEngine

/// One run of the filter: reads documents from a source, filters each with
/// the program, hands it to every sink, and says how the run ended. The
/// one loop every input and output format goes through.
///
///     let out = OutputStream(fileDescriptor: 1)
///     let session = Session(program: program, source: TextSource(paths: ["-"], separator: .formFeedLine),
///                           sinks: [TextSink(out: out)], out: out)
///     exit(session.run().rawValue)
///
/// Output is flushed after every document, so it flows while input arrives.
public final class Session {
    /// How a run ended, as winnow's exit status.
    public enum Status: Int32, Sendable {
        /// Every document was filtered.
        case success = 0
        /// Some JSON Lines records could not be read (and were handled as `--on-error` says).
        case unreadableRecords = 1
        /// An input could not be read, or the output could not be written.
        case error = 2
    }

    private let source: DocumentSource
    private let sinks: [DocumentSink]
    private let out: OutputStream
    private let onError: RecordErrorPolicy
    private let stream: DecidedStream

    /// - Parameters:
    ///   - sinks: receive every document, in this order.
    ///   - out: the output stream the sinks write to; the session flushes it and reports its failure.
    ///   - jobs: how many threads filter documents; output stays in input order whatever the number.
    ///   - measuresRules: time every rule, for `--stats`.
    ///   - onError: what happens to a JSON Lines record that cannot be read.
    public init(program: RuleProgram, source: DocumentSource, sinks: [DocumentSink], out: OutputStream, jobs: Int = 1,
                measuresRules: Bool = false, onError: RecordErrorPolicy = .pass, limits: MatchLimits = .default) {
        self.source = source
        self.sinks = sinks
        self.out = out
        self.onError = onError
        stream = DecidedStream(program: program, source: source, jobs: jobs, stopsAtUnreadable: onError == .fail,
                               measuresRules: measuresRules, limits: limits)
    }

    /// Runs to the end of input, reporting read and write errors on stderr.
    public func run() -> Status {
        let clock = ContinuousClock()
        let started = clock.now
        var readFailed = false
        var records = 0, unreadable = 0
        while let item = stream.next() {
            switch item {
            case .document(let document, let origin, let decisions):
                if case .record = origin { records += 1 }
                for sink in sinks { sink.write(document, decisions, origin: origin) }
            case .unreadable(let error, let raw):
                records += 1
                unreadable += 1
                for sink in sinks { sink.unreadable(error, raw: raw, policy: onError) }
            case .readError(let error):
                out.flush()
                StandardError.report("\(error)")
                readFailed = true
            }
            out.flush()
        }
        let summary = RunSummary(seconds: Session.seconds(clock.now - started), ruleNanoseconds: stream.ruleNanoseconds,
                                 records: source is RecordSource ? records : nil, unreadable: unreadable)
        for sink in sinks { sink.finish(summary) }
        out.flush()
        if let failure = out.failure {
            StandardError.report("cannot write output: \(failure)")
            return .error
        }
        if readFailed { return .error }
        if unreadable > 0 {
            StandardError.report("\(unreadable) of \(records) record\(records == 1 ? "" : "s") could not be read")
            return .unreadableRecords
        }
        return .success
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
