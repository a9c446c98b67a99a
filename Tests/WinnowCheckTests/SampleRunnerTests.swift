import Testing
import WinnowCheck
import WinnowRules

@Suite struct SampleRunnerTests {
    static let page = """
        Advertisement
        Council votes to close Mill Road for repairs

        The council voted on Tuesday to close Mill Road for three months of repairs next spring.
        Sponsored
        Residents will be able to reach their homes on foot at all times, officials said.

        Read more: Bus lanes approved

        """
    static let article = """
        Council votes to close Mill Road for repairs

        The council voted on Tuesday to close Mill Road for three months of repairs next spring.
        Residents will be able to reach their homes on foot at all times, officials said.

        Read more: Bus lanes approved

        """

    private func fixture(expected: String) -> Fixture {
        let fixture = Fixture()
        fixture.write("rules/ads.yml", adsFile)
        fixture.write("samples/mill-road.txt", Self.page)
        fixture.write("samples/mill-road.expected.txt", expected)
        return fixture
    }

    @Test func matchingSamplePasses() throws {
        let fixture = fixture(expected: Self.article)
        let samples = try Sample.discover(in: fixture.samples)
        #expect(samples.map(\.name) == ["mill-road"])
        let report = try TestRun(ruleSet: try fixture.ruleSet(), samples: samples).run()
        #expect(report.failed == 0, "\(report.text)")
        #expect(report.passed == 4)  // 3 examples, 1 sample
        #expect(report.text.hasSuffix("4 passed, 0 failed\n"))
    }

    @Test func failingSampleShowsAnAnnotatedDiff() throws {
        // The expected output wants the "Advertisement" line gone but the
        // "Read more" block dropped, and keeps a line the rule drops.
        let expected = """
            Council votes to close Mill Road for repairs

            The council voted on Tuesday to close Mill Road for three months of repairs next spring.
            Sponsored
            Residents will be able to reach their homes on foot at all times, officials said.

            """
        let fixture = fixture(expected: expected)
        let samples = try Sample.discover(in: fixture.samples)
        let report = try TestRun(ruleSet: try fixture.ruleSet(), samples: samples).run()
        #expect(report.failed == 1)
        let sample = try #require(report.samples.first)
        #expect(!sample.passed)
        #expect(sample.report == """
            FAIL sample mill-road: output differs from \(fixture.samples)/mill-road.expected.txt
            --- \(fixture.samples)/mill-road.expected.txt
            +++ winnow \(fixture.samples)/mill-road.txt
            @@ -1,5 +1,6 @@
             Council votes to close Mill Road for repairs
             
             The council voted on Tuesday to close Mill Road for three months of repairs next spring.
            -Sponsored  ← dropped by ads/ad-label
             Residents will be able to reach their homes on foot at all times, officials said.
            +
            +Read more: Bus lanes approved  ← kept, no rule fired

            """)
        #expect(report.text.hasSuffix("3 passed, 1 failed\n"))
    }

    @Test func missingExpectedFileFails() throws {
        let fixture = Fixture()
        fixture.write("rules/ads.yml", adsFile)
        fixture.write("samples/mill-road.txt", Self.page)
        let report = try TestRun(ruleSet: try fixture.ruleSet(), samples: try Sample.discover(in: fixture.samples)).run()
        #expect(report.failed == 1)
        #expect(report.samples[0].report.contains("mill-road.expected.txt is missing"))
        // What --update would write, as a diff from nothing.
        #expect(report.samples[0].report.contains("--- /dev/null\n+++ winnow \(fixture.samples)/mill-road.txt\n@@ -0,0 +1,6 @@\n"))
    }

    @Test func updateRewritesOnlyTheChosenSamples() throws {
        let fixture = fixture(expected: "stale\n")
        fixture.write("samples/other.txt", "Advertisement\nA second page with one sentence of text in it.\n")
        fixture.write("samples/other.expected.txt", "stale too\n")
        let set = try fixture.ruleSet()

        let chosen = try Sample.discover(in: fixture.samples, names: ["mill-road"])
        #expect(chosen.map(\.name) == ["mill-road"])
        let report = try TestRun(ruleSet: set, samples: chosen).run(update: true)
        #expect(report.updated == ["\(fixture.samples)/mill-road.expected.txt"])
        #expect(report.failed == 0)
        #expect(report.text.contains("-stale"))  // the diff is shown before the file is rewritten
        #expect(report.text.contains("updated \(fixture.samples)/mill-road.expected.txt"))
        #expect(fixture.read("samples/mill-road.expected.txt") == Self.article)
        #expect(fixture.read("samples/other.expected.txt") == "stale too\n")

        // Now it passes without --update; the other sample still fails until it is updated too.
        let all = try Sample.discover(in: fixture.samples)
        #expect(try TestRun(ruleSet: set, samples: all).run().failed == 1)
        _ = try TestRun(ruleSet: set, samples: all).run(update: true)
        #expect(fixture.read("samples/other.expected.txt") == "A second page with one sentence of text in it.\n")
        #expect(try TestRun(ruleSet: set, samples: all).run().failed == 0)
    }

    @Test func unknownSampleNameIsAnError() throws {
        let fixture = fixture(expected: Self.article)
        #expect(throws: CheckError.self) { try Sample.discover(in: fixture.samples, names: ["nope"]) }
        #expect(try Sample.discover(in: fixture.samples, names: ["samples/mill-road.txt"]).map(\.name) == ["mill-road"])
    }

    @Test func expectedJSONLinesIsComparedWithTheJSONLinesPrinter() throws {
        let fixture = fixture(expected: Self.article)
        fixture.write("samples/mill-road.expected.jsonl", "{}\n")
        let set = try fixture.ruleSet()
        let samples = try Sample.discover(in: fixture.samples)
        let report = try TestRun(ruleSet: set, samples: samples).run()
        #expect(report.failed == 1)
        let text = report.samples[0].report
        #expect(text.contains("JSON Lines output differs from \(fixture.samples)/mill-road.expected.jsonl"))
        #expect(text.contains("-{}"))
        #expect(text.contains(#"+{"type":"document","name":"samples/mill-road.txt""#))

        // --update rewrites it from the printer's output; then it passes.
        _ = try TestRun(ruleSet: set, samples: samples).run(update: true)
        let record = try #require(fixture.read("samples/mill-road.expected.jsonl"))
        #expect(record.hasPrefix(#"{"type":"document","name":"samples/mill-road.txt","text":"Council votes"#))
        #expect(record.hasSuffix("}\n"))
        #expect(try TestRun(ruleSet: set, samples: samples).run().failed == 0)
    }

    @Test func expectedJSONLinesWithoutAPrinterFails() throws {
        let fixture = fixture(expected: Self.article)
        fixture.write("samples/mill-road.expected.jsonl", "{}\n")
        let samples = try Sample.discover(in: fixture.samples)
        let report = try TestRun(ruleSet: try fixture.ruleSet(), samples: samples, jsonLinesPrinter: nil).run()
        #expect(report.failed == 1)
        #expect(report.samples[0].report.contains("mill-road.expected.jsonl: this build of winnow has no JSON Lines printer"))
    }
}
