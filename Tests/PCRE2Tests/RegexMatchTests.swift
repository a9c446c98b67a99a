import PCRE2
import Testing

/// Matching over bytes: Unicode classes, invalid UTF-8, limits, groups, iteration.
@Suite struct RegexMatchTests {
    /// The first match of `regex` in `bytes`, and group ranges by index.
    private func firstMatch(_ regex: Regex, _ bytes: [UInt8], from start: Int = 0,
                            data: MatchData = MatchData()) throws(PCRE2Error) -> Range<Int>? {
        try bytes.withUnsafeBufferPointer { (buffer) throws(PCRE2Error) -> Range<Int>? in
            try regex.firstMatch(in: buffer, from: start, with: data)
        }
    }

    private func allMatches(_ regex: Regex, _ bytes: [UInt8]) throws(PCRE2Error) -> [Range<Int>] {
        try bytes.withUnsafeBufferPointer { (buffer) throws(PCRE2Error) -> [Range<Int>] in
            try regex.allMatches(in: buffer, with: MatchData())
        }
    }

    @Test func wordClassMatchesAccentedLettersUnderUCP() throws {
        #expect(try Regex(#"^\w+$"#).matches("é"))
        #expect(try Regex(#"^\w+$"#).matches("Publicité"))
        #expect(try Regex(#"\bcafé\b"#).matches("un café noir"))
        #expect(try Regex(#"^\d+$"#).matches("١٢٣"))            // Arabic-Indic digits are \d under UCP
        // Without UCP, \w is ASCII only.
        #expect(try !Regex(#"^\w+$"#, options: [.utf]).matches("é"))
    }

    @Test func dotAndOffsetsWorkOnCharactersAndBytes() throws {
        let hit = try firstMatch(try Regex("^.$"), Array("é".utf8))
        #expect(hit == 0..<2)
        #expect(try Regex("(?i)^PUBLICITÉ$").matches("publicité"))
        #expect(try Regex("^publicité$", options: [.unicode, .caseless]).matches("PUBLICITÉ"))
    }

    @Test func invalidUTF8SubjectsNeverThrowAndNeverMatchAcrossBadBytes() throws {
        let regex = try Regex("Advertisement")
        var broken = Array("Adver".utf8) + [0xFF] + Array("tisement".utf8)
        #expect(try firstMatch(regex, broken) == nil)
        // Valid text around bad bytes still matches, at the right byte offsets.
        broken = [0xC3, 0x28] + Array(" Advertisement ".utf8) + [0xE2, 0x82]
        #expect(try firstMatch(regex, broken) == 3..<16)
        // `.` never consumes a bad byte.
        #expect(try firstMatch(try Regex("^A.B$"), [0x41, 0x80, 0x42]) == nil)
        #expect(try firstMatch(try Regex("A.*B"), [0x41, 0x43, 0xFE, 0x43, 0x42]) == nil)
        // An overlong encoding and a lone surrogate are invalid too.
        #expect(try firstMatch(try Regex("/"), [0xC0, 0xAF]) == nil)
        #expect(try firstMatch(try Regex("."), [0xED, 0xA0, 0x80]) == nil)
    }

    @Test func catastrophicBacktrackingHitsTheMatchLimit() throws {
        let regex = try Regex("(a+)+$")
        let subject = Array(String(repeating: "a", count: 40).utf8) + Array("b".utf8)
        do {
            _ = try firstMatch(regex, subject)
            Issue.record("(a+)+$ finished on 40 a's and a b")
        } catch {
            #expect(error.isResourceLimit)
            #expect(error.message == "match limit exceeded")
            #expect(error.offset == nil)
        }
    }

    @Test func aLowerLimitStopsSooner() throws {
        let regex = try Regex("^(a|b|ab)*c")
        // The 'c' at the end defeats PCRE2's required-character shortcut, so the match must backtrack.
        let subject = Array((String(repeating: "ab", count: 8) + "xc").utf8)
        #expect(try firstMatch(regex, subject) == nil)  // fine under the default limits
        let tight = MatchData(limits: MatchLimits(matchLimit: 10))
        #expect(throws: PCRE2Error.self) { try firstMatch(regex, subject, data: tight) }
    }

