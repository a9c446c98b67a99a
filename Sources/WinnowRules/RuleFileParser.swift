import PCRE2
import Yams

/// Turns the YAML of one rule file into a `RuleFile`, collecting every
/// problem as a `Diagnostic` that points into the file instead of stopping
/// at the first.
final class RuleFileParser {
    private let source: RuleSource
    private let locator: ScalarLocator
    private let assembler: PatternAssembler
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each id of this file was first defined, to report duplicates.
    private var seenIDs: [String: SourceLocation] = [:]
    /// `settings:` of this file, with where each key was set.
    private(set) var settings: [(key: String, value: Int, location: SourceLocation)] = []

    static let fileKeys: Set<String> = ["description", "site", "hosts", "detect", "defaults", "settings", "words",
                                       "rules"]
    static let ruleKeys: Set<String> = ["id", "description", "regex", "action", "scope", "subject", "caseless",
                                        "when", "keywords", "examples"]
    static let defaultKeys: Set<String> = ["action", "scope", "subject", "caseless"]
    static let exampleKeys: Set<String> = ["text", "before", "after", "result", "meta"]
    static let settingKeys = Set(DocumentSettings.keys.keys)

    init(source: RuleSource) {
        self.source = source
        locator = ScalarLocator(text: source.text, file: source.displayPath)
        assembler = PatternAssembler(locator: locator)
    }

    // MARK: - File

    func parse() -> RuleFile? {
        let root: Node?
        do {
            // The basic resolver leaves every scalar a string; the keys that take a number or a flag read it
            // with `PlainScalar`. (The default resolver runs several NSRegularExpressions on every scalar.)
            root = try Yams.compose(yaml: source.text, .basic)
        } catch let error as YamlError {
            report(yamlError: error)
            return nil
        } catch {
            fail(at: SourceLocation(file: source.displayPath, line: 1, column: 1), "\(error)", code: "yaml")
            return nil
        }
        guard let root else {
            fail(at: SourceLocation(file: source.displayPath, line: 1, column: 1),
                 "empty rule file: expected a mapping with a 'rules:' list", code: "schema")
            return nil
        }
        guard let top = mapping(root, what: "a rule file") else { return nil }
        checkKeys(top, allowed: Self.fileKeys, what: "rule file")
        // Before any regex, which may use the lists wherever they are written in the file.
        if let node = top["words"] {
            assembler.readWords(node)
            diagnostics += assembler.takeDiagnostics()
        }

        let description = top["description"].flatMap { string($0, key: "description") } ?? ""
        let site = parseSite(top)
        let defaults = parseDefaults(top["defaults"])
        if let node = top["settings"] { parseSettings(node) }

        var rules: [Rule] = []
        if let list = top["rules"] {
            guard case .sequence(let items) = list else {
                fail(at: list, "'rules' must be a list of rules", code: "type")
                return nil
            }
            for item in items {
                if let rule = parseRule(item, defaults: defaults, site: site?.name) { rules.append(rule) }
            }
        } else {
            fail(at: locator.location(of: root.mark), "missing 'rules:' list", code: "schema")
        }
        diagnostics += assembler.unusedWordWarnings()
        return RuleFile(path: source.displayPath, qualifier: source.qualifier, description: description,
                        site: site, rules: rules)
    }

    private func parseSite(_ top: Node.Mapping) -> SitePack? {
        guard let siteNode = top["site"] else {
            for key in ["hosts", "detect"] where top[key] != nil {
                fail(at: top[key]!, "'\(key)' is only for site packs; add 'site: HOST'", code: "schema")
            }
            return nil
        }
        guard let name = string(siteNode, key: "site")?.lowercased() else { return nil }
        var hosts = [name]
        if let node = top["hosts"] { hosts = stringList(node, key: "hosts").map { $0.lowercased() } }
        var detect: (pattern: Pattern, origin: PatternOrigin)?
        if let node = top["detect"] {
            detect = compile(node, options: [.unicode, .multiline], key: "detect", rule: nil)
        }
        return SitePack(name: name, hosts: hosts, detect: detect?.pattern, location: locator.location(of: siteNode.mark),
                        detectOrigin: detect?.origin)
    }

