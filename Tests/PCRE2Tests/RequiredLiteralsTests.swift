import PCRE2
import Testing

/// Deriving the literals every match must contain, and giving up where that cannot be sure.
@Suite struct RequiredLiteralsTests {
    private func derived(_ pattern: String, caseless: Bool = true) -> [String]? {
        let options: CompileOptions = caseless ? [.unicode, .caseless] : .unicode
        return RequiredLiterals(pattern: pattern, options: options)?.strings.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func alternationGivesOneLiteralPerBranch() {
        #expect(derived(#"^\s*(?:advertisement|sponsored(?: content)?)\s*$"#) == ["advertisemen", "sponsored"])
        #expect(derived("^(?:also read|read more|related)") == ["also read", "read more", "related"])
    }

    @Test func longLiteralsAreCutToTheirFirstBytes() {
        #expect(RequiredLiterals.maximumLength == 12)
        #expect(derived("^all comments go through moderation$") == ["all comments"])  // 12 bytes of 35
    }

    @Test func sequenceKeepsItsMostSelectiveFactor() {
        #expect(derived(#"^photo:\s+\w+ (?:getty images|reuters)"#) == [" getty image", " reuters"])
        #expect(derived(#"^(?:by|von)\s+\w+, staff writer$"#) == [", staff writ"])
        #expect(derived(#"publicit[ée]"#) == ["publicit"])
    }

    @Test func lettersAreFoldedToLowercase() {
        #expect(derived("Cookie Policy", caseless: false) == ["cookie polic"])
        #expect(derived("(?i)Cookie") == ["cookie"])
    }

    @Test func optionalPartsContributeNothingAndRepeatedOnesKeepTheirLiteral() {
        #expect(derived("(?:foo)?bar") == ["bar"])
        #expect(derived("(?:foo)*") == nil)
        #expect(derived("(?:foo){0,3}") == nil)
        #expect(derived(#"(?:foo)+\d"#) == ["foo"])
        #expect(derived(#"(?:foo){2,}\d"#) == ["foo"])
        #expect(derived("x(?:ab)?") == nil)  // "x" or "xab": "x" alone, too short to be worth it
        #expect(derived("xx(?:ab)?yy") == ["xxabyy", "xxyy"])
    }

    @Test func aBranchWithoutLiteralGivesNoPrefilter() {
        #expect(derived(#"^(?:share|\p{L}+)$"#) == nil)
        #expect(derived(#"^\d+ comments$|^[\p{L} ]+$"#) == nil)
        #expect(derived(#"^[a-z]+$"#) == nil)
        #expect(derived(#"(\w+) \1"#) == nil)
    }

    @Test func lookaroundsAndAnchorsRequireNothing() {
        #expect(derived("(?=newsletter)news") == ["news"])
        #expect(derived("(?<!not )subscribe") == ["subscribe"])
        #expect(derived(#"\bsign up\b"#) == ["sign up"])
        #expect(derived("(?!ad)") == nil)
    }

    @Test func definitionsMatchNothingAndCallsAreUnknownText() {
        #expect(derived("(?(DEFINE)(?<net>facebook|twitter))^follow us on (?&net)$") == ["follow us on"])
        #expect(derived("(?(DEFINE)(?<net>facebook|twitter))^(?&net)$") == nil)
    }

    @Test func syntaxTheReaderOnlySkimsGivesNoPrefilter() {
        #expect(derived("(a)?(?(1)bc|de)") == nil)
        #expect(derived("abc(*ACCEPT)def") == nil)
        #expect(derived("ab(?C1)cd") == nil)
        #expect(derived(#"\N{U+41}bc"#) == nil)
        #expect(derived("ab{,2}cd") == nil)  // literal text in PCRE2 10.42, a quantifier in 10.43
        #expect(derived("a{x}bc") == nil)
        #expect(derived(#"abc\Q\E+d"#) == nil)  // the + repeats the c
    }

    @Test func inlineOptionsEscapesAndQuotingAreRead() {
        #expect(derived("(?x) sign \\  up  # a comment\n") == ["sign up"])
        #expect(derived("(?x) ab + cd") == ["cd"])  // the + takes the b, across the space
        #expect(derived(#"\Qa.b*c\E"#) == ["a.b*c"])
        #expect(derived(#"\Qxyab\E?cd"#) == ["xyabcd", "xyacd"])  // the `?` takes only the b
        #expect(derived(#"\x{41}\x42c\.d"#) == ["abc.d"])
        #expect(derived(#"tab\there"#) == ["tab\there"])
    }

    @Test func nonASCIILiteralsOnlyWhenCaseSensitive() {
        #expect(derived("über uns", caseless: true) == ["ber uns"])
        #expect(derived("über uns", caseless: false) == ["über uns"])
        #expect(derived("(?-i)Über", caseless: true) == ["Über".lowercasedASCII])
        #expect(derived("©", caseless: false) == ["©"])
        #expect(derived("©", caseless: true) == nil)
    }

    @Test func keywordsAreFoldedAndPruned() {
        let keywords = RequiredLiterals(keywords: ["Share", "shares", "Tweet"])
        #expect(keywords?.strings.map { String(decoding: $0, as: UTF8.self) } == ["share", "tweet"])
        #expect(RequiredLiterals(keywords: []) == nil)
        #expect(RequiredLiterals(keywords: ["x", ""]) == nil)
    }

    /// Every match of a pattern holds one of its literals, on random text made of the pattern's own pieces.
    @Test func derivedLiteralsAreInEveryMatch() throws {
        let patterns = [
            #"^\s*(?:advertisement|sponsored(?: content)?)\s*$"#, #"(?:foo|bar)+baz?qux"#, #"a(?:bc|de)f(?:gh)?ij"#,
            #"(?i)kelvin|(?-i)Stop"#, #"x(?:yz)?w+v"#, #"(?:ab|cd){2}ef"#, #"\Qa+b\E+c"#, ##"(?x) ab \# cd"##,
        ]
        var random = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "ab", "bc", "de", "foo", "bar", "baz", "qux",
                      "x", "yz", "w", "v", "K", "\u{212A}", "s", "\u{017F}", "STOP", "Stop", "kelvin", " ", "#", "+",
                      "advertisement", "sponsored", " content", "ef", "cd"]
        for pattern in patterns {
            let regex = try Pattern(pattern, options: [.unicode, .caseless])
            guard let literals = RequiredLiterals(pattern: pattern, options: regex.options) else { continue }
            for _ in 0..<2000 {
                let text = (0..<Int.random(in: 1...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                    .joined()
                guard try regex.matches(text) else { continue }
                let folded = ASCIIFolding.fold(text.utf8)
                let lookalike = text.unicodeScalars.contains { ASCIIFolding.caselessLookalikes.contains($0) }
                #expect(lookalike || literals.strings.contains { folded.containsRun($0) }, "\(pattern) on \(text)")
            }
        }
    }
}

extension String {
    fileprivate var lowercasedASCII: String { String(decoding: ASCIIFolding.fold(utf8), as: UTF8.self) }
}

extension Array where Element == UInt8 {
    fileprivate func containsRun(_ needle: [UInt8]) -> Bool {
        guard needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