    @Test func namedGroupsAreReadFromMatchData() throws {
        let regex = try Regex(#"^By (?<author>[^|]+?)(?: \| (?<desk>.+))?$"#)
        let data = MatchData()
        let text = Array("By Riya R Alex | Markets".utf8)
        #expect(try firstMatch(regex, text, data: data) == 0..<text.count)
        let author = try #require(data.range(of: regex.namedGroups[0].index))
        let desk = try #require(data.range(of: regex.namedGroups[1].index))
        #expect(String(decoding: text[author], as: UTF8.self) == "Riya R Alex")
        #expect(String(decoding: text[desk], as: UTF8.self) == "Markets")
        // A group that took no part reads as nil; so does a group that does not exist.
        _ = try firstMatch(regex, Array("By Ana".utf8), data: data)
        #expect(data.range(of: regex.namedGroups[1].index) == nil)
        #expect(data.range(of: 99) == nil)
        #expect(data.range(of: -1) == nil)
    }

    @Test func matchDataGrowsForPatternsWithManyGroups() throws {
        let pattern = String(repeating: "(a)", count: 40)
        let regex = try Regex(pattern)
        let data = MatchData(capturePairs: 2)
        let subject = Array(String(repeating: "a", count: 40).utf8)
        #expect(try firstMatch(regex, subject, data: data) == 0..<40)
        #expect(data.range(of: 40) == 39..<40)
    }

    @Test func startOffsetKeepsLookbehindAndAnchorsRight() throws {
        let subject = Array("ab ab".utf8)
        #expect(try firstMatch(try Regex("ab"), subject, from: 1) == 3..<5)
        #expect(try firstMatch(try Regex("^ab"), subject, from: 1) == nil)
        #expect(try firstMatch(try Regex(#"(?<= )ab"#), subject, from: 3) == 3..<5)
    }

    @Test func emptySubjectsMatchOnlyEmptyPatterns() throws {
        #expect(try firstMatch(try Regex("^$"), []) == 0..<0)
        #expect(try firstMatch(try Regex("x"), []) == nil)
        #expect(try allMatches(try Regex("x*"), []) == [0..<0])
    }

    @Test func allMatchesStepsOverEmptyMatchesByWholeCharacters() throws {
        #expect(try allMatches(try Regex("x*"), Array("axxb".utf8)) == [0..<0, 1..<3, 3..<3, 4..<4])
        // After an empty match at a two-byte character the next try starts after the whole character.
        #expect(try allMatches(try Regex("x*"), Array("éx".utf8)) == [0..<0, 2..<3, 3..<3])
        #expect(try allMatches(try Regex(#"\b"#), Array("ab cd".utf8)) == [0..<0, 2..<2, 3..<3, 5..<5])
    }

    @Test func allMatchesFindsNonOverlappingMatchesLeftToRight() throws {
        #expect(try allMatches(try Regex("aa"), Array("aaaaa".utf8)) == [0..<2, 2..<4])
        let multi = try Regex("^Ad$", options: [.unicode, .multiline])
        #expect(try allMatches(multi, Array("Ad\nText\nAd".utf8)) == [0..<2, 8..<10])
    }

    @Test func matchesConvenienceUsesTheWholeString() throws {
        #expect(try Regex("(?i)subscribe").matches("SUBSCRIBE now"))
        #expect(try !Regex("^subscribe$").matches("Subscribe"))
    }

    @Test func regexIsShareableAcrossTasks() async throws {
        let regex = try Regex(#"\d+"#)
        let counts = await withTaskGroup(of: Bool.self) { group in
            for n in 0..<8 {
                group.addTask { (try? regex.matches("item \(n)", with: MatchData())) ?? false }
            }
            var all: [Bool] = []
            for await found in group { all.append(found) }
            return all
        }
        #expect(counts == Array(repeating: true, count: 8))
    }
}
