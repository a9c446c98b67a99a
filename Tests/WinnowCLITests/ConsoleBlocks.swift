import Foundation
import Testing

/// The shown commands of a Markdown file, and how to check them, in the
/// style of trycmd.
///
/// A fenced block marked `console` holds `$ command` lines, each followed by
/// the output it must print, up to the next `$` line or the block's end:
///
///     ```console
///     $ printf 'Advertisement\nThe council met on Tuesday to agree the budget for next year.\n' | winnow
///     The council met on Tuesday to agree the budget for next year.
///     $ winnow --stats samples/news-wire.txt 2>&1 >/dev/null | head -2
///     winnow stats
///       documents  1
///     $ winnow --no-such-option
///     ...
///     [exit 2]
///     ```
///
/// - The output is standard output and standard error merged, in the order
///   the command wrote them, as a terminal shows them.
/// - `...` on a line of its own stands for any number of lines (none too).
/// - `[..]` inside a line stands for any text on that line.
/// - A last line `[exit N]` says the command exits with status N; without
///   one, it must exit 0.
/// - A `$` line ending in `\` continues on the next line, as in the shell.
struct ConsoleBlock: Sendable, CustomTestStringConvertible {
    /// One shown command.
    struct Command: Sendable {
        /// The shell command, without the `$ `.
        var text: String
        /// Its line in the Markdown file, from 1.
        var line: Int
        /// The expected output lines, `...` and `[..]` included, `[exit N]` not.
        var expected: [String]
        var status: Int32
    }

    /// The Markdown file, as shown in messages (relative to the repository).
    var file: String
    /// The line of the opening fence, from 1.
    var line: Int
    var commands: [Command]

    var testDescription: String { "\(file):\(line)" }

    /// Every `console` block of `markdown`.
    static func blocks(in markdown: String, file: String) -> [ConsoleBlock] {
        enum State {
            case outside
            case other(fence: String)
            case console(fence: String, block: ConsoleBlock, continuing: Bool)
        }
        /// The fence a line opens or closes (three or more backticks or tildes), and what follows it.
        func fence(_ line: String) -> (marker: String, info: String)? {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let first = trimmed.first, first == "`" || first == "~" else { return nil }
            let marker = String(trimmed.prefix { $0 == first })
            guard marker.count >= 3 else { return nil }
            return (marker, trimmed.dropFirst(marker.count).trimmingCharacters(in: .whitespaces))
        }
        func closes(_ line: String, _ opening: String) -> Bool {
            guard let (marker, info) = fence(line) else { return false }
            return info.isEmpty && marker.first == opening.first && marker.count >= opening.count
        }

        var blocks: [ConsoleBlock] = []
        var state = State.outside
        for (index, raw) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw), number = index + 1
            switch state {
            case .outside:
                guard let (marker, info) = fence(line) else { continue }
                if info.split(separator: " ").first == "console" {
                    state = .console(fence: marker, block: ConsoleBlock(file: file, line: number, commands: []),
                                     continuing: false)
                } else {
                    state = .other(fence: marker)
                }
            case .other(let marker):
                if closes(line, marker) { state = .outside }
            case .console(let marker, var block, let continuing):
                if closes(line, marker) {
                    blocks.append(block.finished())
                    state = .outside
                    continue
                }
                var next = false
                if continuing, !block.commands.isEmpty {
                    block.commands[block.commands.count - 1].text += "\n" + line
                    next = line.hasSuffix("\\")
                } else if line.hasPrefix("$ ") {
                    block.commands.append(Command(text: String(line.dropFirst(2)), line: number, expected: [],
                                                  status: 0))
                    next = line.hasSuffix("\\")
                } else if !block.commands.isEmpty {
                    block.commands[block.commands.count - 1].expected.append(line)
                }
                state = .console(fence: marker, block: block, continuing: next)
            }
        }
        if case .console(_, let block, _) = state { blocks.append(block.finished()) }
        return blocks
    }

    /// Moves each command's `[exit N]` line into its status.
    private func finished() -> ConsoleBlock {
        var block = self
        for index in block.commands.indices {
            if let last = block.commands[index].expected.last, last.hasPrefix("[exit "), last.hasSuffix("]"),
               let status = Int32(last.dropFirst(6).dropLast()) {
                block.commands[index].status = status
                block.commands[index].expected.removeLast()
            }
        }
        return block
    }
}

