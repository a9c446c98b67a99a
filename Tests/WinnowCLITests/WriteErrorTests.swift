import Foundation
import Testing

/// A write error on stdout (here /dev/full, a disk that is always full) is
/// reported in one line and ends winnow with status 2, whatever the command.
@Suite struct WriteErrorTests {
    @Test(arguments: ["--help", "-h", "help", "--version", "help lint", "lint --help", "rules", "rules --conditions",
                      "test", "lint --no-probe --format json", "--generate-completion-script bash",
                      "samples/news-wire.txt", "--format jsonl samples/news-wire.txt"])
    func writeErrorIsReportedAndExitsTwo(arguments: String) throws {
        let binary = try #require(Binary.url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(binary.path)' \(arguments) > /dev/full"]
        process.currentDirectoryURL = Binary.repository
        let errors = Pipe()
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "winnow \(arguments): \(text)")
        let lines = text.split(separator: "\n").filter { $0.contains("cannot write output") }
        #expect(lines == ["winnow: cannot write output: No space left on device"], "winnow \(arguments): \(text)")
    }
}
