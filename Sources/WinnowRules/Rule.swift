import PCRE2

/// One rule from a rule file: a regex, what to do with what it matches, and
/// the examples that prove it.
public struct Rule: @unchecked Sendable {
    /// How a line is presented to a line-scope regex.
    public enum Subject: String, Sendable, Hashable, CaseIterable {
        /// Leading whitespace and one list bullet removed, trailing whitespace removed.
        case trimmed
        /// The line as it is, without its line terminator.
        case raw
    }

    /// The qualified id: the file's path under its rules directory, without
    /// extension, then `/`, then the id written in the file (`ads/label`).
    public var id: String
    public var description: String
    public var regex: Pattern
    /// Where each part of `regex.pattern` is written (list items, `words:` items).
    public var regexOrigin: PatternOrigin
    public var action: RuleAction
    public var scope: RuleScope
    public var subject: Subject
    public var conditions: LineConditions
    public var examples: [Example]
    /// Where the rule's mapping starts in its file.
    public var location: SourceLocation
    /// The site pack the rule belongs to, or nil for a generic rule.
    public var site: String?
    /// `keywords:` as written: literals one of which a line must hold for the regex to be tried.
    public var keywords: [String]?
    /// What a line must contain for the regex to have a chance: `keywords`
    /// when given, else what `RequiredLiterals` derives from the regex
    /// (worked out once, here, as the rule is made).
    public var requiredLiterals: RequiredLiterals?

    public init(id: String, description: String, regex: Pattern, action: RuleAction, scope: RuleScope,
                subject: Subject = .trimmed, conditions: LineConditions = LineConditions(),
                examples: [Example] = [], location: SourceLocation, site: String? = nil,
                regexOrigin: PatternOrigin? = nil, keywords: [String]? = nil) {
        self.id = id
        self.description = description
        self.regex = regex
        self.regexOrigin = regexOrigin ?? PatternOrigin(at: location)
        self.action = action
        self.scope = scope
        self.subject = subject
        self.conditions = conditions
        self.examples = examples
        self.location = location
        self.site = site
        self.keywords = keywords
        requiredLiterals = keywords.map { RequiredLiterals(keywords: $0) }
            ?? RequiredLiterals(pattern: regex.pattern, options: regex.options)
    }

    /// Context rules read other rules' verdicts (directly, or through the
    /// regions, which depend on which prose survives), so they run after the rest.
    public var isContextRule: Bool { conditions.readsVerdicts || conditions.readsRegions }
}
