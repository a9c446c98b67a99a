import Foundation
import Testing

/// A user's rule file with a regex prone to runaway backtracking: winnow says
/// so when it loads the file (a warning, or with --strict-rules an error).
@Suite struct RiskyRegexTests {
    static let risky = """
        description: risky
        rules:
          - id: r
            description: d
            action: drop
            regex: '^(a+)+$'
            examples: {drop: [aaa]}

        """

    @Test func aRiskyUserRegexIsAWarningAndTheRunGoesOn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("mine/risky.yml", Self.risky)
        let result = try Binary.run(["--rules", "mine"], stdin: "aaa\nText.\n", in: scratch.url)
        #expect(result.status == 0)
        #expect(result.text == "Text.\n")
        #expect(result.stderr.hasPrefix("mine/risky.yml:6:14: warning: regex at offset 1: nested quantifiers `(a+)+`"),
                "\(result.stderr)")
        // The built-in rules are checked before they ship, not on every run.
        #expect(try Binary.run([], stdin: "Text.\n").stderr.isEmpty)
    }

    @Test func strictRulesRefusesToRun() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("mine/risky.yml", Self.risky)
        let result = try Binary.run(["--rules", "mine", "--strict-rules"], stdin: "aaa\nText.\n", in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("mine/risky.yml:6:14: error: regex at offset 1"))
        #expect(result.stderr.hasSuffix("winnow: 1 risky regex (--strict-rules); nothing was filtered\n"))
    }
}
