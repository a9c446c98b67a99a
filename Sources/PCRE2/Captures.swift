/// The groups of one match, copied out of the match data, so they stay
/// valid whatever is matched next.
///
///     let pattern = try Pattern(#"^By (?<author>.+)$"#)
///     let line = Array("By Riya R Alex".utf8)
///     let found = try line.withUnsafeBufferPointer { try pattern.captures(in: $0, with: MatchData()) }
///     found?.whole                 // 0..<14
///     found?[pattern.group(named: "author")!]   // 3..<14
public struct Captures: Sendable, Hashable {
    /// The byte range of each group in the subject, 0 being the whole match;
    /// nil for a group that took no part in the match.
    public let groups: [Range<Int>?]

    public init(groups: [Range<Int>?]) { self.groups = groups }

    /// The whole match.
    public var whole: Range<Int> { groups[0]! }

    /// Group `index`, or nil when it took no part or does not exist.
    public subscript(index: Int) -> Range<Int>? {
        index >= 0 && index < groups.count ? groups[index] : nil
    }
}
