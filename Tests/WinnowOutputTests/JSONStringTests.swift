import Foundation
import Testing
@testable import WinnowOutput

@Suite struct JSONStringTests {
    private func decode(_ token: [UInt8]) -> [UInt8] { token.withUnsafeBufferPointer { JSONString.decode($0) } }
    private func decode(_ token: String) -> [UInt8] { decode(Array(token.utf8)) }

    @Test func decodesEscapes() {
        #expect(decode(#""a\"b\\c\/d\n\r\t\b\f""#) == Array("a\"b\\c/d\n\r\t\u{08}\u{0C}".utf8))
        #expect(decode(#""caf\u00e9 \u00E9 \u20ac \u0000""#) == Array("café é € \u{0}".utf8))
        #expect(decode(#""""#) == [])
    }

    @Test func joinsSurrogatePairsAndReplacesLoneSurrogates() {
        #expect(decode(#""\ud83d\ude00""#) == Array("😀".utf8))
        #expect(decode(#""\uD83D\uDE00x""#) == Array("😀x".utf8))
        #expect(decode(#""\ud83d""#) == Array("\u{FFFD}".utf8))
        #expect(decode(#""\ud83dx""#) == Array("\u{FFFD}x".utf8))
        #expect(decode(#""\ude00\ud83d""#) == Array("\u{FFFD}\u{FFFD}".utf8))
        #expect(decode(#""\ud83d\u0041""#) == Array("\u{FFFD}A".utf8))
    }

    @Test func keepsRawBytesAsTheyAre() {
        let token: [UInt8] = [0x22, 0x61, 0xFF, 0xC3, 0x5C, 0x6E, 0xE9, 0x22]
        #expect(decode(token) == [0x61, 0xFF, 0xC3, 0x0A, 0xE9])
    }

    /// Whatever the writer writes, the decoder reads back (for valid UTF-8), and so does Foundation.
    @Test func readsBackWhatTheWriterWrites() throws {
        var generator = SplitMix64(seed: 7)
        let alphabet = Array("ab\"\\/\n\t\u{01}\u{1F}é€😀\u{2028}".unicodeScalars)
        for _ in 0..<1000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 16) {
                text.unicodeScalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
            }
            var json = JSONWriter()
            json.string(text)
            #expect(decode(json.bytes) == Array(text.utf8))
            let foundation = try JSONSerialization.jsonObject(with: Data(json.bytes), options: [.fragmentsAllowed])
            #expect(foundation as? String == text)
        }
    }
}
