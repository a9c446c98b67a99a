import WinnowEngine
import WinnowRules

/// Warnings on stderr: a rule that hit a PCRE2 limit on a line (it does not
/// act on that line), a rule suspended for the rest of a document after it
/// used up its budget, and a record that could not be read, with what
/// happens to it. At most three warnings of each kind a rule, then a total
/// at the end.
public final class WarningSink: DocumentSink {
    private let rules: [Rule]
    private let out: OutputStream
    /// JSON Lines input names documents FILE:LINE, so a line of their text is called "text line N".
    private let recordInput: Bool
    private var limitWarnings: [String: Int] = [:]
    private var suspensionWarnings: [String: Int] = [:]
    /// Warnings for one rule before they are only counted.
    static let shownPerRule = 3

    /// - Parameter out: the document output, flushed before each warning so the two stay in order.
    public init(rules: [Rule], out: OutputStream, recordInput: Bool) {
        self.rules = rules
        self.out = out
        self.recordInput = recordInput
    }

    public func write(_ document: Document, _ decisions: Decisions, origin: DocumentOrigin) {
        for hit in decisions.limitHits {
            let rule = rules[hit.rule].id
            limitWarnings[rule, default: 0] += 1
            guard limitWarnings[rule]! <= Self.shownPerRule else { continue }
            out.flush()
            StandardError.report("warning: \(place(document, hit.line)): rule \(rule) stopped: \(hit.message); "
                                 + "it does not act on this line")
        }
        for suspension in decisions.suspensions {
            let rule = rules[suspension.rule].id
            suspensionWarnings[rule, default: 0] += 1
            guard suspensionWarnings[rule]! <= Self.shownPerRule else { continue }
            let why = switch suspension.reason {
            case .limitHits(let count): "it hit a PCRE2 limit on \(count) lines"
            case .time(let nanoseconds): "it ran \(nanoseconds / 1_000_000) ms, over its time budget"
            }
            out.flush()
            StandardError.report("warning: \(place(document, suspension.line)): rule \(rule) is suspended for the rest "
                                 + "of the document: \(why); it acts on no later line")
        }
    }

    private func place(_ document: Document, _ line: Int) -> String {
        recordInput ? "\(document.name): text line \(line + 1)" : "\(document.name):\(line + 1)"
    }

    public func unreadable(_ error: RecordError, raw: [UInt8], policy: RecordErrorPolicy) {
        let consequence = switch policy {
        case .pass: "the record is passed through unchanged"
        case .skip: "the record is skipped"
        case .fail: "stopping (--on-error fail)"
        }
        out.flush()
        StandardError.report("\(error); \(consequence)")
    }

    public func finish(_ run: RunSummary) {
        out.flush()
        for (rule, count) in limitWarnings.sorted(by: { $0.key < $1.key }) where count > Self.shownPerRule {
            StandardError.report("warning: rule \(rule) hit a PCRE2 limit on \(count) lines in all")
        }
        for (rule, count) in suspensionWarnings.sorted(by: { $0.key < $1.key }) where count > Self.shownPerRule {
            StandardError.report("warning: rule \(rule) was suspended in \(count) documents in all")
        }
    }
}
