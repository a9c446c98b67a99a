import Foundation

/// A temporary directory that a test fills with files and removes afterwards.
///
///     let scratch = try Scratch()
///     defer { scratch.remove() }
///     let page = try scratch.write("page.txt", "Text\n")
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        try write(path, Array(text.utf8))
    }

    @discardableResult
    func write(_ path: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    /// `slow/backtrack.yml`: one rule, `backtrack/evil`, whose regex `(a+)+$`
    /// takes PCRE2's whole match limit on a line of a's that ends otherwise.
    func writeBacktrackingRule() throws {
        try write("slow/backtrack.yml", """
            description: a rule with catastrophic backtracking
            rules:
              - {id: evil, description: nested quantifiers, action: drop, regex: '(a+)+$'}

            """)
    }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
