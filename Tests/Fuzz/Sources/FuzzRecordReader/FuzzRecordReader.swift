#if canImport(Glibc)
import Glibc
#endif
import WinnowEngine
import WinnowOutput
import WinnowRules

/// The JSON Lines reader: the input is a JSON Lines file, read by RecordSource from a file (its only
/// way in) with a small chunk size so that records straddle reads, filtered by a small rule set and
/// written back by RecordSink, as `winnow --input jsonl` does. Each line is also scanned by JSONRecord
/// directly.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecordReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    var start = 0
    while start <= size {
        let end = input[start...].firstIndex(of: 0x0A) ?? size
        _ = try? JSONRecord(scanning: UnsafeBufferPointer(rebasing: input[start..<end]))
        start = end + 1
    }

    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(descriptor >= 0, "cannot write \(path)")
    var written = 0
    while written < size {
        let count = write(descriptor, data + written, size - written)
        precondition(count > 0, "cannot write \(path)")
        written += count
    }
    close(descriptor)

    let policies: [RecordErrorPolicy] = [.pass, .skip, .fail]
    let options = RecordOptions(onError: policies[size % 3], reportKey: size % 2 == 0 ? "winnow" : nil)
    let out = OutputStream()
    let errors = OutputStream()
    let source = RecordSource(paths: [path], options: options, chunkSize: 1 + size % 13)
    _ = Session(program: program, source: source,
                sinks: [RecordSink(out: out, options: options),
                        WarningSink(rules: program.rules, out: errors, recordInput: true)],
                out: out, onError: options.onError).run()
    out.flush()
    return 0
}

/// One file per process, rewritten for each input.
private let path = "/tmp/winnow-fuzz-record-\(getpid()).jsonl"

private let program: RuleProgram = {
    let text = """
        description: A few rules.
        rules:
          - {id: ad, description: Ad., action: drop, regex: '(?i)^advertisement$'}
          - {id: stamp, description: Stamp., action: strip, regex: '\\s*\\d{1,2}:\\d{2} [AP]M$'}
          - {id: by, description: By., action: extract, regex: '^By (?<author>\\p{Lu}.+)$'}
        """
    let site = """
        site: example.com
        description: A site pack, chosen by a record's url.
        rules:
          - {id: footer, description: Footer., action: drop, regex: '^Example footer$'}
        """
    let set = RuleSet.loadPartially([
        RuleSource(displayPath: "fuzz/f.yml", relativePath: "f.yml", text: text),
        RuleSource(displayPath: "fuzz/sites/example.com.yml", relativePath: "sites/example.com.yml", text: site),
    ]).set
    return RuleProgram(ruleSet: set)
}()