    private struct Defaults {
        var action: RuleAction?
        var scope: RuleScope = .line
        var subject: Rule.Subject = .trimmed
        var caseless = false
    }

    private func parseDefaults(_ node: Node?) -> Defaults {
        var defaults = Defaults()
        guard let node, let map = mapping(node, what: "'defaults'") else { return defaults }
        checkKeys(map, allowed: Self.defaultKeys, what: "defaults")
        if let value = map["action"] { defaults.action = enumValue(value, key: "action") }
        if let value = map["scope"], let scope: RuleScope = enumValue(value, key: "scope") { defaults.scope = scope }
        if let value = map["subject"], let subject: Rule.Subject = enumValue(value, key: "subject") {
            defaults.subject = subject
        }
        if let value = map["caseless"], let flag = bool(value, key: "caseless") { defaults.caseless = flag }
        return defaults
    }

    private func parseSettings(_ node: Node) {
        guard let map = mapping(node, what: "'settings'") else { return }
        checkKeys(map, allowed: Self.settingKeys, what: "settings")
        for (keyNode, value) in map {
            guard let key = keyNode.string, Self.settingKeys.contains(key),
                  let number = positiveInt(value, key: key) else { continue }
            settings.append((key, number, locator.location(of: value.mark)))
        }
    }

    // MARK: - Rule

    private func parseRule(_ node: Node, defaults: Defaults, site: String?) -> Rule? {
        guard let map = mapping(node, what: "a rule") else { return nil }
        let location = locator.location(of: map.mark)
        guard let idNode = map["id"], let name = string(idNode, key: "id") else {
            fail(at: location, "rule has no 'id'", code: "schema")
            return nil
        }
        let id = source.qualifier + "/" + name
        let errorsBefore = diagnostics.count
        if let first = seenIDs[id] {
            fail(at: idNode, "duplicate rule id; first defined at \(first)", rule: id, code: "duplicate-id")
        } else {
            seenIDs[id] = location
        }
        checkKeys(map, allowed: Self.ruleKeys, what: "rule", rule: id)
        if name.isEmpty || name.unicodeScalars.contains(where: { !Self.idCharacters.contains($0) }) {
            fail(at: idNode, "rule id may only use letters, digits, '-', '_' and '.'", rule: id, code: "schema")
        }

        let description = map["description"].flatMap { string($0, key: "description", rule: id) }
        if description == nil { fail(at: location, "rule has no 'description'", rule: id, code: "schema") }
        var action = defaults.action
        if let value = map["action"] { action = enumValue(value, key: "action", rule: id) }
        if action == nil, map["action"] == nil {
            fail(at: location, "rule has no 'action' (and the file sets no default)", rule: id, code: "schema")
        }
        var scope = defaults.scope
        if let value = map["scope"], let parsed: RuleScope = enumValue(value, key: "scope", rule: id) { scope = parsed }
        var subject = defaults.subject
        if let value = map["subject"], let parsed: Rule.Subject = enumValue(value, key: "subject", rule: id) {
            subject = parsed
        }
        var caseless = defaults.caseless
        if let value = map["caseless"], let flag = bool(value, key: "caseless", rule: id) { caseless = flag }

        var options: CompileOptions = .unicode
        if caseless { options.insert(.caseless) }
        if scope != .line { options.insert(.multiline) }
        var regex: (pattern: Pattern, origin: PatternOrigin)?
        if let node = map["regex"] {
            regex = compile(node, options: options, key: "regex", rule: id)
        } else {
            fail(at: location, "rule has no 'regex'", rule: id, code: "schema")
        }

        var conditions = LineConditions()
        if let node = map["when"] {
            conditions = LineConditions.parse(node, with: ConditionParser(file: self, rule: id, options: options,
                                                                          nested: false))
            if conditions.run != nil, scope != .line {
                fail(at: node, "'run' needs scope: line", rule: id, code: "schema")
            }
            if action == .cut, conditions.readsVerdicts {
                fail(at: node, "a cut rule runs before other rules and cannot read their verdicts"
                     + " ('dropped', 'dropped-nearby', 'prev-kept', 'next-kept')", rule: id, code: "schema")
            }
        }

        var keywords: [String]?
        if let node = map["keywords"] {
            let list = stringList(node, key: "keywords", rule: id)
            // An empty keyword is in every line, an empty list in none: both are mistakes.
            if case .sequence = node, list.isEmpty || list.contains(where: \.isEmpty) {
                fail(at: node, "'keywords' must be a list of non-empty strings", rule: id, code: "value")
            }
            keywords = list
        }

        let examples = map["examples"].map { parseExamples($0, rule: id) } ?? []
        guard diagnostics.count == errorsBefore, let regex, let action, let description else { return nil }
        return Rule(id: id, description: description, regex: regex.pattern, action: action, scope: scope,
                    subject: subject, conditions: conditions, examples: examples, location: location, site: site,
                    regexOrigin: regex.origin, keywords: keywords)
    }

