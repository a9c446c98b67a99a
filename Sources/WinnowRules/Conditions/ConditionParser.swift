import PCRE2
import Yams

/// What a condition's parser may use: the rule file's typed readers, which
/// report problems at the node's `file:line:col`, and the regex compiler.
struct ConditionParser {
    let file: RuleFileParser
    let rule: String
    /// The rule's compile options; conditions always look at single lines.
    let options: CompileOptions
    /// Whether these conditions sit inside a neighbour (`prev:`…).
    let nested: Bool

    func bool(_ node: Node, key: String) -> Bool? { file.bool(node, key: key, rule: rule) }
    func nonNegativeInt(_ node: Node, key: String) -> Int? { file.nonNegativeInt(node, key: key, rule: rule) }
    func positiveInt(_ node: Node, key: String) -> Int? { file.positiveInt(node, key: key, rule: rule) }
    func fraction(_ node: Node, key: String) -> Double? { file.fractionValue(node, key: key, rule: rule) }
    func string(_ node: Node, key: String) -> String? { file.string(node, key: key, rule: rule) }
    func stringList(_ node: Node, key: String) -> [String] { file.stringList(node, key: key, rule: rule) }

    /// A nested mapping with only `allowed` keys, or nil (reported) when the value is no mapping.
    func mapping(_ node: Node, key: String, allowed: Set<String>) -> Node.Mapping? {
        guard let map = file.mapping(node, what: "'\(key)'", rule: rule) else { return nil }
        file.checkKeys(map, allowed: allowed, what: key, rule: rule)
        return map
    }

    /// Compiles a regex value written under `key` (a string or a list of strings), for a single line.
    func pattern(_ node: Node, key: String) -> ConditionPattern? {
        guard let compiled = file.compile(node, options: options.subtracting(.multiline), key: key, rule: rule)
        else { return nil }
        return ConditionPattern(key: key, pattern: compiled.pattern, origin: compiled.origin)
    }

    /// The conditions of a neighbour's mapping.
    func neighbourConditions(_ node: Node) -> LineConditions {
        LineConditions.parse(node, with: ConditionParser(file: file, rule: rule, options: options, nested: true))
    }

    func fail(at node: Node, _ message: String, code: String) {
        file.fail(at: node, message, rule: rule, code: code)
    }
}
