import Foundation
import Testing

/// Input that is not clean text: never a crash, never silently lost text.
@Suite struct BadInputTests {
    @Test func brokenUTF8IsKeptExactlyAndNeverMatchedAcross() throws {
        var input: [UInt8] = []
        input += Array("Intro paragraph with a bad byte ".utf8) + [0xFF] + Array(" in it.\n".utf8)
        input += Array("Advertisement\n".utf8)
        input += Array("Adver".utf8) + [0xFF] + Array("tisement\n".utf8)
        input += [0xC3, 0x0A]                                   // a truncated two-byte character
        input += [0xED, 0xA0, 0x80] + Array(" a surrogate\n".utf8)
        input += [0xC0, 0xAF] + Array(" an overlong slash\n".utf8)
        input += Array("Advertisement".utf8) + [0xFE]             // bad byte at the very end, no newline
        let result = try Binary.run([], stdin: input)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        var expected = input
        let ad = Array("Advertisement\n".utf8)
        let start = try #require(indexOf(ad, in: expected))
        expected.removeSubrange(start..<(start + ad.count))
        #expect(result.stdout == expected)
    }

    @Test func nulBytesInsideLinesAreText() throws {
        let input: [UInt8] = Array("Text with a ".utf8) + [0] + Array(" NUL.\n\0\nAdvertisement\nEnd.\n".utf8)
        let result = try Binary.run([], stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout == Array("Text with a ".utf8) + [0] + Array(" NUL.\n\0\nEnd.\n".utf8))
    }

    @Test func aGiantLineWithoutANewlineComesThroughWhole() throws {
        // 24 MB on one line: the reader must grow past its chunk size, and every rule runs over it.
        let unit = Array("All work and no play makes a long line, with é and ü. ".utf8)
        var input: [UInt8] = []
        input.reserveCapacity(24 << 20)
        while input.count < 24 << 20 { input += unit }
        let started = Date()
        let result = try Binary.run([], stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout.count == input.count)
        #expect(result.stdout == input)
        // Not a benchmark: only a guard against a quadratic reader or printer.
        #expect(Date().timeIntervalSince(started) < 60)
        // A shorter giant line between ordinary lines and documents comes out as one whole line.
        let giant = Array(input.prefix(3 << 20))
        let framed = Array("Before.\n".utf8) + giant + Array("\n\u{0C}\nAfter.\n".utf8)
        let second = try Binary.run([], stdin: framed)
        #expect(second.status == 0)
        let lines = second.stdout.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(lines.contains { $0.elementsEqual(giant) }, "the giant line is not in the output whole")
        #expect(lines.contains([0x0C]), "the document separator is lost")
    }

    @Test func aPathologicalRegexFailsOpenWithAWarningNamingTheRule() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("slow/backtrack.yml", """
            description: a rule with catastrophic backtracking
            rules:
              - id: evil
                description: nested quantifiers
                action: drop
                regex: '(a+)+$'

            """)
        let evil = String(repeating: "a", count: 40) + "b"
        let input = "Headline\n\(evil)\nAdvertisement\n\u{0C}\n\(evil)\n"
        let result = try Binary.run(["--rules", "slow"], stdin: input, in: scratch.url)
        #expect(result.status == 0)
        #expect(result.text == "Headline\n\(evil)\n\u{0C}\n\(evil)\n")
        #expect(result.stderr.contains("backtrack/evil"))
        #expect(result.stderr.contains("match limit exceeded"))
        // The load-time check names the risky regex first; then one warning per hit, naming the document and the line.
        var warnings = result.stderr.split(separator: "\n").map(String.init)
        #expect(warnings.first?.hasPrefix("slow/backtrack.yml:6:13: warning: regex at offset 0: nested quantifiers") == true,
                "\(result.stderr)")
        warnings.removeFirst()
        #expect(warnings.count == 2, "\(result.stderr)")
        let first = warnings.first ?? "", last = warnings.last ?? ""
        #expect(first.contains("<stdin>#1") && first.replacingOccurrences(of: "<stdin>#1", with: "").contains("2"))
        #expect(last.contains("<stdin>#2") && last.replacingOccurrences(of: "<stdin>#2", with: "").contains("1"))
        #expect(warnings.allSatisfy { $0.hasPrefix("winnow: warning: ") && $0.contains("backtrack/evil") })
    }

    @Test func manyLimitHitsAreSummarisedNotFlooded() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.writeBacktrackingRule()
        // Ten documents of one line each: the rule is never suspended, as each is a new document.
        let input = (0..<10).map { String(repeating: "a", count: 40 + $0) + "b\n" }.joined(separator: "\u{0C}\n")
        let result = try Binary.run(["--no-default-rules", "--rules", "slow"], stdin: input, in: scratch.url)
        #expect(result.status == 0)
        #expect(result.text == input)
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("slow/backtrack.yml:") }
        #expect(lines.count == 4, "three warnings and a summary, after the load-time warning: \(result.stderr)")
        #expect(lines.last == "winnow: warning: rule backtrack/evil hit a PCRE2 limit on 10 lines in all")
    }

    @Test func aRunawayRuleIsSuspendedForTheRestOfTheDocument() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.writeBacktrackingRule()
        let input = String(repeating: String(repeating: "a", count: 40) + "!\n", count: 2_000) + "aaaa\n"
        let result = try Binary.run(["--no-default-rules", "--rules", "slow"], stdin: input, in: scratch.url)
        #expect(result.status == 0)
        #expect(result.text == input, "a suspended rule acts on no later line, not even one it would match")
        let warnings = result.stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("slow/backtrack.yml:") }
        #expect(warnings.count == 4, "\(result.stderr)")
        #expect(warnings.last == "winnow: warning: <stdin>:3: rule backtrack/evil is suspended for the rest of the "
                + "document: it hit a PCRE2 limit on 3 lines; it acts on no later line")
        let once = try Binary.run(["--no-default-rules", "--rules", "slow", "--rule-limit-hits", "1"],
                                  stdin: input, in: scratch.url)
        #expect(once.stderr.split(separator: "\n").filter { $0.contains("stopped:") }.count == 1)
        let refused = try Binary.run(["--rule-time", "0"], stdin: "", in: scratch.url)
        #expect(refused.status == 2 && refused.stderr.contains("--rule-time needs a whole number, 1 or more"))
    }

    private func indexOf(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
