import Testing
import WinnowEngine
@testable import WinnowOutput

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
        #expect(text.contains("  time       0.500 s, 0.5 kB/s\n"))
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
        #expect(RunStatistics.throughput(12_500_000, seconds: 2) == "6.3 MB/s" || RunStatistics.throughput(12_500_000, seconds: 2) == "6.2 MB/s")
        #expect(RunStatistics.throughput(1_500, seconds: 1) == "1.5 kB/s")
    }
}
