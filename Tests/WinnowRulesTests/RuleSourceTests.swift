import Foundation
import Testing
import WinnowBuiltinRules
import WinnowRules

/// Finding rule files in directories, and the rules built into the binary.
@Suite struct RuleSourceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    private func temporaryDirectory(_ files: [String: [UInt8]]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-rules-\(UUID().uuidString)")
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return root.path
    }

    @Test func directoryFindsYAMLFilesSortedByRelativePath() throws {
        let root = try temporaryDirectory([
            "z.yml": Array("a".utf8), "sites/b.com.yaml": [], "a.yml": [], "notes.txt": [], "sites/a.com.yml": [],
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sources = try RuleSource.directory(root)
        #expect(sources.map(\.relativePath) == ["a.yml", "sites/a.com.yml", "sites/b.com.yaml", "z.yml"])
        #expect(sources.map(\.qualifier) == ["a", "sites/a.com", "sites/b.com", "z"])
        #expect(sources.map(\.displayPath) == ["a.yml", "sites/a.com.yml", "sites/b.com.yaml", "z.yml"].map { root + "/" + $0 })
        #expect(try RuleSource.directory(root + "/").first?.displayPath == root + "/a.yml")
        #expect(sources.last?.text == "a")
    }

    @Test func aMissingDirectoryIsADiagnostic() {
        #expect(throws: Diagnostic.self) { try RuleSource.directory("/nonexistent/winnow-rules") }
        do {
            _ = try RuleSource.directory("/nonexistent/winnow-rules")
        } catch {
            #expect(error.description == "/nonexistent/winnow-rules: error: not a readable directory")
            #expect(error.code == "io")
        }
    }

    @Test func aSymlinkLoopIsADiagnosticWithTheSystemsReason() throws {
        let root = try temporaryDirectory(["ok.yml": []])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/x.yml", withDestinationPath: "x.yml")
        #expect(throws: Diagnostic.self) { try RuleSource.directory(root) }
        do {
            _ = try RuleSource.directory(root)
        } catch {
            #expect(error.message == "cannot read file: Too many levels of symbolic links", "\(error)")
            #expect(error.location.file.hasSuffix("/x.yml"))
        }
    }

    @Test func aFileThatIsNotUTF8IsADiagnostic() throws {
        let root = try temporaryDirectory(["bad.yml": [0x72, 0x75, 0xFF, 0x0A]])
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            _ = try RuleSource.directory(root)
            Issue.record("a non-UTF-8 rule file was read")
        } catch {
            #expect(error.description == "\(root)/bad.yml: error: rule file is not valid UTF-8")
        }
    }

    @Test func builtinRulesLoadCleanly() throws {
        let sources = builtinRuleFiles.map {
            RuleSource(displayPath: "rules/" + $0.path, relativePath: $0.path, text: $0.text)
        }
        let set = try RuleSet.load(sources)
        #expect(!set.rules.isEmpty)
        #expect(set.warnings.isEmpty)
        #expect(Set(set.rules.map(\.id)).count == set.rules.count)
        #expect(set.sitePacks.contains { $0.name == "livemint.com" })
        #expect(set.rules.allSatisfy { $0.site == nil || $0.id.hasPrefix("sites/\($0.site!)/") })
    }

    @Test func builtinRulesAreExactlyTheRulesDirectory() throws {
        let onDisk = try RuleSet.load(try RuleSource.directory(Self.repository + "/rules"))
        let builtin = try RuleSet.load(builtinRuleFiles.map {
            RuleSource(displayPath: "rules/" + $0.path, relativePath: $0.path, text: $0.text)
        })
        #expect(builtin.rules.map(\.id) == onDisk.rules.map(\.id))
        #expect(builtin.rules.map(\.regex.pattern) == onDisk.rules.map(\.regex.pattern))
    }
}
