import Foundation
import Testing
import WinnowOutput

/// Streaming a document's text into a JSON string gives exactly the bytes
/// that escaping the whole text at once gives, at any size.
@Suite struct JSONTextSinkTests {
    /// Text with multibyte characters, escapes and invalid bytes, long enough to span several slices.
    private func sample(_ generator: inout SplitMix64, length: Int) -> [UInt8] {
        let pieces: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("東".utf8), Array("😀".utf8),
                                 Array("\"\\\t".utf8), [0x0A], [0xFF], [0xE2, 0x82], [0x80], [0x00]]
        var bytes: [UInt8] = []
        while bytes.count < length { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
        return bytes
    }

    private func streamed(_ lines: [[UInt8]]) -> (text: [UInt8], base64: [UInt8], valid: Bool) {
        let text = OutputStream(), base64 = OutputStream()
        var sink = JSONTextSink(out: text)
        var encoder = Base64Sink(out: base64)
        for line in lines {
            line.withUnsafeBufferPointer { sink.write($0); encoder.write($0) }
        }
        sink.finish()
        encoder.finish()
        text.flush()
        base64.flush()
        return (text.collected, base64.collected, sink.isValidUTF8)
    }

    @Test(arguments: [0, 1, 100, 70_000, 200_001])
    func streamingMatchesEscapingTheWhole(length: Int) {
        var generator = SplitMix64(seed: UInt64(length) + 1)
        let whole = sample(&generator, length: length)
        // Written as a printer would: a line at a time.
        var lines: [[UInt8]] = []
        var start = 0
        for (index, byte) in whole.enumerated() where byte == 0x0A {
            lines.append(Array(whole[start...index]))
            start = index + 1
        }
        lines.append(Array(whole[start...]))
        var json = JSONWriter()
        let valid = json.string(bytes: whole)
        let result = streamed(lines)
        #expect(result.text == Array(json.bytes.dropFirst().dropLast()))
        #expect(result.valid == valid)
        #expect(result.base64 == Array(Data(whole).base64EncodedString().utf8))
    }

    @Test func aGiantLineOfMultibyteCharactersIsNeverCutInsideOne() {
        // 3-byte characters: no slice boundary (a power of two) falls on a character boundary by luck.
        let line = Array(String(repeating: "東", count: 100_000).utf8)
        let result = streamed([line])
        #expect(result.valid)
        #expect(result.text == line)
    }
}
