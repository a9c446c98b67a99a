import Testing
import WinnowEngine
@testable import WinnowOutput

@Suite struct ExplainPrinterTests {
    private func explain(_ text: String, color: Bool = false, name: String = "page.txt") throws -> String {
        let filter = try TestRules.filter()
        let document = Document(bytes: Array(text.utf8), name: name)
        let out = OutputStream()
        ExplainPrinter(style: ExplainStyle(color: color)).write(document, filter.apply(to: document), to: out)
        return out.text
    }

    @Test func showsEveryLineWithItsVerdict() throws {
        #expect(try explain(TestRules.page) == """
            # page.txt: 12 lines in, 4 out; sites: none
                1 - [ads/label drop] Advertisement
                2   Headline of the story
                3
                4 - [bylines/by extract] By Jane Doe ⟨author: Jane Doe⟩
                5 - [bylines/updated extract] Updated 15 Nov 2025, 02:53 PM IST ⟨updated: 15 Nov 2025, 02:53 PM IST⟩
                6 ~ The council met on Tuesday and agreed the budget.⟦stamps/time:  10:30 AM⟧
                7 + [guards/credit keep] (With inputs from AFP)
                8
                9 - [bylines/tag extract] Tag: Budget ⟨tags: Budget⟩
               10 - [bylines/tag extract] Tag: Council ⟨tags: Council⟩
               11 - [tail/read-next cut] Read Next
               12 - [tail/read-next cut] Teaser one

            """)
    }

    @Test func accountsForEveryInputLine() throws {
        let text = TestRules.page + "\n\n\nExample footer\r\nlast"
        let lines = try explain(text).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let body = lines.filter { !$0.hasPrefix("#") }
        #expect(body.count == Document(bytes: Array(text.utf8)).lines.count)
        for (index, line) in body.enumerated() {
            #expect(line.trimmingPrefix(while: { $0 == " " }).hasPrefix(String(index + 1)))
        }
        // The cut reaches blank lines too; they show as removed, without trailing spaces.
        #expect(body[12] == "   13 - [tail/read-next cut]")
    }

    @Test func colourOnlyAddsEscapes() throws {
        let coloured = try explain(TestRules.page, color: true)
        #expect(coloured.contains("\u{1B}[31m- [ads/label drop]\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[32m+ [guards/credit keep]\u{1B}[0m"))
        let stripped = coloured.replacing(/\x{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == (try explain(TestRules.page)))
    }

    @Test func colourChoice() {
        #expect(ColorChoice.always.isEnabled(for: -1, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.never.isEnabled(for: 1, environment: [:]))
        #expect(!ColorChoice.auto.isEnabled(for: 1, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.auto.isEnabled(for: 1, environment: ["TERM": "dumb"]))
        // Not a terminal: a closed descriptor.
        #expect(!ColorChoice.auto.isEnabled(for: -1, environment: ["NO_COLOR": ""]))
    }
}

@Suite struct RunStatisticsTests {
    @Test func countsDocumentsLinesBytesAndHits() throws {
        let filter = try TestRules.filter()
        var stats = RunStatistics(rules: filter.rules)
        for text in [TestRules.page, "Advertisement\nAdvertisement\nOne."] {
            let document = Document(bytes: Array(text.utf8))
            stats.add(document, filter.apply(to: document))
        }
        #expect(stats.documents == 2)
        #expect(stats.linesIn == 15)
        #expect(stats.bytesIn == 211 + 32)
        #expect(stats.linesOut == 5)
        #expect(stats.bytesOut == 96 + 4)
        #expect(stats.ruleHits.map { "\($0.rule.id)=\($0.hits)" } == [
            "ads/label=3", "bylines/tag=2", "tail/read-next=2", "bylines/by=1", "bylines/updated=1",
            "guards/credit=1", "stamps/time=1",
        ])
        let text = stats.text(seconds: 0.5)
        #expect(text.contains("  lines      15 in, 5 out (33.3%)\n"))
        #expect(text.contains("  time       0.500 s, 0.0 MB/s\n"))
        #expect(text.contains("       3  ads/label        drop\n"))
        var json = JSONWriter()
        stats.writeSummary(seconds: 0.5, into: &json)
        let summary = String(decoding: json.bytes, as: UTF8.self)
        #expect(summary.hasPrefix(#"{"type":"summary","documents":2,"in":{"lines":15,"bytes":243},"out":{"lines":5,"bytes":100},"seconds":0.5,"bytes_per_second":486,"hits":[{"rule":"ads/label","action":"drop","count":3},"#))
    }

    @Test func formatsFixedDecimals() {
        #expect(RunStatistics.fixed(0.0004, decimals: 3) == "0.000")
        #expect(RunStatistics.fixed(12.3456, decimals: 3) == "12.346")
        #expect(RunStatistics.fixed(1.05, decimals: 1) == "1.1" || RunStatistics.fixed(1.05, decimals: 1) == "1.0")
        #expect(RunStatistics.fixed(7, decimals: 0) == "7")
        #expect(RunStatistics.percent(1, of: 3) == "33.3%")
        #expect(RunStatistics.percent(1, of: 0) == "-")
    }
}

@Suite struct URLHostTests {
    @Test(arguments: [
        ("https://www.livemint.com/companies/news/x.html", "www.livemint.com"),
        ("HTTP://user:pw@Example.COM:8080/path?q#f", "example.com"),
        ("//cdn.example.org/x", "cdn.example.org"),
        ("livemint.com/markets", "livemint.com"),
        ("https://[::1]:80/", "::1"),
        ("https://example.com./", "example.com"),
        ("https://example.com?x", "example.com"),
    ])
    func findsTheHost(url: String, host: String) {
        #expect(URLHost.of(url) == host)
    }

    @Test func noHost() {
        #expect(URLHost.of("") == nil)
        #expect(URLHost.of("https:///path") == nil)
    }
}
