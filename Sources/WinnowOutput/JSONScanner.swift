/// A validating JSON scanner over bytes that records nothing but positions;
/// `JSONRecord` drives it.
///
///     var scanner = JSONScanner(bytes)
///     try scanner.value(depth: 1)    // moves past one value, or throws where it is wrong
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    @inline(__always)
    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(offset: index, message: message) }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Moves past one value of any kind.
    mutating func value(depth: Int) throws(JSONSyntaxError) {
        guard let byte = peek() else { throw error("expected a value") }
        switch byte {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"): try object(depth: depth + 1)
        case UInt8(ascii: "["): try array(depth: depth + 1)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: throw error("expected a value")
        }
    }

    /// Moves past a string token; returns whether it holds a backslash escape.
    mutating func string() throws(JSONSyntaxError) -> Bool {
        let start = index
        index += 1
        var escapes = false
        while index < bytes.count {
            index = UTF8Scan.skipStringBody(bytes, from: index)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return escapes
            }
            if byte == UInt8(ascii: "\\") {
                escapes = true
                guard index + 1 < bytes.count else { break }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    for k in 2..<6 {
                        guard index + k < bytes.count, JSONString.hexValue(bytes[index + k]) != nil else {
                            throw error("\\u must be followed by four hex digits")
                        }
                    }
                    index += 6
                default:
                    throw error("invalid escape in a string")
                }
                continue
            }
            if byte < 0x20 { throw error("control character U+00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16, uppercase: true)) in a string must be escaped") }
            index += 1
        }
        index = start
        throw error("unterminated string")
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) {
        guard depth <= JSONRecord.maximumDepth else { throw error("nested deeper than \(JSONRecord.maximumDepth) levels") }
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
            _ = try string()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
            index += 1
            skipWhitespace()
            try value(depth: depth)
            skipWhitespace()
            guard let next = peek() else { throw error("unterminated object: expected ',' or '}'") }
            if next == UInt8(ascii: "}") { index += 1; return }
            guard next == UInt8(ascii: ",") else { throw error("expected ',' or '}' after a value") }
            index += 1
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) {
        guard depth <= JSONRecord.maximumDepth else { throw error("nested deeper than \(JSONRecord.maximumDepth) levels") }
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { index += 1; return }
        while true {
            skipWhitespace()
            try value(depth: depth)
            skipWhitespace()
            guard let next = peek() else { throw error("unterminated array: expected ',' or ']'") }
            if next == UInt8(ascii: "]") { index += 1; return }
            guard next == UInt8(ascii: ",") else { throw error("expected ',' or ']' after a value") }
            index += 1
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws(JSONSyntaxError) {
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw error("invalid number") }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek(), isDigit(digit) else { throw error("invalid number: digits must follow '.'") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), isDigit(digit) else { throw error("invalid number: digits must follow the exponent") }
            skipDigits()
        }
    }

    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { index += 1 }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("expected a value") }
        for k in 0..<count where bytes[index + k] != word.utf8Start[k] { throw error("expected a value") }
        index += count
    }
}
