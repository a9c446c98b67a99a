import ArgumentParser
import WinnowOutput

/// Everything a subcommand prints on stdout goes through here, so that a
/// write error (a full disk, a closed pipe) is reported in one line and
/// ends winnow with status 2 instead of passing in silence.
enum StandardOutput {
    static func write(_ text: String) throws {
        let out = OutputStream(fileDescriptor: 1)
        out.write(text)
        out.flush()
        if let failure = out.failure {
            StandardError.report("cannot write output: \(failure)")
            throw ExitCode(2)
        }
    }
}
