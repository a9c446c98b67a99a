import PCRE2
import Testing

/// Matching over bytes: Unicode classes, invalid UTF-8, limits, groups, iteration.
@Suite struct PatternMatchTests {
    /// The first match of `regex` in `bytes`, and group ranges by index.
    private func firstMatch(_ regex: Pattern, _ bytes: [UInt8], from start: Int = 0,
                            data: MatchData = MatchData()) throws(PCRE2Error) -> Range<Int>? {
        try bytes.withUnsafeBufferPointer { (buffer) throws(PCRE2Error) -> Range<Int>? in
            try regex.firstMatch(in: buffer, from: start, with: data)
        }
    }

    private func allMatches(_ regex: Pattern, _ bytes: [UInt8]) throws(PCRE2Error) -> [Range<Int>] {
        try bytes.withUnsafeBufferPointer { (buffer) throws(PCRE2Error) -> [Range<Int>] in
            try regex.allMatches(in: buffer, with: MatchData())
        }
    }

    @Test func wordClassMatchesAccentedLettersUnderUCP() throws {
        #expect(try Pattern(#"^\w+$"#).matches("é"))
        #expect(try Pattern(#"^\w+$"#).matches("Publicité"))
        #expect(try Pattern(#"\bcafé\b"#).matches("un café noir"))
        #expect(try Pattern(#"^\d+$"#).matches("١٢٣"))            // Arabic-Indic digits are \d under UCP
        // Without UCP, \w is ASCII only.
        #expect(try !Pattern(#"^\w+$"#, options: [.utf]).matches("é"))
    }

    @Test func dotAndOffsetsWorkOnCharactersAndBytes() throws {
        let hit = try firstMatch(try Pattern("^.$"), Array("é".utf8))
        #expect(hit == 0..<2)
        #expect(try Pattern("(?i)^PUBLICITÉ$").matches("publicité"))
        #expect(try Pattern("^publicité$", options: [.unicode, .caseless]).matches("PUBLICITÉ"))
    }

    @Test func invalidUTF8SubjectsNeverThrowAndNeverMatchAcrossBadBytes() throws {
        let regex = try Pattern("Advertisement")
        var broken = Array("Adver".utf8) + [0xFF] + Array("tisement".utf8)
        #expect(try firstMatch(regex, broken) == nil)
        // Valid text around bad bytes still matches, at the right byte offsets.
        broken = [0xC3, 0x28] + Array(" Advertisement ".utf8) + [0xE2, 0x82]
        #expect(try firstMatch(regex, broken) == 3..<16)
        // `.` never consumes a bad byte.
        #expect(try firstMatch(try Pattern("^A.B$"), [0x41, 0x80, 0x42]) == nil)
        #expect(try firstMatch(try Pattern("A.*B"), [0x41, 0x43, 0xFE, 0x43, 0x42]) == nil)
        // An overlong encoding and a lone surrogate are invalid too.
        #expect(try firstMatch(try Pattern("/"), [0xC0, 0xAF]) == nil)
        #expect(try firstMatch(try Pattern("."), [0xED, 0xA0, 0x80]) == nil)
    }

    @Test func catastrophicBacktrackingHitsTheMatchLimit() throws {
        let regex = try Pattern("(a+)+$")
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
        let regex = try Pattern("^(a|b|ab)*c")
        // The 'c' at the end defeats PCRE2's required-character shortcut, so the match must backtrack.
        let subject = Array((String(repeating: "ab", count: 8) + "xc").utf8)
        #expect(try firstMatch(regex, subject) == nil)  // fine under the default limits
        let tight = MatchData(limits: MatchLimits(matchLimit: 10))
        #expect(throws: PCRE2Error.self) { try firstMatch(regex, subject, data: tight) }
    }

