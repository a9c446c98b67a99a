/// A text a rule must drop or keep, from the rule's `examples:`.
///
/// The plain form is a string: the text under test. The long form adds
/// context lines, which the rule's conditions may read but which are not
/// themselves checked:
///
///     examples:
///       drop:
///         - Advertisement
///         - before: "The minister said the plan would take ten years to finish."
///           text: "Donald Trump"
///       keep:
///         - "(With inputs from AFP)"
///
/// For `strip`, `result` is the line as it must read afterwards; for
/// `extract`, `meta` lists the fields the rule must record.
public struct Example: Sendable, Hashable {
    public enum Expectation: String, Sendable, Hashable { case drop, keep }

    public var expectation: Expectation
    public var before: String?
    public var text: String
    public var after: String?
    public var result: String?
    public var meta: [String: [String]]?
    public var location: SourceLocation

    public init(_ expectation: Expectation, text: String, before: String? = nil, after: String? = nil,
                result: String? = nil, meta: [String: [String]]? = nil, location: SourceLocation) {
        self.expectation = expectation
        self.text = text
        self.before = before
        self.after = after
        self.result = result
        self.meta = meta
        self.location = location
    }

    /// The example as a document, and the 0-based range of its lines that are under test.
    public var document: (text: String, testedLines: Range<Int>) {
        func lines(_ part: String?) -> [Substring] {
            guard var part, !part.isEmpty else { return [] }
            if part.hasSuffix("\n") { part.removeLast() }
            return part.split(separator: "\n", omittingEmptySubsequences: false)
        }
        let head = lines(before), body = lines(text), tail = lines(after)
        let all = head + body + tail
        return (all.joined(separator: "\n") + "\n", head.count..<(head.count + body.count))
    }
}
