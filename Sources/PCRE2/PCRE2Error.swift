import CPCRE2

/// An error reported by PCRE2, with PCRE2's own message.
///
/// Compile errors carry the byte offset in the pattern where PCRE2 gave up:
///
///     do { _ = try Pattern("a(b") }
///     catch { print(error.offset!, error.message) }  // 3 missing closing parenthesis
public struct PCRE2Error: Error, Equatable, Sendable {
    /// PCRE2's negative error code (for example `PCRE2_ERROR_MATCHLIMIT`).
    public let code: Int32
    /// The text PCRE2 gives for `code`.
    public let message: String
    /// For compile errors, the offset in the pattern, in bytes.
    public let offset: Int?

    public init(code: Int32, offset: Int? = nil) {
        self.code = code
        self.message = PCRE2Error.message(for: code)
        self.offset = offset
    }

    /// True when matching stopped at a resource limit, not at a bad pattern:
    /// the match, depth or heap limit, or the JIT stack.
    public var isResourceLimit: Bool {
        [PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_JIT_STACKLIMIT]
            .contains(code)
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer {
            pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
        }
        guard length > 0 else { return "unknown PCRE2 error \(code)" }
        return String(decoding: buffer[..<Int(length)], as: UTF8.self)
    }
}

extension PCRE2Error: CustomStringConvertible {
    public var description: String {
        if let offset { return "\(message) at offset \(offset)" }
        return message
    }
}
