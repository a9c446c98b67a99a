import PCRE2
import Testing
@testable import WinnowEngine

/// The multi-literal matcher against a plain search for each literal.
@Suite struct LiteralMatcherTests {
    private func found(_ matcher: LiteralMatcher, in text: [UInt8]) -> [UInt64] {
        var marks = [UInt64](repeating: 0, count: matcher.wordCount)
        text.withUnsafeBufferPointer { bytes in
            marks.withUnsafeMutableBufferPointer { matcher.scan(bytes, marking: $0.baseAddress!) }
        }
        return marks
    }

    @Test func findsOverlappingLiteralsCaseInsensitively() {
        let literals = ["he", "she", "his", "hers", "sponsored"].enumerated().map { (Array($1.utf8), slot: $0) }
        let matcher = LiteralMatcher(literals)
        #expect(found(matcher, in: Array("uSHErs".utf8)) == [0b1011])
        #expect(found(matcher, in: Array("SPONSORED".utf8)) == [0b10000])
        #expect(found(matcher, in: Array("nothing".utf8)) == [0])
        #expect(found(matcher, in: []) == [0])
    }

    @Test func agreesWithAPlainSearchOnRandomText() {
        var random = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("abAB c\u{212A}".utf8) + [0xFF, 0x80]
        for _ in 0..<200 {
            let literals = (0..<Int.random(in: 1...150, using: &random)).map { slot in
                (ASCIIFolding.fold((0..<Int.random(in: 1...4, using: &random)).map { _ in alphabet.randomElement()! }),
                 slot: slot)
            }
            let matcher = LiteralMatcher(literals)
            for _ in 0..<20 {
                let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement()! }
                let folded = ASCIIFolding.fold(text)
                var expected = [UInt64](repeating: 0, count: matcher.wordCount)
                for (bytes, slot) in literals where folded.count >= bytes.count
                    && (0...(folded.count - bytes.count)).contains(where: { folded[$0..<($0 + bytes.count)].elementsEqual(bytes) }) {
                    expected[slot >> 6] |= 1 << UInt64(slot & 63)
                }
                #expect(found(matcher, in: text) == expected)
            }
        }
    }
}
