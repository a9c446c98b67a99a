/// How `--input jsonl` reads and writes records.
///
///     RecordOptions(field: "content", urlField: "link", onError: .skip, reportKey: nil)
public struct RecordOptions: Sendable, Hashable {
    /// The member holding the text to filter (`--field`, default `text`).
    public var field: String
    /// The member holding the page's URL, whose host selects site packs (`--url-field`, default `url`).
    public var urlField: String
    public var onError: RecordErrorPolicy
    /// The member added to each output record with winnow's report, or nil
    /// for none (`--report-key`, `--no-report`; default `winnow`).
    public var reportKey: String?

    public init(field: String = "text", urlField: String = "url", onError: RecordErrorPolicy = .pass,
                reportKey: String? = "winnow") {
        self.field = field
        self.urlField = urlField
        self.onError = onError
        self.reportKey = reportKey
    }

    /// The member that holds the text's exact bytes when it is not valid UTF-8.
    public var base64Field: String { field + "_base64" }
}
