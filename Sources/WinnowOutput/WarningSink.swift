import WinnowEngine
import WinnowRules

/// Warnings on stderr: a rule that hit a PCRE2 limit (the line is kept; at
/// most three warnings a rule, then a total at the end), and a record that
/// could not be read, with what happens to it.
public final class WarningSink: DocumentSink {
    private let rules: [Rule]
    private let out: OutputStream
    /// JSON Lines input names documents FILE:LINE, so a line of their text is called "text line N".
    private let recordInput: Bool
    private var limitWarnings: [String: Int] = [:]
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
            let place = recordInput ? "\(document.name): text line \(hit.line + 1)" : "\(document.name):\(hit.line + 1)"
            out.flush()
            StandardError.report("warning: \(place): rule \(rule) stopped: \(hit.message); the line is kept")
        }
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
    }
}
