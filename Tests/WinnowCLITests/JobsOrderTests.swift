import Foundation
import Testing

/// `--jobs N` filters documents on N threads; the output must be byte for
/// byte that of `--jobs 1`, in every output format, whatever the timing.
@Suite struct JobsOrderTests {
    /// Many documents of very different sizes, so that workers finish out of order.
    static let stream: String = {
        var generator = SplitMix(seed: 42)
        var text = ""
        let lines = ["Advertisement", "The council met on Tuesday and agreed the budget for next year.", "Share on Facebook",
                     "Subscribe", "Read more", "Officials said the work would take about six months.", "Tags: Budget"]
        for document in 0..<300 {
            let count = document % 17 == 0 ? 400 : Int(generator.next() % 12)
            for _ in 0..<count { text += lines[Int(generator.next() % UInt64(lines.count))] + "\n" }
            text += "Document \(document) ends here with a sentence of its own.\n\u{0C}\n"
        }
        return text
    }()

    static let records: String = {
        var text = ""
        for (index, page) in stream.components(separatedBy: "\u{0C}\n").enumerated() {
            let escaped = page.replacingOccurrences(of: "\n", with: "\\n")
            text += index % 50 == 7 ? "{broken\n" : "{\"id\":\(index),\"text\":\"\(escaped)\"}\n"
        }
        return text
    }()

    @Test(arguments: [[String](), ["--format", "jsonl"], ["--explain"], ["--stats"]])
    func textInputComesOutInInputOrder(options: [String]) throws {
        let one = try Binary.run(options + ["--jobs", "1"], stdin: Self.stream)
        #expect(one.status == 0)
        #expect(!one.stdout.isEmpty)
        for jobs in ["2", "3", "8"] {
            let many = try Binary.run(options + ["--jobs", jobs], stdin: Self.stream)
            #expect(many.status == 0)
            // With --stats the report on stderr has times in it; stdout must not differ.
            #expect(many.stdout == one.stdout, "--jobs \(jobs) \(options) differs from --jobs 1")
        }
    }

    @Test func jsonLinesInputComesOutInInputOrderWithItsErrors() throws {
        let one = try Binary.run(["--input", "jsonl", "--jobs", "1"], stdin: Self.records)
        let two = try Binary.run(["--input", "jsonl", "--jobs", "2"], stdin: Self.records)
        #expect(one.status == 1)
        #expect(two.status == 1)
        #expect(two.stdout == one.stdout)
        #expect(two.stderr == one.stderr)
        let failing = try Binary.run(["--input", "jsonl", "--on-error", "fail", "--jobs", "2"], stdin: Self.records)
        let failingOne = try Binary.run(["--input", "jsonl", "--on-error", "fail", "--jobs", "1"], stdin: Self.records)
        #expect(failing.stdout == failingOne.stdout)
        #expect(failing.stdout.filter { $0 == 0x0A }.count == 7)
    }

    @Test func jobsMustBePositive() throws {
        let result = try Binary.run(["--jobs", "0"], stdin: "x\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--jobs needs a whole number, 1 or more"))
    }
}

/// A small deterministic generator, so the stream is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
