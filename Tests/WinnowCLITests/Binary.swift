import Foundation
import Testing

/// The built `winnow` executable, run as a user would run it.
///
///     let result = try Binary.run(["--version"])
///     #expect(result.status == 0)
///     #expect(result.text == "0.1.0\n")
///
/// Standard input, output and error go through temporary files, so inputs
/// and outputs of any size cannot deadlock on a pipe.
enum Binary {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// The repository's root directory.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `winnow` in the build products directory, beside the test bundle (the
    /// test target depends on the executable, so it is built first).
    static let url: URL? = {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["WINNOW_BIN"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        let running = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(running.deletingLastPathComponent().appendingPathComponent("winnow"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("winnow"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("winnow"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func path() throws -> String {
        guard let url else {
            throw Missing(description: "the winnow executable was not found beside the test bundle (set WINNOW_BIN)")
        }
        return url.path
    }

    /// Runs winnow with `arguments`, `stdin` as its input, in `directory`.
    static func run(_ arguments: [String], stdin: [UInt8] = [], in directory: URL? = nil) throws -> Result {
        try execute(path(), arguments, stdin: stdin, in: directory ?? repository, environment: nil)
    }

    static func run(_ arguments: [String], stdin: String, in directory: URL? = nil) throws -> Result {
        try run(arguments, stdin: Array(stdin.utf8), in: directory)
    }

    /// Runs `bash -o pipefail -c command` with the given extra environment.
    static func shell(_ command: String, in directory: URL, environment: [String: String]) throws -> Result {
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        return try execute("/bin/bash", ["-o", "pipefail", "-c", command], stdin: [], in: directory, environment: merged)
    }

    private static func execute(_ executable: String, _ arguments: [String], stdin: [UInt8], in directory: URL,
                                environment: [String: String]?) throws -> Result {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = scratch.url.appendingPathComponent("stdin"),
            output = scratch.url.appendingPathComponent("stdout"),
            errors = scratch.url.appendingPathComponent("stderr")
        try Data(stdin).write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: Array(try Data(contentsOf: output)),
                      stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }
}
