/// One problem found in a rule file, printed as
/// `file:line:col: severity: message [rule-id]`.
public struct Diagnostic: Sendable, Hashable, Error {
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// Worth knowing, never a failure: what a measurement of time suggests,
        /// which a loaded machine can make up (`winnow lint --strict` ignores notes).
        case note
        case warning, error

        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The qualified id of the rule concerned, when there is one.
    public var ruleID: String?
    /// A short name for the kind of problem (`regex`, `unknown-key`, `dead-rule`…), for tools.
    public var code: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String,
                rule ruleID: String? = nil, code: String) {
        self.severity = severity
        self.location = location
        self.message = message
        self.ruleID = ruleID
        self.code = code
    }

    public static func error(at location: SourceLocation, _ message: String, rule: String? = nil,
                             code: String) -> Diagnostic {
        Diagnostic(.error, at: location, message, rule: rule, code: code)
    }
}

extension Diagnostic: CustomStringConvertible {
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let ruleID { text += " [\(ruleID)]" }
        return text
    }
}

/// Every diagnostic from a load that failed, in file and line order.
public struct RuleLoadFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted { $0.location < $1.location } }
}
