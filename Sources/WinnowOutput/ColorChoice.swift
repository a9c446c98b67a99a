#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When `--explain` output is coloured (`--color`).
public enum ColorChoice: String, Sendable, Hashable, CaseIterable {
    /// Colour when stdout is a terminal, `NO_COLOR` is unset or empty, and `TERM` is not `dumb`.
    case auto
    /// Always colour, even into a pipe or with `NO_COLOR` set: an explicit request wins.
    case always
    case never

    /// Whether to colour output written to `descriptor`.
    ///
    ///     ColorChoice.auto.isEnabled(for: 1)   // true on a terminal without NO_COLOR
    public func isEnabled(for descriptor: Int32, environment: [String: String]? = nil) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = environment.map { $0["NO_COLOR"] } ?? getenv("NO_COLOR").map { String(cString: $0) }
            let term = environment.map { $0["TERM"] } ?? getenv("TERM").map { String(cString: $0) }
            if let noColor, !noColor.isEmpty { return false }
            if term == "dumb" { return false }
            return isatty(descriptor) != 0
        }
    }
}