    static let idCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".unicodeScalars)

    /// A regex value, wherever it is written (`regex`, `detect`, a condition's
    /// `unless`…): a string or a list of strings, with `{{words}}` expanded.
    func compile(_ node: Node, options: CompileOptions, key: String,
                         rule: String?) -> (pattern: Pattern, origin: PatternOrigin)? {
        let compiled = assembler.compile(node, options: options, key: key, rule: rule)
        diagnostics += assembler.takeDiagnostics()
        return compiled
    }

    // MARK: - Examples

    private func parseExamples(_ node: Node, rule: String) -> [Example] {
        guard let map = mapping(node, what: "'examples'", rule: rule) else { return [] }
        checkKeys(map, allowed: ["drop", "keep"], what: "examples", rule: rule)
        var examples: [Example] = []
        for (keyNode, value) in map {
            guard let key = keyNode.string, let expectation = Example.Expectation(rawValue: key) else { continue }
            guard case .sequence(let items) = value else {
                fail(at: value, "'\(key)' must be a list of examples", rule: rule, code: "type")
                continue
            }
            for item in items {
                if let example = parseExample(item, expectation: expectation, rule: rule) { examples.append(example) }
            }
        }
        return examples
    }

    private func parseExample(_ node: Node, expectation: Example.Expectation, rule: String) -> Example? {
        let location = locator.location(of: node.mark)
        if let scalar = node.scalar {
            return Example(expectation, text: scalar.string, location: location)
        }
        guard let map = mapping(node, what: "an example", rule: rule) else { return nil }
        checkKeys(map, allowed: Self.exampleKeys, what: "example", rule: rule)
        guard let text = map["text"].flatMap({ string($0, key: "text", rule: rule) }) else {
            fail(at: location, "example has no 'text'", rule: rule, code: "schema")
            return nil
        }
        var meta: [String: [String]]?
        if let node = map["meta"], let fields = mapping(node, what: "'meta'", rule: rule) {
            meta = [:]
            for (key, value) in fields {
                guard let name = key.string else { continue }
                meta?[name] = value.scalar != nil ? [value.string ?? ""] : stringList(value, key: name, rule: rule)
            }
        }
        return Example(expectation, text: text,
                       before: map["before"].flatMap { string($0, key: "before", rule: rule) },
                       after: map["after"].flatMap { string($0, key: "after", rule: rule) },
                       result: map["result"].flatMap { string($0, key: "result", rule: rule) },
                       meta: meta, location: location)
    }

    // MARK: - Typed access (also for `ConditionParser`)

    func location(of node: Node) -> SourceLocation { locator.location(of: node.mark) }

    func mapping(_ node: Node, what: String, rule: String? = nil) -> Node.Mapping? {
        if case .mapping(let map) = node { return map }
        fail(at: node, "expected \(what) to be a mapping of keys", rule: rule, code: "type")
        return nil
    }

