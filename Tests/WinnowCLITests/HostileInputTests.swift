import Foundation
import Testing

/// Every hostile input of the hardening list: no crash, a clean exit, and
/// every kept byte exactly as it came in. One rule drops lines that read
/// `DROP`, so the expected output is the input without them.
@Suite struct HostileInputTests {
    private static let rules = """
        description: one rule, so the expected output is easy to state
        rules:
          - {id: drop, description: drops DROP lines, action: drop, regex: '^DROP$'}

        """

    /// Runs winnow with only the DROP rule (and the default rules when asked).
    private func run(_ input: [UInt8], _ arguments: [String] = [], defaults: Bool = false) throws -> Binary.Result {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("r/drop.yml", Self.rules)
        return try Binary.run((defaults ? [] : ["--no-default-rules"]) + ["--rules", "r"] + arguments,
                              stdin: input, in: scratch.url)
    }

    /// The input without its `DROP` lines (no blank lines in these inputs, so nothing else changes).
    private func withoutDropLines(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = [], start = 0
        while start < input.count {
            let end = (input[start...].firstIndex(of: 0x0A) ?? input.count - 1) + 1
            let line = input[start..<end]
            if !(line.elementsEqual(Array("DROP\n".utf8)) || line.elementsEqual(Array("DROP".utf8))) {
                output += line
            }
            start = end
        }
        return output
    }

    @Test(arguments: [
        ("a stray continuation byte", [0x80]),
        ("an overlong slash", [0xC0, 0xAF]),
        ("a surrogate", [0xED, 0xA0, 0x80]),
        ("a truncated sequence", [0xE6, 0x97]),
        ("a code point past U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("a NUL", [0x00]),
        ("DEL and C1 controls", [0x7F, 0xC2, 0x85]),
    ] as [(String, [UInt8])])
    func invalidUTF8AndControlBytesAreKeptExactly(name: String, bytes: [UInt8]) throws {
        let input = Array("Before ".utf8) + bytes + Array(" after.\nDROP\n".utf8) + bytes + Array("\nDROP".utf8)
        let result = try run(input)
        #expect(result.status == 0, "\(name): \(result.stderr)")
        #expect(result.stdout == withoutDropLines(input), "\(name)")
    }

    @Test(arguments: [1, 2, 3])
    func aCharacterSplitAcrossTheReadersChunksIsKeptWhole(offset: Int) throws {
        // The reader asks for 256 KiB at a time: put a 4-byte character across that boundary.
        let chunk = 1 << 18
        var input = [UInt8](repeating: UInt8(ascii: "x"), count: chunk - offset)
        input += Array("😀 and more text\nDROP\nend\n".utf8)
        let result = try run(input, defaults: true)
        #expect(result.status == 0)
        #expect(result.stdout.starts(with: input.prefix(chunk - offset + 4)), "the character is cut")
        let plain = try run(input)
        #expect(plain.stdout == withoutDropLines(input))
    }

    @Test(arguments: [
        ("CRLF", "one\r\nDROP\r\ntwo\r\n", "one\r\ntwo\r\n"),
        ("lone CRs only", "one\rDROP\rtwo\r", "one\rtwo\r"),
        ("mixed: a lone CR in LF text is text", "one\rDROP\nDROP\r\ntwo\n", "one\rDROP\ntwo\n"),
        ("no final newline", "one\nDROP\ntwo", "one\ntwo"),
        ("a BOM first", "\u{FEFF}DROP\none\n", "one\n"),
        ("empty", "", ""),
        ("only a newline", "\n", ""),
    ])
    func lineEndingsBOMsAndEmptyInput(name: String, input: String, expected: String) throws {
        let result = try run(Array(input.utf8))
        #expect(result.status == 0, "\(name)")
        #expect(result.text == expected, "\(name)")
    }

    @Test func aBOMAtTheStartOfAJSONLinesRecordIsSkipped() throws {
        let input = Array("\u{FEFF}{\"text\":\"DROP\\nkept\\n\"}\n{\"text\":\"x\"}\n".utf8)
        let result = try run(input, ["--input", "jsonl", "--no-report"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == "\u{FEFF}{\"text\":\"kept\\n\"}\n{\"text\":\"x\"}\n")
    }

    @Test func aMillionOneByteLines() throws {
        let input = (0..<2_000_000).map { $0 % 2 == 0 ? UInt8(ascii: "a") : 0x0A }
        let result = try run(input)
        #expect(result.status == 0)
        #expect(result.stdout == input)
    }

    @Test func binaryGarbage() throws {
        var generator = SystemRandomNumberGenerator()
        var input: [UInt8] = []
        // Lines of random bytes; a line of only whitespace would be a blank line, so each starts with '#'.
        while input.count < 1 << 20 {
            input.append(UInt8(ascii: "#"))
            let length = Int.random(in: 1...300, using: &generator)
            input += (0..<length).map { _ in
                var byte = UInt8.random(in: 0...255, using: &generator)
                while byte == 0x0A || byte == 0x0C || byte == 0x0D { byte = UInt8.random(in: 0...255, using: &generator) }
                return byte
            }
            input.append(0x0A)
        }
        let result = try run(input, defaults: true)
        #expect(result.status == 0)
        // Whatever the default rules take, what they keep is whole input lines, in order.
        let inputLines = input.split(separator: 0x0A)
        var next = inputLines.startIndex
        for line in result.stdout.split(separator: 0x0A) {
            guard let found = inputLines[next...].firstIndex(where: { $0.elementsEqual(line) }) else {
                Issue.record("an output line is not an input line")
                break
            }
            next = found + 1
        }
        let plain = try run(input)
        #expect(plain.stdout == input)
    }

    @Test func aHundredThousandTinyDocuments() throws {
        let input = Array(String(repeating: "a\nDROP\n\u{0C}\n", count: 100_000).utf8)
        let result = try run(input)
        #expect(result.status == 0)
        #expect(result.text == String(repeating: "a\n\u{0C}\n", count: 100_000))
        let records = try run(input, ["--format", "jsonl"])
        #expect(records.stdout.filter { $0 == 0x0A }.count == 100_000)
    }

    @Test func jsonNestedDeeplyIsAnUnreadableRecordNotACrash() throws {
        let deep = "{\"text\":\"a\",\"x\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let input = Array((deep + "\n{\"text\":\"DROP\\nb\\n\"}\n").utf8)
        let result = try run(input, ["--input", "jsonl", "--no-report"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nested deeper than 512 levels"))
        #expect(result.text == deep + "\n{\"text\":\"b\\n\"}\n", "the deep record passes through; the next is filtered")
    }
}
