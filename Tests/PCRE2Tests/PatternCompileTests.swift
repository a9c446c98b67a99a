import PCRE2
import Testing

/// Compiling: PCRE2's own error messages and offsets, JIT, and pattern info.
@Suite struct PatternCompileTests {
    @Test func missingParenthesisCarriesPCRE2MessageAndOffset() {
        #expect(throws: PCRE2Error.self) { try Pattern("a(b") }
        do {
            _ = try Pattern("a(b")
        } catch {
            #expect(error.message == "missing closing parenthesis")
            #expect(error.offset == 3)
            #expect(error.description == "missing closing parenthesis at offset 3")
            #expect(!error.isResourceLimit)
        }
    }

    @Test(arguments: [
        ("ab[c", 4, "missing terminating ] for character class"),
        ("x{2,1}", 5, "numbers out of order in {} quantifier"),
        ("(?<n>a)(?<n>b)", 12, "two named subpatterns have the same name (PCRE2_DUPNAMES not set)"),
        ("*a", 0, "quantifier does not follow a repeatable item"),
    ])
    func compileErrorsPointAtTheFailingByte(pattern: String, offset: Int, message: String) {
        do {
            _ = try Pattern(pattern)
            Issue.record("'\(pattern)' compiled")
        } catch {
            #expect(error.offset == offset)
            #expect(error.message == message)
        }
    }

    @Test func offsetsCountBytesNotCharacters() {
        // "é" is two bytes: the unclosed group opens at byte 3, PCRE2 gives up at the end (byte 5).
        do {
            _ = try Pattern("é(x")
            Issue.record("compiled")
        } catch {
            #expect(error.offset == 4)
        }
    }

    @Test func patternsAreJITCompiled() throws {
        let regex = try Pattern(#"(?i)^advertisement$"#)
        #expect(regex.isJITCompiled)
        #expect(regex.options == .unicode)
        #expect(regex.pattern == "(?i)^advertisement$")
    }

    @Test func namedGroupsAreListedInGroupOrder() throws {
        let regex = try Pattern(#"(?<year>\d{4})-(\d\d)-(?<day>\d\d)|(?<alt>x)"#)
        #expect(regex.captureCount == 4)
        #expect(regex.namedGroups.map(\.name) == ["year", "day", "alt"])
        #expect(regex.namedGroups.map(\.index) == [1, 3, 4])
        #expect(try Pattern("abc").namedGroups.isEmpty)
    }

    @Test func unicodeOptionSetHoldsUTFUCPAndInvalidUTF() {
        #expect(CompileOptions.unicode.contains(.utf))
        #expect(CompileOptions.unicode.contains(.ucp))
        #expect(CompileOptions.unicode.contains(.matchInvalidUTF))
        #expect(!CompileOptions.unicode.contains(.caseless))
    }
}
