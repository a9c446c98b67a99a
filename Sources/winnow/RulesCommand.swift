import ArgumentParser
import WinnowRules

/// `winnow rules`: list the rules a run would use.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, in the order they apply within each phase.",
        discussion: """
            Examples:
              winnow rules
                  Every rule: id, action, scope and description.
              winnow rules --rules ./my-rules --disable 'sites/*'
                  The set a run with these options would use.
              winnow rules --conditions
                  Each rule's 'when:' conditions too, as the rule set read them.
            """
    )

    @OptionGroup(title: "Rules") var ruleOptions: RuleOptions

    @Flag(name: .customLong("conditions"), help: "Show each rule's 'when:' conditions under it.")
    var showsConditions = false

    func run() throws {
        let set = try ruleOptions.load()
        var text = ""
        for file in set.files {
            let site = file.site.map { " (site pack: \($0.name))" } ?? ""
            text += "\(file.path)\(site)\n"
            for rule in file.rules {
                let padded = rule.id.padding(toLength: max(40, rule.id.count + 1), withPad: " ", startingAt: 0)
                text += "  \(padded) \(rule.action.rawValue)/\(rule.scope.rawValue)  \(rule.description)\n"
                if showsConditions, !rule.conditions.isEmpty {
                    text += "      when: {\(rule.conditions.items.map(\.written).joined(separator: ", "))}\n"
                }
            }
        }
        text += "\(set.rules.count) rules in \(set.files.count) files\n"
        try StandardOutput.write(text)
    }
}
