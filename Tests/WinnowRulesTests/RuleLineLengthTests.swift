import Foundation
import Testing

/// Regexes in the built-in rules are written as lists and `words:` so that
/// they read well: no line of `rules/` is over 300 characters unless the
/// comment above it says why it is `long`.
@Suite struct RuleLineLengthTests {
    static let maximum = 300

    static let rulesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("rules")

    @Test func noRuleLineIsTooLong() throws {
        let walker = try #require(FileManager.default.enumerator(at: Self.rulesDirectory, includingPropertiesForKeys: nil))
        var files = 0
        var tooLong: [String] = []
        while let url = walker.nextObject() as? URL {
            guard url.pathExtension == "yml" else { continue }
            files += 1
            let text = try String(contentsOf: url, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let name = url.path.replacingOccurrences(of: Self.rulesDirectory.deletingLastPathComponent().path + "/", with: "")
            for (index, line) in lines.enumerated() where line.unicodeScalars.count > Self.maximum {
                let previous = index > 0 ? lines[index - 1].drop { $0 == " " } : ""
                if previous.hasPrefix("#"), previous.lowercased().contains("long") { continue }
                tooLong.append("\(name):\(index + 1): \(line.unicodeScalars.count) characters")
            }
        }
        #expect(files > 10, "no rule files found in \(Self.rulesDirectory.path)")
        #expect(tooLong.isEmpty, "lines over \(Self.maximum) characters:\n\(tooLong.joined(separator: "\n"))")
    }
}
