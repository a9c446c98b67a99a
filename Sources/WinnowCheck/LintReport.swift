import Foundation
import WinnowRules

/// The findings of `winnow lint`, and how the command prints them.
public struct LintReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    /// Sorted by file, line and column.
    public var findings: [Diagnostic]
    public var files: Int
    public var rules: Int
    public var samples: Int
    public var time: Duration
    /// Of `time`, what the backtracking check and probe took.
    public var backtrackingTime: Duration

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    public var notes: Int { findings.filter { $0.severity == .note }.count }

    /// 1 for any error, or for any warning under `--strict`; else 0.
    public func exitStatus(strict: Bool) -> Int32 {
        errors > 0 || (strict && warnings > 0) ? 1 : 0
    }

    /// One finding a line: `file:line:col: severity: message [rule-id]`.
    public var text: String {
        findings.map { "\($0)\n" }.joined()
    }

    /// The findings as one JSON array, one object a line:
    ///
    ///     [
    ///     {"code":"backtracking","column":12,"file":"my-rules/ads.yml","line":9,"message":"regex at offset 0: …","rule":"ads/promo","severity":"error"}
    ///     ]
    ///
    /// Every object has the same keys, in this (alphabetical) order:
    /// `code` (the kind of problem, see `Linter`), `column` and `line`
    /// (1-based; columns count Unicode scalars), `file`, `message`, `rule`
    /// (the qualified rule id, or null) and `severity` (`error`, `warning` or `note`).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = findings.compactMap { finding -> String? in
            guard let data = try? encoder.encode(JSONFinding(finding)) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
        return lines.isEmpty ? "[]\n" : "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }

    /// `lint: 12 rule files, 61 rules, 11 samples: 0 errors, 2 warnings (0.9 s)`.
    public var summary: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "lint: \(plural(files, "rule file")), \(plural(rules, "rule")), \(plural(samples, "sample")): "
            + "\(plural(errors, "error")), \(plural(warnings, "warning"))" + (notes > 0 ? ", \(plural(notes, "note"))" : "")
            + " (\(Self.seconds(time)) s, of which backtracking checks \(Self.seconds(backtrackingTime)) s)"
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    /// The JSON shape of one finding; `rule` is always present, null when there is none.
    private struct JSONFinding: Encodable {
        var finding: Diagnostic

        init(_ finding: Diagnostic) { self.finding = finding }

        enum CodingKeys: String, CodingKey { case file, line, column, severity, code, message, rule }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(finding.location.file, forKey: .file)
            try container.encode(finding.location.line, forKey: .line)
            try container.encode(finding.location.column, forKey: .column)
            try container.encode(finding.severity.rawValue, forKey: .severity)
            try container.encode(finding.code, forKey: .code)
            try container.encode(finding.message, forKey: .message)
            try container.encode(finding.ruleID, forKey: .rule)
        }
    }
}