    @Test func capturesAreValuesThatOutliveTheNextMatch() throws {
        let regex = try Pattern(#"^By (?<author>[^|]+?)(?: \| (?<desk>.+))?$"#)
        let data = MatchData()
        let text = Array("By Riya R Alex | Markets".utf8)
        let found = try #require(try text.withUnsafeBufferPointer { try regex.captures(in: $0, with: data) })
        // Another match through the same match data must not change what was found.
        _ = try firstMatch(regex, Array("By Ana".utf8), data: data)
        #expect(found.whole == 0..<text.count)
        let authorGroup = try #require(regex.group(named: "author"))
        let deskGroup = try #require(regex.group(named: "desk"))
        let author = try #require(found[authorGroup])
        let desk = try #require(found[deskGroup])
        #expect(String(decoding: text[author], as: UTF8.self) == "Riya R Alex")
        #expect(String(decoding: text[desk], as: UTF8.self) == "Markets")
        // A group that took no part reads as nil; so does a group that does not exist.
        let short = try #require(try Array("By Ana".utf8).withUnsafeBufferPointer { try regex.captures(in: $0, with: data) })
        #expect(short[deskGroup] == nil)
        #expect(short[99] == nil)
        #expect(short[-1] == nil)
        #expect(regex.group(named: "nope") == nil)
    }

    @Test func allCapturesGivesEachMatchItsOwnGroups() throws {
        let regex = try Pattern(#"(?<key>\w+)=(?<value>\d*)"#)
        let text = Array("a=1 b= c=33".utf8)
        let all = try text.withUnsafeBufferPointer { try regex.allCaptures(in: $0, with: MatchData()) }
        let value = try #require(regex.group(named: "value"))
        #expect(all.map(\.whole) == [0..<3, 4..<6, 7..<11])
        #expect(all.map { $0[value] } == [2..<3, 6..<6, 9..<11])
    }

    @Test func matchDataGrowsForPatternsWithManyGroups() throws {
        let pattern = String(repeating: "(a)", count: 40)
        let regex = try Pattern(pattern)
        let data = MatchData(capturePairs: 2)
        let subject = Array(String(repeating: "a", count: 40).utf8)
        let found = try #require(try subject.withUnsafeBufferPointer { try regex.captures(in: $0, with: data) })
        #expect(found.whole == 0..<40)
        #expect(found[40] == 39..<40)
    }

    @Test func startOffsetKeepsLookbehindAndAnchorsRight() throws {
        let subject = Array("ab ab".utf8)
        #expect(try firstMatch(try Pattern("ab"), subject, from: 1) == 3..<5)
        #expect(try firstMatch(try Pattern("^ab"), subject, from: 1) == nil)
        #expect(try firstMatch(try Pattern(#"(?<= )ab"#), subject, from: 3) == 3..<5)
    }

    @Test func emptySubjectsMatchOnlyEmptyPatterns() throws {
        #expect(try firstMatch(try Pattern("^$"), []) == 0..<0)
        #expect(try firstMatch(try Pattern("x"), []) == nil)
        #expect(try allMatches(try Pattern("x*"), []) == [0..<0])
    }

    @Test func allMatchesStepsOverEmptyMatchesByWholeCharacters() throws {
        #expect(try allMatches(try Pattern("x*"), Array("axxb".utf8)) == [0..<0, 1..<3, 3..<3, 4..<4])
        // After an empty match at a two-byte character the next try starts after the whole character.
        #expect(try allMatches(try Pattern("x*"), Array("éx".utf8)) == [0..<0, 2..<3, 3..<3])
        #expect(try allMatches(try Pattern(#"\b"#), Array("ab cd".utf8)) == [0..<0, 2..<2, 3..<3, 5..<5])
    }

    @Test func allMatchesFindsNonOverlappingMatchesLeftToRight() throws {
        #expect(try allMatches(try Pattern("aa"), Array("aaaaa".utf8)) == [0..<2, 2..<4])
        let multi = try Pattern("^Ad$", options: [.unicode, .multiline])
        #expect(try allMatches(multi, Array("Ad\nText\nAd".utf8)) == [0..<2, 8..<10])
    }

    @Test func matchesConvenienceUsesTheWholeString() throws {
        #expect(try Pattern("(?i)subscribe").matches("SUBSCRIBE now"))
        #expect(try !Pattern("^subscribe$").matches("Subscribe"))
    }

    @Test func regexIsShareableAcrossTasks() async throws {
        let regex = try Pattern(#"\d+"#)
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
