import PCRE2
import WinnowEngine
import WinnowRules

/// Runs YAML rule files over a text and reads back what the filter decided.
///
///     let run = try Fixture(["t.yml": "defaults: {action: drop}\nrules: [...]"]).run("Ad\nText\n")
///     run.kept          // ["Text"]
///     run.droppedBy(0)  // "t/ad"
struct Fixture {
    let ruleSet: RuleSet

    /// - Parameter files: rule files by relative path (`ads.yml`, `sites/x.com.yml`), loaded in path order.
    init(_ files: [String: String]) throws {
        let sources = files.keys.sorted().map {
            RuleSource(displayPath: "test/" + $0, relativePath: $0, text: files[$0]!)
        }
        ruleSet = try RuleSet.load(sources)
    }

    /// One file `t.yml` with `defaults` and the given rules (YAML list items, indented by two spaces).
    init(defaults: String = "action: drop", settings: String? = nil, rules: String) throws {
        var text = "description: test rules\ndefaults: {\(defaults)}\n"
        if let settings { text += "settings: {\(settings)}\n" }
        text += "rules:\n" + rules
        try self.init(["t.yml": text])
    }

    func run(_ text: String, name: String = "doc", host: String? = nil, sites: [String] = [],
             limits: MatchLimits = .default, first: String? = nil) -> Run {
        run(bytes: Array(text.utf8), name: name, host: host, sites: sites, limits: limits, first: first)
    }

    func run(bytes: [UInt8], name: String = "doc", host: String? = nil, sites: [String] = [],
             limits: MatchLimits = .default, first: String? = nil) -> Run {
        var program = RuleProgram(ruleSet: ruleSet, sites: sites)
        if let first { program = program.runningFirst(first) }
        let filter = Filter(program, limits: limits)
        let document = Document(bytes: bytes, name: name, host: host)
        return Run(document: document, decisions: filter.apply(to: document))
    }
}
