import Foundation
import Testing
@testable import winnow

/// Runs every example that `winnow help filter` shows, so the help never lies.
///
/// Each command runs with bash from a directory laid out like the repository
/// root: `samples/` and `rules/` are the repository's own; what a user would
/// bring (a `pages/` directory, `./my-rules`, a `$url`) is made up here, and
/// `curl` and `html2text` are stand-ins, as the tests have no network.
@Suite struct HelpExampleTests {
    /// The sandbox: the repository's samples and rules, the user's pages and rules, and the stand-ins.
    private static func sandbox() throws -> Scratch {
        let scratch = try Scratch()
        let fm = FileManager.default
        for shared in ["samples", "rules"] {
            try fm.createSymbolicLink(at: scratch.url.appendingPathComponent(shared),
                                      withDestinationURL: Binary.repository.appendingPathComponent(shared))
        }
        try scratch.write("pages/one.txt", "First page headline\nAdvertisement\nThe first page says something.\n")
        try scratch.write("pages/two.txt", "Second page headline\nThe second page says something else.\n")
        try scratch.write("pages/three.txt", "Third page headline\nSubscribe\nThe third page ends here.\n")
        try scratch.write("my-rules/mine.yml", """
            description: A user's own rules.
            rules:
              - id: kicker
                description: A kicker line.
                action: drop
                regex: '^KICKER:'

            """)
        // The stand-in prints a page naming its last argument, the URL.
        try scratch.write("bin/curl", "#!/bin/bash\nprintf 'Headline\\nAdvertisement\\nA page fetched from %s.\\n' \"${@: -1}\"\n")
        try scratch.write("bin/html2text", "#!/bin/sh\nexec cat\n")
        for tool in ["curl", "html2text"] {
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.path("bin/\(tool)"))
        }
        return scratch
    }

    /// The files under `samples/` and `pages/` that an example names, which must exist.
    private func namedFiles(_ command: String) -> [String] {
        command.split(separator: " ").map(String.init).filter {
            ($0.hasPrefix("samples/") || $0.hasPrefix("pages/")) && !$0.contains("*")
        }
    }

    @Test(arguments: FilterCommand.examples.map(\.command))
    func exampleRunsCleanly(command: String) throws {
        let scratch = try Self.sandbox()
        defer { scratch.remove() }
        for file in namedFiles(command) {
            #expect(FileManager.default.fileExists(atPath: scratch.path(file)),
                    "the example needs \(file), which the repository does not have")
        }
        let winnowDirectory = URL(fileURLWithPath: try Binary.path()).deletingLastPathComponent().path
        let path = scratch.path("bin") + ":" + winnowDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try Binary.shell(command, in: scratch.url,
                                      environment: ["PATH": path, "url": "https://example.com/news/1"])
        #expect(result.status == 0, "\(command): exit \(result.status): \(result.stderr)")
        // Only --stats writes to stderr by design; anything else there is a warning or an error.
        #expect(result.stderr.isEmpty == !command.contains("--stats"), "\(command): \(result.stderr)")
        var output = result.stdout
        if command.hasSuffix("> article.txt") {
            output = Array((try? Data(contentsOf: scratch.url.appendingPathComponent("article.txt"))) ?? Data())
        }
        if !command.hasSuffix("> /dev/null") {
            #expect(!output.isEmpty, "\(command) printed nothing")
        }
        check(command, output: output, in: scratch)
    }

    /// What particular examples promise beyond running cleanly.
    private func check(_ command: String, output: [UInt8], in scratch: Scratch) {
        let text = String(decoding: output, as: UTF8.self)
        if command == "winnow samples/*.txt" {
            let samples = ((try? FileManager.default.contentsOfDirectory(atPath: scratch.path("samples"))) ?? [])
                .filter { $0.hasSuffix(".txt") }
            // Counted on bytes: to String, a CRLF before the form feed would be one character with the \n.
            let separators = output.split(separator: 0x0A, omittingEmptySubsequences: false)
                .filter { $0.elementsEqual([0x0C]) }.count
            #expect(separators == samples.count - 1, "one document per sample, separated by form-feed lines")
        }
        if command.hasPrefix("printf 'Page one.") {
            #expect(text == "Page one.\n\u{0C}\nPage two.\n")
        }
        if command.contains("-print0") && command.contains("winnow -z") {
            // Three pages in, three NUL-separated documents out.
            let documents = output.split(separator: 0, omittingEmptySubsequences: false).filter { !$0.isEmpty }
            #expect(documents.count == 3, "\(command) gave \(documents.count) NUL-separated documents for 3 pages")
        }
        if command.hasPrefix("curl") {
            #expect(text == "Headline\nA page fetched from https://example.com/news/1.\n")
        }
    }

    @Test func everyExampleCommandRunsWinnow() {
        #expect(!FilterCommand.examples.isEmpty)
        for example in FilterCommand.examples {
            #expect(example.command.contains("winnow"), "\(example.command)")
            #expect(!example.explanation.isEmpty)
        }
    }
}
