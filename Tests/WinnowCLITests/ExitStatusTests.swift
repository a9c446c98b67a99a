import Foundation
import Testing
@testable import winnow

/// Exit statuses (0 ok, 2 errors), the error format, `--version` and `--help`.
@Suite struct ExitStatusTests {
    @Test func versionPrintsTheVersion() throws {
        let result = try Binary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.text == Winnow.version + "\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func helpShowsUsageAndTheFilterExamples() throws {
        let root = try Binary.run(["--help"])
        #expect(root.status == 0)
        #expect(root.text.contains("USAGE: winnow"))
        #expect(root.text.contains("Exit status: 0 success"))
        for arguments in [["help", "filter"], ["filter", "--help"]] {
            let help = try Binary.run(arguments)
            #expect(help.status == 0)
            #expect(help.text.contains("Examples:"))
            for example in FilterCommand.examples {
                #expect(help.text.contains("  \(example.command)\n"), "'\(example.command)' missing from help")
                #expect(help.text.contains(example.explanation), "'\(example.explanation)' missing from help")
            }
        }
    }

    /// `winnow --help` is about filtering: the filter's options and examples, then the subcommands.
    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func rootHelpShowsTheFiltersOptionsAndTheSubcommands(arguments: [String]) throws {
        let help = try Binary.run(arguments)
        #expect(help.status == 0)
        #expect(help.text.hasPrefix("OVERVIEW: Remove ads and boilerplate from scraped page text."))
        #expect(help.text.contains("USAGE: winnow [<options>] [<FILE> ...]"))
        for option in ["--explain", "--format <FORMAT>", "--input <FORMAT>", "--rules <DIR>", "--stats", "--site <HOST>"] {
            #expect(help.text.contains("  \(option)"), "\(option) missing from winnow \(arguments)")
        }
        for subcommand in ["test", "lint", "rules"] {
            #expect(help.text.contains("\n  \(subcommand) "), "subcommand \(subcommand) missing")
        }
        #expect(help.text.contains(FilterCommand.examples[0].command))
        #expect(!help.text.contains("USAGE: winnow filter"))
    }

