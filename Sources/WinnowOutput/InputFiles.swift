#if canImport(Glibc)
import Glibc
#endif
import WinnowEngine

/// The inputs a run reads, opened one at a time: a path, or `-` for stdin.
/// Shared by the document sources; each wraps the open input in its own reader.
struct InputFiles {
    /// The input being read.
    struct Input {
        let descriptor: Int32
        /// The path, or `<stdin>`.
        let name: String
        let isStdin: Bool
    }

    private var paths: ArraySlice<String>
    private var open: Input?

    init(_ paths: [String]) { self.paths = paths[...] }

    /// Closes the input being read, if any, and opens the next one; nil when none is left.
    ///
    /// - Throws: `ReadError` naming a path that cannot be opened; the next call goes on after it.
    mutating func next() throws(ReadError) -> Input? {
        close()
        guard let path = paths.popFirst() else { return nil }
        let isStdin = path == "-"
        let descriptor = isStdin ? STDIN_FILENO : Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(source: path, reason: String(cString: strerror(errno))) }
        open = Input(descriptor: descriptor, name: isStdin ? "<stdin>" : path, isStdin: isStdin)
        return open
    }

    /// Closes the input being read (stdin stays open).
    mutating func close() {
        if let open, !open.isStdin { Glibc.close(open.descriptor) }
        open = nil
    }
}
