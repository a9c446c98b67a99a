/// The top-level shape of one JSON Lines record: where each member's key
/// and value lie in the record's bytes.
///
/// Scanning checks the whole record against the JSON grammar but decodes
/// nothing, so a record can be rewritten by splicing: every byte outside
/// the spans that change is copied as it was.
///
///     let line = Array(#"{"id": 7, "text": "Hello\n"}"#.utf8)
///     let record = try line.withUnsafeBufferPointer { try JSONRecord(scanning: $0) }
///     record.members.count              // 2
///     line[record.members[1].value]     // "Hello\n" with its quotes, as written
///
/// Bytes of 0x80 and above are accepted inside strings whether or not they
/// are valid UTF-8: scraped text often is not, and such records must still
/// round-trip.
public struct JSONRecord: Sendable, Hashable {
    /// One `"key": value` member.
    public struct Member: Sendable, Hashable {
        /// The key's string token, quotes included.
        public var key: Range<Int>
        /// The value's token, from its first byte to its last.
        public var value: Range<Int>
        /// Whether the key holds a backslash escape (and must be decoded to compare).
        public var keyHasEscapes: Bool
        /// Whether the value is a string.
        public var isString: Bool
    }

    public var members: [Member]
    /// The offset of the closing `}`.
    public var close: Int

    /// Objects and arrays nest at most this deep, so a hostile record cannot exhaust the stack.
    public static let maximumDepth = 512

    /// Scans one record: a JSON object, with optional whitespace around it.
    public init(scanning bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        var scanner = JSONScanner(bytes)
        // A byte-order mark, as some editors write at the top of a file, is read past
        // (RFC 8259 allows it) and kept: the output record is spliced from these bytes.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { scanner.index = 3 }
        scanner.skipWhitespace()
        guard scanner.peek() == UInt8(ascii: "{") else {
            throw scanner.error(scanner.atEnd ? "empty record" : "a record must be a JSON object")
        }
        scanner.index += 1
        var members: [Member] = []
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.index += 1
        } else {
            while true {
                scanner.skipWhitespace()
                guard scanner.peek() == UInt8(ascii: "\"") else { throw scanner.error("expected a key in quotes") }
                let keyStart = scanner.index
                let escapes = try scanner.string()
                let key = keyStart..<scanner.index
                scanner.skipWhitespace()
                guard scanner.peek() == UInt8(ascii: ":") else { throw scanner.error("expected ':' after the key") }
                scanner.index += 1
                scanner.skipWhitespace()
                let valueStart = scanner.index
                let isString = scanner.peek() == UInt8(ascii: "\"")
                try scanner.value(depth: 1)
                members.append(Member(key: key, value: valueStart..<scanner.index, keyHasEscapes: escapes,
                                      isString: isString))
                scanner.skipWhitespace()
                guard let next = scanner.peek() else { throw scanner.error("unterminated object: expected ',' or '}'") }
                scanner.index += 1
                if next == UInt8(ascii: "}") { break }
                guard next == UInt8(ascii: ",") else {
                    scanner.index -= 1
                    throw scanner.error("expected ',' or '}' after a value")
                }
            }
        }
        close = scanner.index - 1
        scanner.skipWhitespace()
        guard scanner.atEnd else { throw scanner.error("unexpected bytes after the record") }
        self.members = members
    }

    /// The last member whose key is `name` (later duplicates win, as in
    /// most JSON readers), or nil.
    public func member(_ name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Member? {
        members.last { keyEquals($0, name, in: bytes) }
    }

    /// Whether a member's key, decoded, is `name`.
    public func keyEquals(_ member: Member, _ name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let inner = (member.key.lowerBound + 1)..<(member.key.upperBound - 1)
        if !member.keyHasEscapes {
            return inner.count == name.count && UnsafeBufferPointer(rebasing: bytes[inner]).elementsEqual(name)
        }
        return JSONString.decode(UnsafeBufferPointer(rebasing: bytes[member.key])) == name
    }
}
