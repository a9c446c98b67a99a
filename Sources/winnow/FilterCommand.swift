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

    @OptionGroup(title: "Rules") var ruleOptions: RuleOptions

    @Option(name: .customLong("format"), help: ArgumentHelp(
        "Output: 'text' (clean text) or 'jsonl' (one JSON record per document). Default: text, or jsonl with --input jsonl.",
        valueName: "FORMAT"))
    var format: OutputFormat?

    @Option(name: .customLong("input"), help: ArgumentHelp(
        "Input: 'text' (pages) or 'jsonl' (JSON Lines, one record per line, one member of it the page).",
        valueName: "FORMAT"))
    var input: InputFormat = .text

    @Option(name: .customLong("field"), help: ArgumentHelp(
        "With --input jsonl: the member holding the text to clean (default: text).", valueName: "NAME"))
    var field: String?

    @Option(name: .customLong("url-field"), help: ArgumentHelp(
        "With --input jsonl: the member holding the page URL, whose host selects site packs (default: url).",
        valueName: "NAME"))
    var urlField: String?

    @Option(name: .customLong("on-error"), help: ArgumentHelp(
        "With --input jsonl: what happens to a record that cannot be read, once reported: pass (written unchanged; the default), skip (left out) or fail (winnow stops). The exit status is 1 in each case.",
        valueName: "WHAT"))
    var onError: RecordErrorPolicy?

    @Option(name: .customLong("report-key"), help: ArgumentHelp(
        "With --input jsonl: the member added to each record with what was removed, the metadata and counts (default: winnow).",
        valueName: "NAME"))
    var reportKey: String?

    @Flag(name: .customLong("no-report"), help: "With --input jsonl: add no report member; only the text changes.")
    var noReport = false

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
        if input != .jsonl {
            for (given, name) in [(field != nil, "--field"), (urlField != nil, "--url-field"),
                                  (onError != nil, "--on-error"), (reportKey != nil, "--report-key"),
                                  (noReport, "--no-report")] where given {
                throw ValidationError("\(name) applies only with --input jsonl")
            }
        }
        if explain && format == .jsonl {
            throw ValidationError("--explain writes text; it cannot be combined with --format jsonl")
        }
        if reportKey != nil && noReport {
            throw ValidationError("--report-key and --no-report contradict each other")
        }
        for (value, name) in [(field, "--field"), (urlField, "--url-field"), (reportKey, "--report-key")] where value == "" {
            throw ValidationError("\(name) needs a member name")
        }
        let options = recordOptions
        if let key = options.reportKey, key == options.field || key == options.base64Field {
            throw ValidationError("--report-key '\(key)' would overwrite the text field")
        }
    }

    private var recordOptions: RecordOptions {
        RecordOptions(field: field ?? "text", urlField: urlField ?? "url", onError: onError ?? .pass,
                      reportKey: noReport ? nil : (reportKey ?? "winnow"))
    }

    func run() throws {
        let ruleSet = try ruleOptions.load()
        let known = Set(ruleSet.sitePacks.map(\.name))
        for site in sites where !known.contains(site.lowercased()) {
            StandardError.report("--site \(site): no site pack for that host (known: \(known.sorted().joined(separator: ", ")))")
            throw ExitCode(2)
        }
        let clock = ContinuousClock()
        let started = clock.now
        let filter = Filter(ruleSet: ruleSet, sites: sites)
        filter.measuresRules = stats
        let out = OutputStream(fileDescriptor: 1)
        let outputFormat = explain ? .text : format ?? (input == .jsonl ? .jsonl : .text)
        let writesRecords = outputFormat == .jsonl

        let pipeline: DocumentPipeline
        let separator: DocumentSeparator = nullData ? .nul : .formFeedLine
        if explain {
            let printer = ExplainPrinter(style: ExplainStyle(color: color.isEnabled(for: 1)))
            pipeline = DocumentPipeline(filter: filter, out: out, separator: separator) { printer.write($0, $1, to: $2) }
        } else if writesRecords {
            let printer = JSONDocumentPrinter()
            pipeline = DocumentPipeline(filter: filter, out: out, separator: separator) { printer.write($0, $1, to: $2) }
            pipeline.writesSeparators = false
        } else {
            let printer = TextPrinter()
            pipeline = DocumentPipeline(filter: filter, out: out, separator: separator) { printer.write($0, $1, to: $2) }
        }

        var statistics = RunStatistics(rules: filter.rules)
        var limitWarnings: [String: Int] = [:]
        let onLimitHit = { (document: Document, hit: Decisions.LimitHit) in
            let rule = filter.rules[hit.rule].id
            limitWarnings[rule, default: 0] += 1
            if limitWarnings[rule]! <= 3 {
                // A record's document is named FILE:LINE already; its own line number must not read as a column.
                let place = input == .jsonl ? "\(document.name): text line \(hit.line + 1)" : "\(document.name):\(hit.line + 1)"
                StandardError.report("warning: \(place): rule \(rule) stopped: \(hit.message); the line is kept")
            }
        }
        let onDocument = { (document: Document, decisions: Decisions) in
            if stats { statistics.add(document, decisions) }
        }
        pipeline.onLimitHit = onLimitHit
        pipeline.onDocument = onDocument

        var failed = false
        var records: RecordPipeline?
        if input == .jsonl {
            let options = recordOptions
            let recordPipeline = RecordPipeline(filter: filter, options: options,
                                                output: writesRecords ? .records(out) : .documents(pipeline))
            recordPipeline.onLimitHit = onLimitHit
            recordPipeline.onDocument = onDocument
            let consequence = switch options.onError {
            case .pass: "the record is passed through unchanged"
            case .skip: "the record is skipped"
            case .fail: "stopping (--on-error fail)"
            }
            recordPipeline.onError = { error in
                out.flush()
                StandardError.report("\(error); \(consequence)")
            }
            records = recordPipeline
            for path in files.isEmpty ? ["-"] : files where !recordPipeline.stopped {
                do {
                    try recordPipeline.run(path: path)
                } catch {
                    StandardError.report("\(error)")
                    failed = true
                }
            }
        } else {
            for path in files.isEmpty ? ["-"] : files {
                do {
                    try pipeline.run(path: path)
                } catch {
                    StandardError.report("\(error)")
                    failed = true
                }
            }
        }

        if stats {
            let seconds = Self.seconds(clock.now - started)
            if let records {
                statistics.records = records.records
                statistics.malformed = records.malformed
            }
            if writesRecords && input == .text {
                var json = JSONWriter()
                statistics.writeSummary(seconds: seconds, into: &json)
                out.write(json.bytes)
                out.write(byte: 0x0A)
            } else {
                out.flush()
                StandardError.write(statistics.text(seconds: seconds, ruleNanoseconds: filter.ruleNanoseconds))
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
        if let records, records.malformed > 0 {
            StandardError.report("\(records.malformed) of \(records.records) record\(records.records == 1 ? "" : "s")"
                                 + " could not be read")
            throw ExitCode(1)
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
