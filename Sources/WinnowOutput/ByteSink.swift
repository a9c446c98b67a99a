/// Something bytes can be written to: an `OutputStream`, a `ByteBuffer`, or a
/// `ByteCounter` that only measures.
///
/// Printers are generic over it, so the same code writes a document to
/// stdout, renders it into memory for a JSON record, or measures it for
/// `--stats`:
///
///     var buffer = ByteBuffer()
///     let written = TextPrinter().write(document, decisions, into: &buffer)
///     // buffer.bytes is the clean text; written.lines, written.bytes its size
public protocol ByteSink {
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>)
}
