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

    private let program: RuleProgram
    private let scratch: Scratch
    private let source: DocumentSource
    private let sinks: [DocumentSink]
    private let out: OutputStream
    private let onError: RecordErrorPolicy

    /// - Parameters:
    ///   - sinks: receive every document, in this order.
    ///   - out: the output stream the sinks write to; the session flushes it and reports its failure.
    ///   - measuresRules: time every rule, for `--stats`.
    ///   - onError: what happens to a JSON Lines record that cannot be read.
    public init(program: RuleProgram, source: DocumentSource, sinks: [DocumentSink], out: OutputStream,
                measuresRules: Bool = false, onError: RecordErrorPolicy = .pass, limits: MatchLimits = .default) {
        self.program = program
        scratch = Scratch(program: program, limits: limits)
        scratch.measuresRules = measuresRules
        self.source = source
        self.sinks = sinks
        self.out = out
        self.onError = onError
    }

    /// Runs to the end of input, reporting read and write errors on stderr.
    public func run() -> Status {
        let clock = ContinuousClock()
        let started = clock.now
        var readFailed = false
        var records = 0, unreadable = 0
        reading: while true {
            let item: SourceItem?
            do {
                item = try source.next()
            } catch {
                out.flush()
                StandardError.report("\(error)")
                readFailed = true
                continue
            }
            switch item {
            case nil:
                break reading
            case .document(let document, let origin)?:
                if case .record = origin { records += 1 }
                let decisions = program.apply(to: document, using: scratch)
                for sink in sinks { sink.write(document, decisions, origin: origin) }
            case .unreadable(let error, let raw)?:
                records += 1
                unreadable += 1
                for sink in sinks { sink.unreadable(error, raw: raw, policy: onError) }
                if onError == .fail { break reading }
            }
            out.flush()
        }
        let summary = RunSummary(seconds: Session.seconds(clock.now - started), ruleNanoseconds: scratch.ruleNanoseconds,
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
