import ArgumentParser
import WinnowOutput

/// `--input` and the options that shape JSON Lines input, with their own checks.
struct RecordInputOptions: ParsableArguments {
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

    var isRecords: Bool { input == .jsonl }

    var options: RecordOptions {
        RecordOptions(field: field ?? "text", urlField: urlField ?? "url", onError: onError ?? .pass,
                      reportKey: noReport ? nil : (reportKey ?? "winnow"))
    }

    func validate() throws {
        if input != .jsonl {
            for (given, name) in [(field != nil, "--field"), (urlField != nil, "--url-field"),
                                  (onError != nil, "--on-error"), (reportKey != nil, "--report-key"),
                                  (noReport, "--no-report")] where given {
                throw ValidationError("\(name) applies only with --input jsonl")
            }
        }
        if reportKey != nil && noReport {
            throw ValidationError("--report-key and --no-report contradict each other")
        }
        for (value, name) in [(field, "--field"), (urlField, "--url-field"), (reportKey, "--report-key")] where value == "" {
            throw ValidationError("\(name) needs a member name")
        }
        if let key = options.reportKey, key == options.field || key == options.base64Field {
            throw ValidationError("--report-key '\(key)' would overwrite the text field")
        }
    }
}
