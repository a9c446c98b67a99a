import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import WinnowCheck
import WinnowEngine
import WinnowOutput
import WinnowRules

/// `winnow [FILE…]`: filter pages. The default subcommand.
struct FilterCommand: ParsableCommand {
    /// Usage examples, shown in `--help` and run by the CLI tests.
    static let examples: [(command: String, explanation: String)] = [
        ("winnow samples/news-wire.txt", "Print the article of one page."),
        ("curl -s \"$url\" | html2text | winnow > article.txt", "Clean a page as it is fetched."),
        ("winnow samples/*.txt", "Several pages: one document each, form-feed lines between."),
        ("printf 'Page one.\\n\\f\\nAdvertisement\\nPage two.\\n' | winnow", "Documents on stdin, split at form-feed lines."),
        ("for f in pages/*.txt; do cat \"$f\"; printf '\\0'; done | winnow -z", "NUL-separated documents (-z)."),
        ("winnow --site livemint.com < samples/news-wire.txt", "Apply a site pack whatever the page shows."),
        ("winnow --disable ads/ad-label samples/news-wire.txt", "Turn one rule off."),
        ("winnow --rules ./my-rules samples/news-wire.txt", "Add your own rule files."),
        ("winnow --format jsonl samples/news-wire.txt | jq .meta", "One JSON record per page: clean text, metadata, what went and why."),
        ("printf '{\"text\":\"Ad\\\\nIt rained.\\\\n\"}\\n' | winnow --input jsonl --no-report",
         "JSON Lines in and out: only the text field changes."),
        ("winnow --explain samples/news-wire.txt | grep -E '^ *[0-9]+ -'", "Every line with its verdict; here only the removed ones."),
        ("winnow --stats samples/*.txt > /dev/null", "Totals, time and hits per rule on stderr."),
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

    @Option(name: [.customShort("j"), .customLong("jobs")], help: ArgumentHelp(
        "Filter N documents at once, each on its own thread; the output stays in input order, byte for byte as with 1. Default: the number of cores, or 1 for a single file.",
        valueName: "N"))
    var jobs: Int?

    @OptionGroup(title: "Rules") var ruleOptions: RuleOptions

    @OptionGroup(title: "Rule budget (a rule over it is suspended for the rest of the document; see rules/README.md)")
    var budgetOptions: BudgetOptions

    @Flag(name: .customLong("strict-rules"), help: "Refuse to run when a regex in a --rules file reads as prone to runaway backtracking (without it, a warning).")
    var strictRules = false

    @Option(name: .customLong("format"), help: ArgumentHelp(
        "Output: 'text' (clean text) or 'jsonl' (one JSON record per document). Default: text, or jsonl with --input jsonl.",
        valueName: "FORMAT"))
    var format: OutputFormat?

    @OptionGroup(title: "JSON Lines input") var records: RecordInputOptions

    @Flag(name: .customLong("explain"),
          help: "Print every input line with its verdict: '-' removed, '+' protected, '~' stripped, with the rule and action.")
    var explain = false

    @Option(name: .customLong("color"), help: ArgumentHelp(
        "Colour --explain output: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "WHEN"))
    var color: ColorChoice = .auto

    @Flag(name: .customLong("stats"),
          help: "At the end, report documents, lines and bytes in and out, time and hits per rule: on stderr, or as a final summary record when text input is written as JSON Lines.")
    var stats = false

    func validate() throws {
        if files.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("'-' (standard input) may be given only once")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs needs a whole number, 1 or more") }
        if explain && format == .jsonl {
            throw ValidationError("--explain writes text; it cannot be combined with --format jsonl")
        }
    }

    func run() throws {
        let ruleSet = try ruleOptions.load()
        let packs = try sitePacks(in: ruleSet)
        try checkRegexes(in: ruleSet)
        if files.isEmpty && isatty(STDIN_FILENO) == 1 {
            StandardError.write(Self.terminalHint)
            throw ExitCode(2)
        }
        let program = RuleProgram(ruleSet: ruleSet, sites: packs,
                                  budget: budgetOptions.budget(over: ruleSet.settings.budget))
        let out = OutputStream(fileDescriptor: 1)
        let paths = files.isEmpty ? ["-"] : files
        let source: DocumentSource = records.isRecords
            ? RecordSource(paths: paths, options: records.options)
            : TextSource(paths: paths, separator: nullData ? .nul : .formFeedLine)
        // Warnings first, so a message comes before the record or document it is about.
        var sinks: [DocumentSink] = [WarningSink(rules: program.rules, out: out, recordInput: records.isRecords),
                                     outputSink(out)]
        if stats {
            let summaryRecord = outputFormat == .jsonl && !records.isRecords
            sinks.append(StatisticsSink(rules: program.rules, destination: summaryRecord ? .summaryRecord(out) : .standardError,
                                        out: out))
        }
        let session = Session(program: program, source: source, sinks: sinks, out: out,
                              jobs: jobs ?? (paths.count == 1 && paths[0] != "-" ? 1 : Self.cores),
                              measuresRules: stats, onError: records.options.onError)
        let status = session.run()
        if status != .success { throw ExitCode(status.rawValue) }
    }

    private static var cores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// What the output is: `--format`, or JSON Lines for JSON Lines input; `--explain` is text.
    private var outputFormat: OutputFormat { explain ? .text : format ?? (records.isRecords ? .jsonl : .text) }

    private func outputSink(_ out: OutputStream) -> DocumentSink {
        if explain { return ExplainSink(out: out, style: ExplainStyle(color: color.isEnabled(for: 1)), nulSeparated: nullData) }
        switch outputFormat {
        case .jsonl: return records.isRecords ? RecordSink(out: out, options: records.options) : JSONDocumentSink(out: out)
        case .text: return TextSink(out: out, nulSeparated: nullData)
        }
    }

    /// The static backtracking check of `winnow lint`, on the user's own rule files (the built-in
    /// rules are linted before they ship): a warning each, or with `--strict-rules` an error.
    private func checkRegexes(in ruleSet: RuleSet) throws {
        guard !ruleOptions.directories.isEmpty else { return }
        let builtin = Set(RuleOptions.builtinSources.map(\.displayPath))
        let user = RuleSet(files: ruleSet.files.filter { !builtin.contains($0.path) }, settings: ruleSet.settings)
        var findings = Linter.backtrackingFindings(in: user, probe: false)
        guard !findings.isEmpty else { return }
        if strictRules { findings = findings.map { Diagnostic(.error, at: $0.location, $0.message, rule: $0.ruleID, code: $0.code) } }
        for finding in findings { StandardError.write("\(finding)\n") }
        if strictRules {
            StandardError.report("\(findings.count) risky regex\(findings.count == 1 ? "" : "es") (--strict-rules); nothing was filtered")
            throw ExitCode(2)
        }
    }

    /// The packs `--site` names: by name or by any host a pack covers (`www.reuters.com`), as a page's URL would.
    private func sitePacks(in ruleSet: RuleSet) throws -> [String] {
        try sites.map { site in
            guard let pack = ruleSet.sitePacks.first(where: { $0.name == site.lowercased() || $0.covers(host: site) }) else {
                let known = ruleSet.sitePacks.map(\.name).sorted().joined(separator: ", ")
                StandardError.report("--site \(site): no site pack for that host (known: \(known))")
                throw ExitCode(2)
            }
            return pack.name
        }
    }

    /// What winnow says instead of waiting in silence for a page typed at the terminal.
    static let terminalHint = """
        winnow: no input: give page files, or pipe page text in:
          winnow page.txt > article.txt
          curl -s "$url" | html2text | winnow
        To type or paste a page at the terminal, run 'winnow -' and end it with Ctrl-D.
        'winnow --help' lists the options.

        """
}