    func checkKeys(_ map: Node.Mapping, allowed: Set<String>, what: String, rule: String? = nil) {
        for key in map.keys {
            guard let name = key.string else { continue }
            if !allowed.contains(name) {
                let hint = Self.closest(to: name, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                fail(at: key, "unknown \(what) key '\(name)'\(hint)", rule: rule, code: "unknown-key")
            }
        }
    }

    func string(_ node: Node, key: String, rule: String? = nil) -> String? {
        // A plain `~`, `null` or nothing at all is YAML's null, not a string.
        if let scalar = node.scalar, !PlainScalar(scalar).isNull {
            return scalar.string
        }
        fail(at: node, "'\(key)' must be a string", rule: rule, code: "type")
        return nil
    }

    func stringList(_ node: Node, key: String, rule: String? = nil) -> [String] {
        guard case .sequence(let items) = node else {
            fail(at: node, "'\(key)' must be a list of strings", rule: rule, code: "type")
            return []
        }
        return items.compactMap { string($0, key: key, rule: rule) }
    }

    func bool(_ node: Node, key: String, rule: String? = nil) -> Bool? {
        if let scalar = node.scalar, let value = PlainScalar(scalar).bool { return value }
        fail(at: node, "'\(key)' must be true or false", rule: rule, code: "type")
        return nil
    }

    func nonNegativeInt(_ node: Node, key: String, rule: String? = nil) -> Int? {
        if let scalar = node.scalar, let value = PlainScalar(scalar).int, value >= 0 { return value }
        fail(at: node, "'\(key)' must be a whole number, 0 or more", rule: rule, code: "type")
        return nil
    }

    func positiveInt(_ node: Node, key: String, rule: String? = nil) -> Int? {
        if let scalar = node.scalar, let value = PlainScalar(scalar).int, value >= 1 { return value }
        fail(at: node, "'\(key)' must be a whole number, 1 or more", rule: rule, code: "type")
        return nil
    }

    func fractionValue(_ node: Node, key: String, rule: String? = nil) -> Double? {
        if let scalar = node.scalar, let value = PlainScalar(scalar).number, value >= 0, value <= 1 { return value }
        fail(at: node, "'\(key)' must be a number from 0 to 1", rule: rule, code: "type")
        return nil
    }

    private func enumValue<T: RawRepresentable & CaseIterable>(_ node: Node, key: String,
                                                                rule: String? = nil) -> T? where T.RawValue == String {
        let choices = T.allCases.map(\.rawValue)
        if let scalar = node.scalar, let value = T(rawValue: scalar.string) { return value }
        let shown = node.scalar?.string ?? "a non-string"
        fail(at: node, "'\(key)' must be one of \(choices.joined(separator: ", ")), not '\(shown)'", rule: rule,
             code: "value")
        return nil
    }

    // MARK: - Reporting

    func fail(at node: Node, _ message: String, rule: String? = nil, code: String) {
        fail(at: locator.location(of: node.mark), message, rule: rule, code: code)
    }

    private func fail(at location: SourceLocation, _ message: String, rule: String? = nil, code: String) {
        diagnostics.append(.error(at: location, message, rule: rule, code: code))
    }

    private func report(yamlError error: YamlError) {
        let file = source.displayPath
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            fail(at: SourceLocation(file: file, line: mark.line, column: mark.column), "YAML: \(problem)", code: "yaml")
        case .duplicatedKeysInMapping(let duplicates, let context):
            fail(at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                 "YAML: duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in mapping",
                 code: "yaml")
        default:
            fail(at: SourceLocation(file: file, line: 1, column: 1), "YAML: \(error)", code: "yaml")
        }
    }

    /// The allowed key nearest to a misspelt one, for "did you mean".
    static func closest(to word: String, in candidates: Set<String>) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in 1...max(1, b.count) where !b.isEmpty {
                    let current = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = current
                }
            }
            return row[b.count]
        }
        let scored = candidates.map { ($0, distance(Array(word), Array($0))) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let (best, score) = scored, score <= max(2, word.count / 3) else { return nil }
        return best
    }
}
