#if canImport(Glibc)
import Glibc
#endif
import WinnowEngine

/// Page text from files and stdin: each file is one document; stdin (`-`)
/// is split into documents at `separator` (form-feed lines or NUL bytes).
///
/// Documents are named after their file, `<stdin>` for stdin holding one
/// document, and `<stdin>#N` for the Nth document on stdin.
public final class TextSource: DocumentSource {
    private var paths: ArraySlice<String>
    private let separator: DocumentSeparator
    private var current: (reader: DocumentReader, descriptor: Int32, isStdin: Bool)?

    public init(paths: [String], separator: DocumentSeparator) {
        self.paths = paths[...]
        self.separator = separator
    }

    public func next() throws(ReadError) -> SourceItem? {
        while true {
            if current == nil {
                guard let path = paths.popFirst() else { return nil }
                current = try open(path)
            }
            guard let (reader, _, isStdin) = current else { continue }
            let raw: DocumentReader.RawDocument?
            do {
                raw = try reader.next()
            } catch {
                close()
                throw error
            }
            guard let raw else {
                close()
                continue
            }
            let name = reader.name
            let label = isStdin ? (raw.index == 1 && raw.separator.isEmpty ? name : "\(name)#\(raw.index)") : name
            return .document(Document(bytes: raw.bytes, name: label),
                             .text(separator: isStdin && !raw.separator.isEmpty ? raw.separator : nil))
        }
    }

    private func open(_ path: String) throws(ReadError) -> (DocumentReader, Int32, Bool) {
        let isStdin = path == "-"
        let descriptor = isStdin ? STDIN_FILENO : Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(source: path, reason: String(cString: strerror(errno))) }
        let reader = DocumentReader(fileDescriptor: descriptor, name: isStdin ? "<stdin>" : path,
                                    separator: isStdin ? separator : .none)
        return (reader, descriptor, isStdin)
    }

    private func close() {
        if let current, !current.isStdin { Glibc.close(current.descriptor) }
        current = nil
    }

    deinit { close() }
}
