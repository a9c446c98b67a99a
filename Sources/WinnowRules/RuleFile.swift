/// A parsed rule file: generic rules of one category, or a site pack.
public struct RuleFile: Sendable {
    /// The path shown in messages.
    public var path: String
    /// The prefix of the file's rule ids: its path under the rules directory, without extension.
    public var qualifier: String
    public var description: String
    public var site: SitePack?
    public var rules: [Rule]

    public init(path: String, qualifier: String, description: String, site: SitePack?, rules: [Rule]) {
        self.path = path
        self.qualifier = qualifier
        self.description = description
        self.site = site
        self.rules = rules
    }
}
