import ArgumentParser
import WinnowEngine
import WinnowOutput
import WinnowRules

/// `winnow [FILE…]`: filter pages. The default subcommand.
struct FilterCommand: ParsableCommand {
    /// Usage examples, shown in `--help` and run by the CLI tests.
    static let examples: [(command: String, explanation: String)] = [
        ("winnow samples/news-wire.txt", "Print the article of one page."),
        ("curl -s \"$url\" | html2text | winnow > article.txt", "Clean a page as it is fetched."),
        ("winnow samples/*.txt", "Several pages: one document each, separated by form-feed lines."),
        ("printf 'Page one.\\n\\f\\nAdvertisement\\nPage two.\\n' | winnow", "Documents on stdin, split at form-feed lines."),
        ("find pages -name '*.txt' -print0 | xargs -0 cat -- | winnow -z", "NUL-separated documents (-z)."),
        ("winnow --site livemint.com < samples/news-wire.txt", "Apply a site pack even when the page does not show its site."),
        ("winnow --disable ads/ad-label samples/news-wire.txt", "Turn one rule off."),
        ("winnow --rules ./my-rules samples/news-wire.txt", "Add your own rule files."),
    ]

    static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "Filter page text (the default command).",
        discussion: "Examples:\n" + examples.map { "  \($0.command)\n      \($0.explanation)" }.joined(separator: "\n")
    )

    @Argument(help: ArgumentHelp("Files to filter, each one document. '-' or none: standard input.",
                                 valueName: "FILE"))
    var files: [String] = []

    @Flag(name: [.customShort("z"), .customLong("null-data")],
          help: "Documents on stdin are separated by NUL bytes, not form-feed lines.")
    var nullData = false

    @Option(name: .customLong("site"), help: ArgumentHelp(
        "Apply the site pack for HOST to every document. Repeatable.", valueName: "HOST"))
    var sites: [String] = []

    @OptionGroup(title: "Rules") var ruleOptions: RuleOptions

    func validate() throws {
        if files.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("'-' (standard input) may be given only once")
        }
    }

    func run() throws {
        let ruleSet = try ruleOptions.load()
        let known = Set(ruleSet.sitePacks.map(\.name))
        for site in sites where !known.contains(site.lowercased()) {
            StandardError.report("--site \(site): no site pack for that host (known: \(known.sorted().joined(separator: ", ")))")
            throw ExitCode(2)
        }
        let filter = Filter(ruleSet: ruleSet, sites: sites)
        let out = OutputStream(fileDescriptor: 1)
        let printer = TextPrinter()
        let pipeline = DocumentPipeline(filter: filter, out: out, separator: nullData ? .nul : .formFeedLine) {
            printer.write($0, $1, to: $2)
        }
        var limitWarnings: [String: Int] = [:]
        pipeline.onLimitHit = { document, hit in
            let rule = filter.rules[hit.rule].id
            limitWarnings[rule, default: 0] += 1
            if limitWarnings[rule]! <= 3 {
                StandardError.report("warning: \(document.name):\(hit.line + 1): rule \(rule) stopped: \(hit.message);"
                                     + " the line is kept")
            }
        }
        var failed = false
        for path in files.isEmpty ? ["-"] : files {
            do {
                try pipeline.run(path: path)
            } catch {
                StandardError.report("\(error)")
                failed = true
            }
        }
        out.flush()
        for (rule, count) in limitWarnings.sorted(by: { $0.key < $1.key }) where count > 3 {
            StandardError.report("warning: rule \(rule) hit a PCRE2 limit on \(count) lines in all")
        }
        if let failure = out.failure {
            StandardError.report("cannot write output: \(failure)")
            throw ExitCode(2)
        }
        if failed { throw ExitCode(2) }
    }
}
