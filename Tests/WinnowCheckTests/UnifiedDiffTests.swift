import Testing
import WinnowCheck

@Suite struct UnifiedDiffTests {
    @Test func equalTextsGiveNoDiff() {
        let diff = UnifiedDiff(old: ["a", "b"], new: ["a", "b"])
        #expect(diff.isEmpty)
        #expect(diff.render(oldName: "x", newName: "y") == "")
    }

    @Test func hunksHaveThreeLinesOfContextAndNotes() {
        let old = (1...20).map { "line \($0)" }
        var new = old
        new.remove(at: 1)               // line 2 missing
        new.insert("extra", at: 15)     // far enough away for a second hunk
        let text = UnifiedDiff(old: old, new: new).render(
            oldName: "expected", newName: "actual",
            noteRemoved: { "dropped by rule \($0)" }, noteInserted: { _ in "kept, no rule fired" })
        #expect(text == """
            --- expected
            +++ actual
            @@ -1,5 +1,4 @@
             line 1
            -line 2  ← dropped by rule 1
             line 3
             line 4
             line 5
            @@ -14,6 +13,7 @@
             line 14
             line 15
             line 16
            +extra  ← kept, no rule fired
             line 17
             line 18
             line 19

            """)
    }

    @Test func nearbyChangesShareAHunk() {
        let old = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        let new = ["a", "B", "c", "d", "e", "f", "g", "H", "i"]
        let text = UnifiedDiff(old: old, new: new).render(oldName: "o", newName: "n")
        #expect(text.components(separatedBy: "@@ ").count - 1 == 1)
        #expect(text.contains("@@ -1,9 +1,9 @@"))
    }

    @Test func aMissingFinalNewlineShows() {
        let old = UnifiedDiff.lines(Array("one\ntwo\n".utf8))
        let new = UnifiedDiff.lines(Array("one\ntwo".utf8))
        #expect(new == ["one", "two", UnifiedDiff.noNewline])
        let text = UnifiedDiff(old: old, new: new).render(oldName: "o", newName: "n")
        #expect(text.contains("+\\ No newline at end of file"))
    }

    @Test func emptyOldSideIsNumberedFromZero() {
        let text = UnifiedDiff(old: [], new: ["x"]).render(oldName: "o", newName: "n")
        #expect(text.contains("@@ -0,0 +1 @@"))
    }
}
