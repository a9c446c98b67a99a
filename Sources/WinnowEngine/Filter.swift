import PCRE2
import WinnowRules

/// A program paired with one thread's scratch: the short way to filter on
/// a single thread (checks, tests, tools). Several threads share one
/// `RuleProgram` and bring a `Scratch` each instead.
///
///     let filter = Filter(RuleProgram(ruleSet: rules))
///     let decisions = filter.apply(to: Document(bytes: page))
public struct Filter {
    public let program: RuleProgram
    public let scratch: Scratch

    public init(_ program: RuleProgram, limits: MatchLimits = .default) {
        self.program = program
        scratch = Scratch(program: program, limits: limits)
    }

    /// The rules, in load order; `Decisions` refer to them by index.
    public var rules: [Rule] { program.rules }

    public func apply(to document: Document) -> Decisions { program.apply(to: document, using: scratch) }
}
