import Foundation
import WinnowCheck
import WinnowRules

/// A temporary directory of rule files and sample pages for one test,
/// removed when the fixture goes away.
final class Fixture {
    let root: String

    init() {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("winnow-check-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: root + "/rules", withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: root + "/samples", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var rules: String { root + "/rules" }
    var samples: String { root + "/samples" }

    func write(_ path: String, _ text: String) {
        let url = URL(fileURLWithPath: root + "/" + path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    func sources() throws -> [RuleSource] { try RuleSource.directory(rules) }

    func ruleSet() throws -> RuleSet { try RuleSet.load(try sources()) }
}

/// An in-memory rule file, as `--rules` would read it from `my-rules/NAME`.
func source(_ name: String, _ text: String) -> RuleSource {
    RuleSource(displayPath: "my-rules/" + name, relativePath: name, text: text)
}

/// A rule file with one drop rule and its examples.
let adsFile = """
    description: Ad labels.
    defaults:
      action: drop
      caseless: true
    rules:
      - id: ad-label
        description: A line that is nothing but an ad label.
        regex: '^(?:advertisement|sponsored)$'
        examples:
          drop:
            - Advertisement
            - SPONSORED
          keep:
            - The advertisement ran for a week before it was pulled.

    """
