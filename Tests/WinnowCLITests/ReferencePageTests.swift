import Foundation
import Testing

/// The reference page: winnow's default rules must print exactly the expected
/// article, paragraph by paragraph.
@Suite struct ReferencePageTests {
    /// `../shared/pages` beside the repository, as CI lays it out.
    static let pages = Binary.repository.deletingLastPathComponent().appendingPathComponent("shared/pages")
    static let available = FileManager.default.fileExists(
        atPath: pages.appendingPathComponent("livemint-alibaba.txt").path)

    /// The lines of `bytes`, split on bytes (a String would fuse CRLF into one character).
    private func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    /// Paragraphs: runs of lines between blank lines, each line without trailing whitespace.
    private func paragraphs(_ bytes: [UInt8]) -> [String] {
        lines(bytes)
            .map { line in String(String(decoding: line, as: UTF8.self).reversed().drop { $0.isWhitespace }.reversed()) }
            .split(separator: "", omittingEmptySubsequences: true)
            .map { $0.joined(separator: "\n") }
    }

    @Test(.enabled(if: available, "../shared/pages/livemint-alibaba.txt is not present beside the repository"))
    func livemintAlibabaPrintsTheExpectedArticle() throws {
        let page = Array(try Data(contentsOf: Self.pages.appendingPathComponent("livemint-alibaba.txt")))
        let expected = Array(try Data(contentsOf: Self.pages.appendingPathComponent("livemint-alibaba.expected.txt")))
        let result = try Binary.run([], stdin: page)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let got = paragraphs(result.stdout), want = paragraphs(expected)
        #expect(got.count == want.count, "paragraph count")
        for (index, paragraph) in want.enumerated() {
            let actual = index < got.count ? got[index] : "<missing>"
            #expect(actual == paragraph, "paragraph \(index + 1)")
        }
        // Kept lines come from the page as they were.
        let pageLines = Set(lines(page))
        for line in lines(result.stdout) where !line.isEmpty {
            #expect(pageLines.contains(line), "not a line of the page: \(String(decoding: line, as: UTF8.self))")
        }
    }
}
