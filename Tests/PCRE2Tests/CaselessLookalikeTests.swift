import PCRE2
import Testing

/// The characters a folded-byte prefilter must not be trusted with: asked of PCRE2 itself.
@Suite struct CaselessLookalikeTests {
    /// Every scalar outside ASCII that `[a-z]`, compiled as winnow compiles a
    /// caseless rule, matches: each must be in `ASCIIFolding.caselessLookalikes`.
    @Test func everyNonASCIIScalarCaselesslyEqualToAnASCIILetterIsListed() throws {
        let letter = try Pattern("^[a-z]$", options: [.unicode, .caseless])
        let data = MatchData()
        var found: [Unicode.Scalar] = []
        var bytes: [UInt8] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
            bytes.removeAll(keepingCapacity: true)
            bytes.append(contentsOf: String(scalar).utf8)
            let hit = try bytes.withUnsafeBufferPointer { (buffer) throws(PCRE2Error) -> Bool in
                try letter.firstMatch(in: buffer, with: data) != nil
            }
            if hit { found.append(scalar) }
        }
        let missing = found.filter { !ASCIIFolding.caselessLookalikes.contains($0) }
        #expect(missing.isEmpty, "not in ASCIIFolding.caselessLookalikes: \(missing.map { "U+" + String($0.value, radix: 16, uppercase: true) })")
        #expect(!found.isEmpty)  // KELVIN SIGN at least: the test does ask the right question
        // U+0130 and U+0131 (Turkish dotted and dotless i) are not among them: PCRE2 folds them to no ASCII letter.
        #expect(!found.contains("\u{0130}") && !found.contains("\u{0131}"))
    }

    @Test func foldingLowersOnlyASCIILetters() {
        #expect(ASCIIFolding.fold(Array("AZaz@[`{\u{C9}".utf8)) == Array("azaz@[`{\u{C9}".utf8))
    }
}
