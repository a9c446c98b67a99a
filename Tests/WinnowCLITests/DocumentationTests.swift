import Foundation
import Testing
@testable import WinnowRules

/// Runs every command the documentation shows and checks that it prints what
/// is shown, so the documentation never goes stale (see `ConsoleBlock` for
/// the conventions of a ```console block).
///
/// Commands run with `/bin/sh -c` in the repository root, with the built
/// `winnow`'s directory first on the PATH, so `winnow` in a shown command is
/// the binary under test.
@Suite struct DocumentationTests {
    /// The Markdown files whose ```console blocks are checked.
    static let files = ["README.md", "rules/README.md", "Sources/WinnowOutput/JSON-FORMATS.md"]

    static let blocks: [ConsoleBlock] = files.flatMap { file -> [ConsoleBlock] in
        let url = Binary.repository.appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return ConsoleBlock.blocks(in: text, file: file)
    }

    @Test func everyFileShowsCommands() throws {
        for file in Self.files {
            let url = Binary.repository.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let blocks = ConsoleBlock.blocks(in: text, file: file)
            #expect(!blocks.isEmpty, "\(file) has no ```console block")
            for block in blocks {
                #expect(!block.commands.isEmpty, "\(file):\(block.line): a console block without a '$ ' line")
            }
        }
    }

    @Test(arguments: blocks)
    func shownOutputIsPrinted(block: ConsoleBlock) throws {
        let bin = URL(fileURLWithPath: try Binary.path()).deletingLastPathComponent().path
        let failures = block.failures {
            try ConsoleBlock.shell($0, in: Binary.repository, binDirectory: bin)
        }
        for failure in failures {
            let line = Int(failure.split(separator: ":").dropFirst().first ?? "") ?? block.line
            Issue.record(Comment(rawValue: failure),
                         sourceLocation: SourceLocation(fileID: "winnow/\(block.file)",
                                                        filePath: Binary.repository.appendingPathComponent(block.file).path,
                                                        line: line, column: 1))
        }
    }

    // MARK: - The harness itself

    /// Runs the blocks of a Markdown string, with the commands' output made up by `outputs`.
    private func failures(_ markdown: String, _ outputs: [String: ConsoleBlock.Outcome]) -> [String] {
        ConsoleBlock.blocks(in: markdown, file: "doc.md").flatMap { block in
            block.failures { command in
                guard let outcome = outputs[command] else { throw Binary.Missing(description: "no output for \(command)") }
                return outcome
            }
        }
    }

    @Test func parsesBlocksCommandsAndStatuses() {
        let markdown = """
            # Title

            ```yaml
            $ not a command: another kind of block
            ```

            ```console
            $ first
            one
            two
            $ second \\
              --continued
            [exit 2]
            ```

            ```console
            $ third
            ```
            """
        let blocks = ConsoleBlock.blocks(in: markdown, file: "doc.md")
        #expect(blocks.map(\.line) == [7, 16])
        #expect(blocks[0].commands.map(\.text) == ["first", "second \\\n  --continued"])
        #expect(blocks[0].commands.map(\.line) == [8, 11])
        #expect(blocks[0].commands.map(\.expected) == [["one", "two"], []])
        #expect(blocks[0].commands.map(\.status) == [0, 2])
        #expect(blocks[1].commands.map(\.expected) == [[]])
    }

    @Test func catchesAWrongOutput() {
        let markdown = """
            Some text.

            ```console
            $ winnow page.txt
            The council met on Tuesday.
            The budget passed.
            ```
            """
        let found = failures(markdown, ["winnow page.txt": .init(output: "The council met on Tuesday.\nThe budget failed.\n",
                                                                status: 0)])
        #expect(found.count == 1)
        let failure = found.first ?? ""
        #expect(failure.hasPrefix("doc.md:4: $ winnow page.txt\n"))
        #expect(failure.contains("    The council met on Tuesday.\n"))
        #expect(failure.contains("  - The budget passed.\n"))
        #expect(failure.contains("  + The budget failed.\n"))
    }

    @Test func catchesAWrongExitStatus() {
        let markdown = """
            ```console
            $ winnow lint
            ok
            $ winnow test
            ok
            [exit 1]
            ```
            """
        let found = failures(markdown, ["winnow lint": .init(output: "ok\n", status: 1),
                                        "winnow test": .init(output: "ok\n", status: 0)])
        #expect(found.count == 2)
        #expect(found.first?.contains("doc.md:2: $ winnow lint\n  exit status 1, but the block shows 0") == true)
        #expect(found.last?.contains("doc.md:4: $ winnow test\n  exit status 0, but the block shows 1") == true)
    }

    @Test func wildcardsMatchLinesAndText() {
        #expect(ConsoleBlock.lineMatches("time [..] s, [..]/s", "time 0.004 s, 3.6 MB/s"))
        #expect(ConsoleBlock.lineMatches("[..]", ""))
        #expect(ConsoleBlock.lineMatches("a[..]a", "aa"))
        #expect(!ConsoleBlock.lineMatches("a[..]a", "a"))
        #expect(!ConsoleBlock.lineMatches("time [..] s", "time 0.004 ms"))
        #expect(!ConsoleBlock.lineMatches("exact", "exact "))
        #expect(ConsoleBlock.matches(["head", "...", "tail"], ["head", "tail"]))
        #expect(ConsoleBlock.matches(["head", "...", "tail"], ["head", "1", "2", "tail"]))
        #expect(ConsoleBlock.matches(["...", "tail"], ["tail", "x", "tail"]))
        #expect(!ConsoleBlock.matches(["head", "...", "tail"], ["head", "tail", "more"]))
        #expect(!ConsoleBlock.matches(["one"], ["one", "two"]))
        #expect(ConsoleBlock.matches([], []))

        let markdown = """
            ```console
            $ winnow --stats page.txt
            winnow stats
            ...
              time       [..] s, [..]
            ```
            """
        let output = "winnow stats\n  documents  1\n  lines      19 in, 7 out (36.8%)\n  time       0.004 s, 3.6 MB/s\n"
        #expect(failures(markdown, ["winnow --stats page.txt": .init(output: output, status: 0)]).isEmpty)
    }
}

/// Every key the rule loader accepts is documented in `rules/README.md`, as
/// `` `key` `` in a table or text, so the reference cannot fall behind the parser.
@Suite struct RuleReferenceTests {
    @Test func everyKeyTheLoaderAcceptsIsDocumented() throws {
        let text = try String(contentsOf: Binary.repository.appendingPathComponent("rules/README.md"), encoding: .utf8)
        let groups: [(String, Set<String>)] = [
            ("file", RuleFileParser.fileKeys),
            ("rule", RuleFileParser.ruleKeys),
            ("defaults", RuleFileParser.defaultKeys),
            ("example", RuleFileParser.exampleKeys),
            ("settings", RuleFileParser.settingKeys),
            ("condition", ConditionTable.keys),
            ("action", Set(RuleAction.allCases.map(\.rawValue))),
            ("scope", Set(RuleScope.allCases.map(\.rawValue))),
            ("subject", Set(Rule.Subject.allCases.map(\.rawValue))),
            ("region", Set(Region.allCases.map(\.rawValue))),
        ]
        for (group, keys) in groups {
            for key in keys.sorted() {
                #expect(text.contains("`\(key)`") || text.contains("`\(key):"),
                        "rules/README.md does not document the \(group) key '\(key)'")
            }
        }
    }
}
