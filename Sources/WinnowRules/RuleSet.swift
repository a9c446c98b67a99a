import Foundation

/// Every rule winnow applies, in load order, with the site packs that gate some of them.
///
///     let set = try RuleSet.load(try RuleSource.directory("rules"))
///         .disabling(["ads/label"])
///
/// Load order is the order of the sources (files sorted by path within each
/// directory, directories in the order given), then the order of rules in
/// each file. The engine applies rules by phase and, within a phase, in this
/// order (see `README.md`, "The order in which rules apply").
public struct RuleSet: Sendable {
    public private(set) var files: [RuleFile]
    public private(set) var settings: DocumentSettings
    /// Problems that do not stop a run, such as a rule without examples.
    public private(set) var warnings: [Diagnostic]

    public init(files: [RuleFile], settings: DocumentSettings = DocumentSettings(), warnings: [Diagnostic] = []) {
        self.files = files
        self.settings = settings
        self.warnings = warnings
    }

    /// All rules, in load order.
    public var rules: [Rule] { files.flatMap(\.rules) }

    /// The site packs, in load order.
    public var sitePacks: [SitePack] { files.compactMap(\.site) }

    /// The rule with this qualified id.
    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// Parses every source and reports every problem in every file at once.
    ///
    /// - Throws: `RuleLoadFailure` listing each error as `file:line:col`.
    public static func load(_ sources: [RuleSource]) throws(RuleLoadFailure) -> RuleSet {
        let (set, diagnostics) = loadPartially(sources)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw RuleLoadFailure(errors) }
        return set
    }

    /// Parses every source, keeping every rule that loads and reporting the
    /// rest, for tools such as `winnow lint` that check what they can.
    ///
    ///     let (set, problems) = RuleSet.loadPartially(sources)
    ///     // `set` has every good rule; `problems` every error and warning
    public static func loadPartially(_ sources: [RuleSource]) -> (set: RuleSet, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var files: [RuleFile] = []
        var settings = DocumentSettings()
        var settingOrigins: [String: (value: Int, location: SourceLocation)] = [:]
        var ruleOrigins: [String: SourceLocation] = [:]
        var siteOrigins: [String: SourceLocation] = [:]

        for (file, fileDiagnostics, fileSettings) in parseConcurrently(sources) {
            diagnostics += fileDiagnostics
            for (key, value, location) in fileSettings {
                if let earlier = settingOrigins[key], earlier.value != value {
                    diagnostics.append(.error(at: location,
                                              "setting '\(key)' is \(earlier.value) at \(earlier.location); "
                                                  + "two files may not disagree", code: "settings"))
                    continue
                }
                settingOrigins[key] = (value, location)
                if let path = DocumentSettings.keys[key] { settings[keyPath: path] = value }
            }
            guard var file else { continue }
            file.rules = file.rules.filter { rule in
                if let first = ruleOrigins[rule.id] {
                    diagnostics.append(.error(at: rule.location, "duplicate rule id; first defined at \(first)",
                                              rule: rule.id, code: "duplicate-id"))
                    return false
                }
                ruleOrigins[rule.id] = rule.location
                return true
            }
            if let site = file.site {
                if let first = siteOrigins[site.name] {
                    diagnostics.append(.error(at: site.location, "site pack '\(site.name)' is already defined at \(first)",
                                              code: "duplicate-id"))
                    continue
                }
                siteOrigins[site.name] = site.location
            }
            files.append(file)
        }
        let warnings = diagnostics.filter { $0.severity == .warning }
        return (RuleSet(files: files, settings: settings, warnings: warnings), diagnostics)
    }

    /// What parsing one file gave: the file (nil when it failed), its diagnostics and its settings.
    private typealias ParsedFile = (file: RuleFile?, diagnostics: [Diagnostic],
                                    settings: [(key: String, value: Int, location: SourceLocation)])

    /// Parses the files on all cores, in the order given: files know nothing
    /// of each other until they are merged, and parsing (YAML, patterns and
    /// their literals) is most of what a run on one page costs.
    private static func parseConcurrently(_ sources: [RuleSource]) -> [ParsedFile] {
        let results = UnsafeMutableBufferPointer<ParsedFile?>.allocate(capacity: sources.count)
        results.initialize(repeating: nil)
        defer { results.deinitialize().deallocate() }
        let slots = SendableSlots(base: results)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            let parser = RuleFileParser(source: sources[index])
            let file = parser.parse()
            slots.base[index] = (file, parser.diagnostics, parser.settings)
        }
        return results.map { $0! }
    }

    /// Each iteration writes only its own slot.
    private struct SendableSlots: @unchecked Sendable {
        let base: UnsafeMutableBufferPointer<ParsedFile?>
    }

    /// The set without the rules that `patterns` name.
    ///
    /// A pattern is a qualified rule id (`ads/label`), a file qualifier that
    /// turns off the whole file (`ads`, `sites/livemint.com`), or a shell glob
    /// over ids (`sites/*`).
    ///
    /// - Throws: `UnknownRulePattern` for a pattern that names no rule, so a
    ///   typo does not pass silently.
    public func disabling(_ patterns: [String]) throws(UnknownRulePattern) -> RuleSet {
        guard !patterns.isEmpty else { return self }
        let all = rules
        for pattern in patterns where !all.contains(where: { RuleSet.pattern(pattern, names: $0) }) {
            throw UnknownRulePattern(pattern: pattern)
        }
        var copy = self
        copy.files = files.map { file in
            var file = file
            file.rules = file.rules.filter { rule in !patterns.contains { RuleSet.pattern($0, names: rule) } }
            return file
        }
        return copy
    }

    static func pattern(_ pattern: String, names rule: Rule) -> Bool {
        if rule.id == pattern || rule.id.hasPrefix(pattern + "/") { return true }
        return fnmatch(pattern, rule.id, 0) == 0
    }
}

/// A `--disable` pattern that matches no rule.
public struct UnknownRulePattern: Error, Sendable, CustomStringConvertible {
    public var pattern: String
    public var description: String { "--disable '\(pattern)' names no rule ('winnow rules' lists them)" }
}
