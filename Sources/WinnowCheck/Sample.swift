import Foundation

/// A sample page and the output winnow must print for it:
/// `samples/<name>.txt`, `samples/<name>.expected.txt` and, optionally,
/// `samples/<name>.expected.jsonl` (the `--format jsonl` record).
///
///     let samples = try Sample.discover(in: "samples")            // every sample
///     let one = try Sample.discover(in: "samples", names: ["news-wire"])
public struct Sample: Sendable, Hashable {
    public var name: String
    /// The page's path.
    public var input: String
    /// The document name winnow gives the page: `<directory name>/<name>.txt`,
    /// the same wherever the checkout is (it appears in JSON Lines output).
    public var documentName: String
    public var expectedText: String
    public var expectedJSONLines: String

    public init(directory: String, name: String) {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.name = name
        input = "\(base)/\(name).txt"
        documentName = "\(URL(fileURLWithPath: base).lastPathComponent)/\(name).txt"
        expectedText = "\(base)/\(name).expected.txt"
        expectedJSONLines = "\(base)/\(name).expected.jsonl"
    }

    public var hasExpectedJSONLines: Bool { FileManager.default.fileExists(atPath: expectedJSONLines) }

    /// The samples in `directory`, sorted by name: every `<name>.txt` that is
    /// not itself an `.expected.txt`.
    ///
    /// - Parameter names: only these samples (`news-wire`, `news-wire.txt` or
    ///   a path to the page); all when empty.
    /// - Throws: `CheckError` when the directory cannot be read or a name matches no sample.
    public static func discover(in directory: String, names: [String] = []) throws(CheckError) -> [Sample] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw CheckError("\(directory): not a readable samples directory")
        }
        let all = entries.filter { $0.hasSuffix(".txt") && !$0.hasSuffix(".expected.txt") }
            .map { String($0.dropLast(4)) }.sorted()
        guard !names.isEmpty else { return all.map { Sample(directory: directory, name: $0) } }
        var chosen: [String] = []
        for name in names {
            var short = URL(fileURLWithPath: name).lastPathComponent
            for suffix in [".expected.jsonl", ".expected.txt", ".txt"] where short.hasSuffix(suffix) {
                short = String(short.dropLast(suffix.count))
                break
            }
            guard all.contains(short) else {
                throw CheckError("no sample named '\(name)' in \(directory) (there: \(all.joined(separator: ", ")))")
            }
            if !chosen.contains(short) { chosen.append(short) }
        }
        return chosen.map { Sample(directory: directory, name: $0) }
    }
}