    /// With no file and stdin on a terminal, winnow says how to use it instead of waiting.
    @Test func noInputOnATerminalPrintsAHint() throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        try #require(FileManager.default.isExecutableFile(atPath: script.path), "util-linux 'script' makes the terminal")
        let binary = try #require(Binary.url)
        let process = Process()
        process.executableURL = script
        // `script` gives the command a pseudo-terminal as stdin and copies what it writes.
        process.arguments = ["-qec", binary.path, "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // A winnow that waited on the terminal would never end: stop it, and the status check fails.
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) { if process.isRunning { process.terminate() } }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(text.contains("winnow: no input: give page files, or pipe page text in:"), "\(text)")
        #expect(text.contains("run 'winnow -'"))
    }

    @Test func rulesListsConditionsFromTheConditionTable() throws {
        let plain = try Binary.run(["rules"])
        let detailed = try Binary.run(["rules", "--conditions"])
        #expect(plain.status == 0 && detailed.status == 0)
        #expect(!plain.text.contains("      when: {"))
        #expect(detailed.text.contains("      when: {max-words: 10, sentence: false}"))
    }

    /// The README's example of a bad rule file, reproduced line for line.
    static let badRules = """
        description: My ad rules.
        rules:
          - id: promo
            regex: 'Promo(x'
            description: A promotion line.
            action: drop
          - id: label
            description: An ad label.
            action: dropp
            scopee: line
            regex: '^Ad$'

        """

    @Test func aBadRuleFileStopsEverythingWithStatus2AndEveryErrorInFileLineColumnForm() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("my-rules/ads.yml", Self.badRules)
        let result = try Binary.run(["--rules", "my-rules"], stdin: "Some page text.\n", in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "nothing may be written when a rule file is bad")
        #expect(result.stderr == """
            my-rules/ads.yml:4:20: error: regex: missing closing parenthesis (at offset 7 in the pattern) [ads/promo]
            my-rules/ads.yml:9:13: error: 'action' must be one of drop, drop-block, strip, cut, keep, extract, not 'dropp' [ads/label]
            my-rules/ads.yml:10:5: error: unknown rule key 'scopee'; did you mean 'scope'? [ads/label]
            winnow: 3 errors in 1 rule file; nothing was filtered

            """)
    }

    @Test func errorsInSeveralFilesAreAllReported() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("one/a.yml", "description: d\nrules:\n  - {id: x, description: d, action: drop, regex: '['}\n")
        try scratch.write("two/b.yml", "description: d\nrulez: []\n")
        let result = try Binary.run(["--rules", "one", "--rules", "two", "page.txt"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        #expect(lines.first?.hasPrefix("one/a.yml:3:") == true)
        #expect(lines.contains("two/b.yml:1:1: error: missing 'rules:' list"))
        #expect(lines.contains("two/b.yml:2:1: error: unknown rule file key 'rulez'; did you mean 'rules'?"))
        #expect(lines.last == "winnow: 3 errors in 2 rule files; nothing was filtered")
        // Every diagnostic has the file:line:col: error: form.
        for line in lines.dropLast() {
            let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            #expect(parts.count == 4 && Int(parts[1]) != nil && Int(parts[2]) != nil
                        && parts[3].hasPrefix(" error: "), "not file:line:col: error: …: \(line)")
        }
    }

    @Test func aMissingFileIsStatus2AfterTheOtherFilesAreFiltered() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("a.txt", "First page.\n")
        try scratch.write("b.txt", "Second page.\n")
        let result = try Binary.run(["a.txt", "missing.txt", "b.txt"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.text == "First page.\n\u{0C}\nSecond page.\n")
        #expect(result.stderr == "winnow: missing.txt: No such file or directory\n")
    }

    @Test func aDirectoryAsInputIsStatus2() throws {
        let result = try Binary.run(["/"])
        #expect(result.status == 2)
        #expect(result.stderr == "winnow: /: Is a directory\n")
    }

    @Test(arguments: [["--bogus"], ["-q"], ["--rules"], ["-", "-"], ["--site"], ["lint", "--no-such-flag"]])
    func usageErrorsAreStatus2(arguments: [String]) throws {
        let result = try Binary.run(arguments, stdin: "Text.\n")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test func anUnknownDisablePatternIsStatus2() throws {
        let result = try Binary.run(["--disable", "ads/no-such-rule"], stdin: "Text.\n")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "winnow: --disable 'ads/no-such-rule' names no rule ('winnow rules' lists them)\n")
    }

    @Test func anUnknownSiteIsStatus2() throws {
        let result = try Binary.run(["--site", "no-such-site.example"], stdin: "Text.\n")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("winnow: --site no-such-site.example: no site pack for that host (known: "))
        #expect(result.stderr.contains("livemint.com"))
    }

    /// `--site` takes any host a pack covers, as a record's URL does: `www.reuters.com` is the reuters.com pack.
    @Test(arguments: ["www.reuters.com", "REUTERS.com", "graphics.reuters.com"])
    func siteAcceptsEveryHostAPackCovers(host: String) throws {
        let result = try Binary.run(["--site", host, "--format", "jsonl"], stdin: "Text.\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.contains(#""sites":["reuters.com"]"#))
    }

    @Test func aMissingRulesDirectoryIsStatus2() throws {
        let result = try Binary.run(["--rules", "/nonexistent/rules"], stdin: "Text.\n")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("/nonexistent/rules"))
    }

    @Test func knownSiteAndDisableAreAccepted() throws {
        let result = try Binary.run(["--site", "LiveMint.com", "--disable", "ads/ad-label", "--disable", "sites/*"],
                                    stdin: "Advertisement\nText.\n")
        #expect(result.status == 0)
        #expect(result.text == "Advertisement\nText.\n")
        #expect(result.stderr.isEmpty)
    }
}
