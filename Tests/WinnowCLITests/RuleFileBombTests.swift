import Foundation
import Testing

/// Rule files built to hurt: each gives a clean `file:line:col` error (or
/// loads, for the big one) and exit 2, in well under a second of work.
@Suite struct RuleFileBombTests {
    private func load(_ files: [String: [UInt8]]) throws -> (result: Binary.Result, seconds: Double) {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for (path, bytes) in files { try scratch.write("r/" + path, bytes) }
        let started = Date()
        let result = try Binary.run(["--no-default-rules", "--rules", "r"], stdin: "DROP\nText.\n", in: scratch.url)
        return (result, Date().timeIntervalSince(started))
    }

    private func load(_ text: String) throws -> (result: Binary.Result, seconds: Double) {
        try load(["bomb.yml": Array(text.utf8)])
    }

    /// Nine levels of nine aliases: 9⁹ strings if anything expanded them.
    private static let aliasBomb: String = {
        var lines = ["description: an alias bomb where the loader reads lists", "words:",
                     #"  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]"#]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append("  \(name): &\(name) [" + Array(repeating: "*" + previous, count: 9).joined(separator: ", ") + "]")
            previous = name
        }
        lines += ["rules:", "  - id: r", "    description: d", "    action: drop", "    regex: *i",
                  "    examples: {drop: *i, keep: *i}"]
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test(arguments: [
        ("empty", "", "r/bomb.yml:1:1: error: empty rule file"),
        ("not YAML", "rules: [\n  {id: x,\n", "r/bomb.yml:3:1: error: YAML: "),
        ("a YAML scalar", "just a sentence\n", "r/bomb.yml:1:1: error: "),
        ("unknown keys", "description: x\nfoo: 1\nrules:\n  - {id: a, description: d, action: drop, regex: x, bar: 2}\n",
         "r/bomb.yml:2:1: error: unknown rule file key 'foo'"),
        ("flow nesting", "rules: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n",
         "r/bomb.yml:1:[..]: error: YAML: Maximum nesting level reached"),
        ("block nesting", "rules:\n" + (1...2_000).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined(),
         "r/bomb.yml:[..]: error: YAML: Maximum nesting level reached"),
        ("an alias bomb", aliasBomb, "r/bomb.yml:[..]: error: "),
    ])
    func aBadFileIsAPositionedErrorAndExitTwo(name: String, text: String, expected: String) throws {
        let (result, seconds) = try load(text)
        #expect(result.status == 2, "\(name)")
        #expect(result.stdout.isEmpty, "\(name): nothing is filtered")
        let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        let parts = expected.components(separatedBy: "[..]")
        #expect(first.hasPrefix(parts[0]) && parts.dropFirst().allSatisfy { first.contains($0) },
                "\(name): \(result.stderr.prefix(300))")
        #expect(result.stderr.contains("nothing was filtered"), "\(name)")
        #expect(seconds < 10, "\(name) took \(seconds) s")
    }

    @Test func aFileThatIsNotUTF8() throws {
        let (result, _) = try load(["bomb.yml": Array("rules: []\n# ".utf8) + [0xFF, 0xFE, 0x0A]])
        #expect(result.status == 2)
        #expect(result.stderr.contains("r/bomb.yml"), "\(result.stderr)")
        #expect(result.stderr.contains("UTF-8"), "\(result.stderr)")
    }

    @Test func aSymlinkLoopInARulesFolder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("r"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("r/x.yml"), withDestinationPath: "x.yml")
        let result = try Binary.run(["--no-default-rules", "--rules", "r"], stdin: "Text.\n", in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("x.yml") && result.stderr.contains("Too many levels of symbolic links"),
                "\(result.stderr)")
    }

    @Test func tenThousandRulesLoadAndFilter() throws {
        var text = "description: ten thousand phrase rules\ndefaults: {action: drop}\nrules:\n"
        for index in 0..<10_000 {
            text += "  - {id: r\(index), description: phrase \(index), regex: '^phrase number \(index)$'}\n"
        }
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("r/many.yml", text)
        let started = Date()
        let result = try Binary.run(["--no-default-rules", "--rules", "r"],
                                    stdin: "phrase number 9999\nKept.\nphrase number 0\n", in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == "Kept.\n")
        // Not a benchmark (this is a debug build): a guard against loading that grows faster than the file.
        #expect(Date().timeIntervalSince(started) < 30)
    }
}
