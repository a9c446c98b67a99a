import Foundation
import Testing

/// SIGINT and SIGTERM end winnow at once, whether it is waiting for input
/// or busy in a slow regex, on one thread or several.
@Suite struct SignalTests {
    enum Moment: String, CaseIterable { case waitingForInput, busyMatching }

    @Test(arguments: [SIGINT, SIGTERM], [["--jobs", "1"], ["--jobs", "2"]])
    func aSignalEndsWinnowPromptly(signal: Int32, jobs: [String]) throws {
        for moment in Moment.allCases {
            let scratch = try Scratch()
            defer { scratch.remove() }
            try scratch.writeBacktrackingRule()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try Binary.path())
            process.arguments = ["--no-default-rules", "--rules", "slow", "--rule-limit-hits", "1000000000",
                                 "--rule-time", "1000000"] + jobs
            process.currentDirectoryURL = scratch.url
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if moment == .busyMatching {
                // Minutes of matching, with the budget lifted: the signal must not wait for it.
                let line = Array((String(repeating: "a", count: 40) + "!\n").utf8)
                let page = Array([[UInt8]](repeating: line, count: 100_000).joined())
                input.fileHandleForWriting.write(Data(page))
            }
            Thread.sleep(forTimeInterval: 0.5)
            #expect(process.isRunning, "\(moment): winnow ended before the signal")
            kill(process.processIdentifier, signal)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            let ended = !process.isRunning
            if !ended { process.terminate(); kill(process.processIdentifier, SIGKILL) }
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            #expect(ended, "\(moment): still running 5 s after signal \(signal)")
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal,
                    "\(moment): ended by \(process.terminationReason) with \(process.terminationStatus)")
        }
    }
}
