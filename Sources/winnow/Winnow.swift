import ArgumentParser
import Foundation
import WinnowOutput

#if canImport(Glibc)
import Glibc
#endif

/// The `winnow` command: filtering is the default subcommand.
@main
struct Winnow: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Remove ads and boilerplate from scraped page text.",
        discussion: """
            winnow reads page text (a browser's innerText, lynx -dump, an HTML-to-text \
            converter's output) and writes the article without the menus, ad labels, \
            share bars, related-story lists and footers around it. Its rules are PCRE2 \
            regexes in YAML files; see 'winnow rules' and the README.

            Examples:
              winnow page.txt > article.txt
              curl -s "$url" | html2text | winnow
              winnow --format jsonl pages/*.txt
              winnow --explain page.txt
              winnow test && winnow lint --strict

            Exit status: 0 success, 1 failed checks (test, lint, unreadable records), 2 errors.
            """,
        version: version,
        subcommands: [FilterCommand.self, TestCommand.self, LintCommand.self, RulesCommand.self],
        defaultSubcommand: FilterCommand.self
    )

    /// `winnow --help`: the filter's own help, since filtering is what winnow
    /// does, with winnow's overview above it and the subcommands below.
    static var helpText: String {
        let filter = helpMessage(for: FilterCommand.self)
        let root = helpMessage()
        let intro = root.components(separatedBy: "\n\nExamples:")[0]
        var body = filter.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
        body = body.replacingOccurrences(of: "USAGE: winnow filter ", with: "USAGE: winnow ")
        let subcommands = root.range(of: "SUBCOMMANDS:").map { String(root[$0.lowerBound...]) } ?? ""
        return intro + "\n\n" + body.trimmingCharacters(in: .newlines) + "\n\n" + subcommands
            .trimmingCharacters(in: .newlines) + "\n\nExit status: 0 success, 1 failed checks (test, lint, unreadable records), 2 errors.\n"
    }

    /// A parent may start winnow with signals blocked (Foundation's `Process`
    /// passes on its thread's mask); a filter must still stop on Ctrl-C and
    /// SIGTERM. Ignored signals stay ignored, as `nohup` and `&` intend. Done
    /// first, so every thread winnow starts inherits the mask.
    private static func unblockStopSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Runs the command line, with winnow's exit codes: ArgumentParser's usage
    /// errors exit 2 rather than 64, as grep and ripgrep do.
    static func main() {
        unblockStopSignals()
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            if arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
                try StandardOutput.write(helpText)
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // Help and --version: printed here, so that a write error is reported too.
                do {
                    try StandardOutput.write(fullMessage(for: error) + "\n")
                } catch {
                    Glibc.exit(2)
                }
                Glibc.exit(0)
            }
            StandardError.write(fullMessage(for: error) + "\n")
            Glibc.exit(code == .failure ? 1 : 2)
        }
    }
}
