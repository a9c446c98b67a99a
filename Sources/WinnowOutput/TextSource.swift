import WinnowEngine

/// Page text from files and stdin: each file is one document; stdin (`-`)
/// is split into documents at `separator` (form-feed lines or NUL bytes).
///
/// Documents are named after their file, `<stdin>` for stdin holding one
/// document, and `<stdin>#N` for the Nth document on stdin.
public final class TextSource: DocumentSource {
    private var inputs: InputFiles
    private let separator: DocumentSeparator
    private var reader: (reader: DocumentReader, isStdin: Bool)?

    public init(paths: [String], separator: DocumentSeparator) {
        inputs = InputFiles(paths)
        self.separator = separator
    }

    public func next() throws(ReadError) -> SourceItem? {
        while true {
            if reader == nil {
                guard let input = try inputs.next() else { return nil }
                reader = (DocumentReader(fileDescriptor: input.descriptor, name: input.name,
                                         separator: input.isStdin ? separator : .none), input.isStdin)
            }
            guard let (reader, isStdin) = reader else { continue }
            let raw: DocumentReader.RawDocument?
            do {
                raw = try reader.next()
            } catch {
                endInput()
                throw error
            }
            guard let raw else {
                endInput()
                continue
            }
            let name = reader.name
            let label = isStdin ? (raw.index == 1 && raw.separator.isEmpty ? name : "\(name)#\(raw.index)") : name
            return .document(Document(bytes: raw.bytes, name: label),
                             .text(separator: isStdin && !raw.separator.isEmpty ? raw.separator : nil))
        }
    }

    private func endInput() {
        reader = nil
        inputs.close()
    }

    deinit { inputs.close() }
}
