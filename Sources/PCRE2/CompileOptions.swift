import CPCRE2

/// Options for `pcre2_compile`, as a Swift option set.
///
///     let r = try Pattern("^advert", options: [.caseless, .multiline])
public struct CompileOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let caseless = CompileOptions(rawValue: PCRE2_CASELESS)
    public static let multiline = CompileOptions(rawValue: PCRE2_MULTILINE)
    public static let dotAll = CompileOptions(rawValue: PCRE2_DOTALL)
    public static let extended = CompileOptions(rawValue: PCRE2_EXTENDED)
    public static let anchored = CompileOptions(rawValue: PCRE2_ANCHORED)
    /// Treat the pattern and subjects as UTF-8.
    public static let utf = CompileOptions(rawValue: PCRE2_UTF)
    /// Unicode properties for `\w`, `\d`, `\s`, `\b` and POSIX classes.
    public static let ucp = CompileOptions(rawValue: PCRE2_UCP)
    /// Match subjects that may hold invalid UTF-8: bad sequences never match
    /// anything and never raise an error.
    public static let matchInvalidUTF = CompileOptions(rawValue: PCRE2_MATCH_INVALID_UTF)

    /// UTF-8 with Unicode properties, tolerant of invalid input: the set to
    /// use for text that came off the web.
    public static let unicode: CompileOptions = [.utf, .ucp, .matchInvalidUTF]
}
