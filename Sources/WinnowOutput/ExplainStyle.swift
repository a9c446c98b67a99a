/// The terminal escapes `--explain` uses; all empty when colour is off.
///
///     let style = ExplainStyle(color: ColorChoice.auto.isEnabled(for: 1))
public struct ExplainStyle: Sendable, Hashable {
    public var header: String
    public var number: String
    public var removed: String
    public var removedText: String
    public var protected: String
    public var stripped: String
    public var meta: String
    public var reset: String

    public init(color: Bool) {
        if color {
            header = "\u{1B}[1m"
            number = "\u{1B}[2m"
            removed = "\u{1B}[31m"
            removedText = "\u{1B}[2m"
            protected = "\u{1B}[32m"
            stripped = "\u{1B}[33m"
            meta = "\u{1B}[36m"
            reset = "\u{1B}[0m"
        } else {
            header = ""; number = ""; removed = ""; removedText = ""; protected = ""; stripped = ""; meta = ""; reset = ""
        }
    }
}
