import PCRE2

/// What makes a rule file a site pack: the site it describes and how to
/// recognise that site's pages.
///
/// A pack applies to a document when `detect` matches its text, when the
/// document's URL host is one of `hosts` (or a subdomain), or when the user
/// names it with `--site`.
public struct SitePack: @unchecked Sendable {
    /// The site's main host, e.g. `livemint.com`.
    public var name: String
    public var hosts: [String]
    /// Tested on the whole document, multi-line.
    public var detect: Pattern?
    /// Where each part of `detect.pattern` is written.
    public var detectOrigin: PatternOrigin
    public var location: SourceLocation

    public init(name: String, hosts: [String], detect: Pattern?, location: SourceLocation,
                detectOrigin: PatternOrigin? = nil) {
        self.name = name
        self.hosts = hosts
        self.detect = detect
        self.location = location
        self.detectOrigin = detectOrigin ?? PatternOrigin(at: location)
    }

    /// Whether `host` is one of the pack's hosts or a subdomain of one.
    public func covers(host: String) -> Bool {
        let host = host.lowercased()
        return hosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }
}
