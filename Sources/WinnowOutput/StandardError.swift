#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered writes to stderr, for messages that must not wait for stdout.
public enum StandardError {
    public static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { if errno == EINTR { continue }; return }
                offset += written
            }
        }
    }

    /// `winnow: message`, as Unix tools prefix their messages.
    public static func report(_ message: String) { write("winnow: \(message)\n") }
}
