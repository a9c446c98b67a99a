import ArgumentParser
import WinnowRules

/// The options that override the rule files' `RuleBudget` settings.
struct BudgetOptions: ParsableArguments {
    @Option(name: .customLong("rule-limit-hits"), help: ArgumentHelp(
        "Suspend a rule for the rest of a document once PCRE2 has stopped it at a limit on N lines of it. Default: 3, or the rule files' rule-limit-hits.",
        valueName: "N"))
    var limitHits: Int?

    @Option(name: .customLong("rule-time"), help: ArgumentHelp(
        "Suspend a rule for the rest of a document once it has run MS milliseconds on it, plus --rule-time-per-mb for each MB. Default: 100, or rule-time-ms.",
        valueName: "MS"))
    var milliseconds: Int?

    @Option(name: .customLong("rule-time-per-mb"), help: ArgumentHelp(
        "The time a rule may take for each MB of a document, on top of --rule-time. Default: 250, or rule-time-ms-per-mb.",
        valueName: "MS"))
    var millisecondsPerMB: Int?

    func validate() throws {
        for (name, value) in [("--rule-limit-hits", limitHits), ("--rule-time", milliseconds),
                              ("--rule-time-per-mb", millisecondsPerMB)] {
            if let value, value < 1 { throw ValidationError("\(name) needs a whole number, 1 or more") }
        }
    }

    /// `settings` with the options given on the command line in place of the file settings.
    func budget(over settings: RuleBudget) -> RuleBudget {
        var budget = settings
        if let limitHits { budget.limitHits = limitHits }
        if let milliseconds { budget.milliseconds = milliseconds }
        if let millisecondsPerMB { budget.millisecondsPerMB = millisecondsPerMB }
        return budget
    }
}
