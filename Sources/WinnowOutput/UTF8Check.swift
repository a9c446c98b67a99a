/// A sink that only checks that what is written to it is valid UTF-8,
/// piece by piece (the pieces a printer writes are whole lines or
/// fragments cut at character boundaries).
///
///     var check = UTF8Check()
///     let written = TextPrinter().write(document, decisions, into: &check)
///     check.isValid   // whether the clean text can go out as a JSON string as it is
struct UTF8Check: ByteSink {
    private(set) var isValid = true

    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard isValid else { return }
        var i = 0
        while i < bytes.count {
            // Runs of plain ASCII go a word at a time.
            i = UTF8Scan.skipPlain(bytes, from: i)
            guard i < bytes.count else { break }
            if bytes[i] < 0x80 { i += 1; continue }
            let length = UTF8Scan.sequenceLength(bytes, at: i)
            guard length > 0 else {
                isValid = false
                return
            }
            i += length
        }
    }
}