// MARK: - Matching

extension ConsoleBlock {
    /// Whether `actual` is what `expected` shows, `...` and `[..]` included.
    static func matches(_ expected: [String], _ actual: [String]) -> Bool {
        // failed[i][j]: expected[i...] is known not to match actual[j...].
        var failed = Set<[Int]>()
        func match(_ i: Int, _ j: Int) -> Bool {
            if failed.contains([i, j]) { return false }
            let result: Bool
            if i == expected.count {
                result = j == actual.count
            } else if expected[i] == "..." {
                result = match(i + 1, j) || (j < actual.count && match(i, j + 1))
            } else {
                result = j < actual.count && lineMatches(expected[i], actual[j]) && match(i + 1, j + 1)
            }
            if !result { failed.insert([i, j]) }
            return result
        }
        return match(0, 0)
    }

    /// Whether one actual line is what an expected line shows, where `[..]` stands for any text.
    static func lineMatches(_ expected: String, _ actual: String) -> Bool {
        let parts = expected.components(separatedBy: "[..]")
        guard parts.count > 1 else { return expected == actual }
        guard actual.hasPrefix(parts[0]) else { return false }
        var rest = actual.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.hasSuffix(parts[parts.count - 1])
    }

    /// A line diff of expected against actual: ` ` both, `-` expected only, `+` actual only.
    /// Lines that match through `[..]` count as the same; `...` is shown as expected only.
    static func diff(_ expected: [String], _ actual: [String]) -> String {
        let n = expected.count, m = actual.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = expected[i] != "..." && lineMatches(expected[i], actual[j])
                    ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, expected[i] != "...", lineMatches(expected[i], actual[j]) {
                out.append("  " + actual[j]); i += 1; j += 1
            } else if j < m, i == n || lcs[i][j + 1] > lcs[i + 1][j] {
                out.append("+ " + actual[j]); j += 1
            } else {
                out.append("- " + expected[i]); i += 1
            }
        }
        return out.joined(separator: "\n")
    }
}

// MARK: - Checking

extension ConsoleBlock {
    /// What one run of a command gave.
    struct Outcome {
        /// Standard output and standard error, merged.
        var output: String
        var status: Int32
    }

    /// The problems of the block, each naming `file:line` of its command, with a diff; empty when every
    /// command printed what the block shows.
    func failures(run: (String) throws -> Outcome) -> [String] {
        var failures: [String] = []
        for command in commands {
            let outcome: Outcome
            do {
                outcome = try run(command.text)
            } catch {
                failures.append("\(file):\(command.line): $ \(command.text)\n  could not run: \(error)")
                continue
            }
            var actual = outcome.output.components(separatedBy: "\n")
            if actual.last == "" { actual.removeLast() }
            let outputMatches = Self.matches(command.expected, actual)
            guard !outputMatches || outcome.status != command.status else { continue }
            var message = "\(file):\(command.line): $ \(command.text)\n"
            if outcome.status != command.status {
                message += "  exit status \(outcome.status), but the block shows \(command.status)"
                    + (command.status == 0 ? " (no [exit N] line)" : "") + "\n"
            }
            if !outputMatches {
                message += "  output differs (- shown in \(file), + printed):\n"
                message += Self.diff(command.expected, actual).split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "  " + $0 }.joined(separator: "\n") + "\n"
            }
            failures.append(message)
        }
        return failures
    }

    /// Runs `command` as the documentation's reader would: `/bin/sh -c` in `directory`, with
    /// `binDirectory` first on the PATH, standard output and error into one file.
    static func shell(_ command: String, in directory: URL, binDirectory: String) throws -> Outcome {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outputURL = scratch.url.appendingPathComponent("output")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        defer { try? output.close() }

        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = binDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["LC_ALL"] = "C.UTF-8"
        environment["NO_COLOR"] = nil
        environment["COLUMNS"] = "80"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let bytes = try Data(contentsOf: outputURL)
        return Outcome(output: String(decoding: bytes, as: UTF8.self), status: process.terminationStatus)
    }
}
