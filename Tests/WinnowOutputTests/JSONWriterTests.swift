import Foundation
import Testing
@testable import WinnowOutput

@Suite struct JSONWriterTests {
    private func encoded(_ bytes: [UInt8]) -> (json: [UInt8], valid: Bool) {
        var json = JSONWriter()
        let valid = json.string(bytes: bytes)
        return (json.bytes, valid)
    }

    /// What Foundation reads back from a JSON string token.
    private func decoded(_ json: [UInt8]) throws -> String {
        let value = try JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed])
        return try #require(value as? String)
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() {
        #expect(encoded(Array("a\"b\\c".utf8)).json == Array(#""a\"b\\c""#.utf8))
        #expect(encoded(Array("\n\r\t\u{08}\u{0C}".utf8)).json == Array(#""\n\r\t\b\f""#.utf8))
        #expect(encoded([0x00, 0x01, 0x1F, 0x7F]).json == Array(#""\u0000\u0001\u001f"#.utf8) + [0x7F, 0x22])
        #expect(encoded(Array("/".utf8)).json == Array(#""/""#.utf8))
    }

    @Test func validUTF8PassesThroughUnchanged() {
        let text = "café – 東京 😀 \u{2028}"
        let result = encoded(Array(text.utf8))
        #expect(result.valid)
        #expect(result.json == [0x22] + Array(text.utf8) + [0x22])
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        // A stray continuation byte, a truncated 3-byte sequence, an overlong form, a surrogate, a byte above F4.
        let cases: [[UInt8]] = [[0x61, 0x80, 0x62], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF],
                                [0xF0, 0x9F, 0x98], [0xE2, 0x82, 0x41], [0xF4, 0x90, 0x80, 0x80]]
        for bytes in cases {
            let result = encoded(bytes)
            #expect(!result.valid, "\(bytes)")
            #expect(try decoded(result.json) == String(decoding: bytes, as: UTF8.self), "\(bytes)")
        }
    }

    @Test func textAddsBase64OnlyWhenTheBytesAreNotUTF8() throws {
        var json = JSONWriter()
        json.beginObject()
        json.text("text", bytes: Array("plain".utf8))
        json.text("other", bytes: [0x61, 0xFF, 0x0A])
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self)
                == #"{"text":"plain","other":"a\#u{FFFD}\n","other_base64":"Yf8K"}"#)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: String])
        #expect(Data(base64Encoded: try #require(object["other_base64"])).map([UInt8].init) == [0x61, 0xFF, 0x0A])
    }

    @Test func structureGetsItsCommas() {
        var json = JSONWriter()
        json.beginObject()
        json.key("a"); json.beginArray(); json.number(1); json.number(-2); json.beginObject(); json.endObject()
        json.endArray()
        json.key("b"); json.bool(true)
        json.key("c"); json.null()
        json.key("d"); json.number(0.25)
        json.key("e"); json.number(Double.nan)
        json.key("k\"ey"); json.string("v")
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self)
                == #"{"a":[1,-2,{}],"b":true,"c":null,"d":0.25,"e":null,"k\"ey":"v"}"#)
        json.reset(afterValue: true)
        json.key("x"); json.number(1)
        #expect(String(decoding: json.bytes, as: UTF8.self) == #","x":1"#)
    }

    /// The writer skips plain ASCII eight bytes at a time: a byte that needs
    /// care must be found in every lane of the word and in the tail.
    @Test func findsSpecialBytesAtEveryPosition() throws {
        let specials: [[UInt8]] = [[0x22], [0x5C], [0x0A], [0x01], [0x1F], [0x7F], Array("é".utf8), Array("😀".utf8),
                                   [0xFF], [0xC3]]
        for special in specials {
            for position in 0..<40 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 40)
                bytes.replaceSubrange(position..<position + 1, with: special)
                var json = JSONWriter()
                json.beginObject()
                json.text("t", bytes: bytes)
                json.endObject()
                let object = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: String])
                #expect(object["t"] == String(decoding: bytes, as: UTF8.self), "\(special) at \(position)")
                #expect((object["t_base64"] != nil) == (special == [0xFF] || special == [0xC3]))
            }
        }
    }

    /// Random bytes, biased towards the interesting ones: whatever they are,
    /// the output parses, reads back as Swift's repair of the bytes, and the
    /// base64 holds them exactly.
    @Test func randomBytesAlwaysRoundTrip() throws {
        var generator = SplitMix64(seed: 42)
        let interesting: [UInt8] = [0x00, 0x0A, 0x1F, 0x22, 0x5C, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xEF,
                                    0xF0, 0xF4, 0xF5, 0xFF, 0x41, 0x9F, 0xA0]
        for _ in 0..<2000 {
            let count = Int(generator.next() % 24)
            var bytes: [UInt8] = []
            for _ in 0..<count {
                let r = generator.next()
                bytes.append(r % 3 == 0 ? UInt8(truncatingIfNeeded: r >> 8) : interesting[Int(r >> 8) % interesting.count])
            }
            var json = JSONWriter()
            json.beginObject()
            json.text("t", bytes: bytes)
            json.endObject()
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: String])
            #expect(object["t"] == String(decoding: bytes, as: UTF8.self), "\(bytes)")
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((object["t_base64"] == nil) == valid, "\(bytes)")
            if let base64 = object["t_base64"] {
                #expect(Data(base64Encoded: base64).map([UInt8].init) == bytes)
            }
        }
    }
}

/// A small deterministic generator, so a failure can be replayed.
struct SplitMix64: RandomNumberGenerator {
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
