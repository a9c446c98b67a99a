extension TextPrinter {
    /// How much text one document came to: the numbers `--stats` and the
    /// JSON `out` object report.
    public struct Written: Sendable, Hashable {
        /// Lines written, the blank lines between blocks included; a last
        /// line without a terminator counts.
        public var lines = 0
        public var bytes = 0
        /// Whether the output ended with a line terminator (false when empty).
        public var endsWithTerminator = false

        public init(lines: Int = 0, bytes: Int = 0, endsWithTerminator: Bool = false) {
            self.lines = lines
            self.bytes = bytes
            self.endsWithTerminator = endsWithTerminator
        }
    }
}
