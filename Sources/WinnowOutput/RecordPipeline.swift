#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import WinnowEngine

/// Filters JSON Lines input (`--input jsonl`): each line is one record, and
/// one member of it (`--field`, default `text`) is the document.
///
///     let pipeline = RecordPipeline(filter: filter, options: RecordOptions(), output: .records(out))
///     pipeline.onError = { print($0) }            // crawl.jsonl:3:17: expected ':' after the key
///     try pipeline.run(path: "crawl.jsonl")
///
/// With `.records` output, each record comes out on one line with:
/// - the field's value replaced by the clean text, as a JSON string;
/// - `<field>_base64` right after it with the exact bytes when the clean text
///   is not valid UTF-8 (and removed when the input had one and it is no
///   longer needed);
/// - the report object (`DocumentReport`) under `reportKey`, replacing a
///   member of that name or added as the last member;
/// - every other byte as it was: other members, their order, their
///   spacing, escapes and numbers exactly as written.
///
/// The text is the field's string, decoded, or, when the record also has
/// `<field>_base64`, those bytes, so winnow's own output of invalid UTF-8
/// reads back losslessly. The host of the `urlField` member selects site
/// packs. With `.documents` output, the clean texts go to a
/// `DocumentPipeline` (text or `--explain` output) instead.
///
/// Blank lines are not records: they are skipped and written nowhere, but
/// they count in line numbers. A record winnow cannot read (broken JSON,
/// not a JSON object, no string `field`, bad base64) goes to `onError` and
/// is handled as `options.onError` says.
///
/// The behaviour is documented for users in `JSON-FORMATS.md` beside this
/// file ("JSON Lines input"); keep the two in step.
public final class RecordPipeline {
    public enum Output {
        /// Write JSON Lines records.
        case records(OutputStream)
        /// Write each record's clean text as a document of its own.
        case documents(DocumentPipeline)
    }

    public let filter: Filter
    public let options: RecordOptions
    private let output: Output
    public var onError: ((RecordError) -> Void)?
    /// Called for every line where a rule hit PCRE2's match limit (`.records` output).
    public var onLimitHit: ((Document, Decisions.LimitHit) -> Void)?
    /// Called after each filtered record (`.records` output).
    public var onDocument: ((Document, Decisions) -> Void)?
    /// Records read (blank lines excepted), readable or not.
    public private(set) var records = 0
    /// Records that could not be read.
    public private(set) var malformed = 0
    /// Set when `--on-error fail` stopped at a record; nothing more is read.
    public private(set) var stopped = false

    private let fieldName: [UInt8]
    private let base64Name: [UInt8]
    private let urlName: [UInt8]
    private let reportName: [UInt8]?
    private var textJSON = JSONWriter(capacity: 1 << 16)
    private var base64JSON = JSONWriter(capacity: 0)
    private var reportJSON = JSONWriter(capacity: 1 << 14)
    private var clean = ByteBuffer(capacity: 1 << 16)

    public init(filter: Filter, options: RecordOptions, output: Output) {
        self.filter = filter
        self.options = options
        self.output = output
        fieldName = Array(options.field.utf8)
        base64Name = Array(options.base64Field.utf8)
        urlName = Array(options.urlField.utf8)
        reportName = options.reportKey.map { Array($0.utf8) }
    }

    /// Filters the records of one input: `-` is stdin, anything else a file.
    public func run(path: String) throws(ReadError) {
        let isStdin = path == "-"
        let descriptor = isStdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(source: path, reason: String(cString: strerror(errno))) }
        defer { if !isStdin { close(descriptor) } }
        let reader = LineReader(fileDescriptor: descriptor, name: isStdin ? "<stdin>" : path)
        while !stopped, let line = try reader.next() {
            process(line, source: reader.name)
        }
    }

    /// Filters one line of input from `source`.
    public func process(_ line: LineReader.Line, source: String) {
        guard !line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { return }
        records += 1
        let result: Result<Void, RecordError> = line.bytes.withUnsafeBufferPointer { bytes in
            do throws(RecordError) {
                try filterRecord(bytes, number: line.number, source: source)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if case .failure(let error) = result { reject(line, error) }
    }

    private func reject(_ line: LineReader.Line, _ error: RecordError) {
        malformed += 1
        onError?(error)
        switch options.onError {
        case .pass:
            let terminator = line.terminator.isEmpty ? [0x0A] : line.terminator
            switch output {
            case .records(let out):
                out.write(line.bytes)
                out.write(terminator)
                out.flush()
            case .documents(let pipeline):
                pipeline.passThrough(line.bytes + terminator)
            }
        case .skip:
            break
        case .fail:
            stopped = true
        }
    }

    private func filterRecord(_ bytes: UnsafeBufferPointer<UInt8>, number: Int, source: String) throws(RecordError) {
        let parsed: JSONRecord
        do {
            parsed = try JSONRecord(scanning: bytes)
        } catch {
            throw RecordError(source: source, line: number, column: error.column, message: error.message)
        }
        guard let field = parsed.member(fieldName, in: bytes), field.isString else {
            let present = parsed.member(fieldName, in: bytes) != nil
            throw RecordError(source: source, line: number,
                              message: present ? "'\(options.field)' is not a string" : "no '\(options.field)' member")
        }
        let companion = parsed.member(base64Name, in: bytes)
        let text: [UInt8]
        if let companion {
            guard companion.isString,
                  let data = Data(base64Encoded: Data(JSONString.decode(UnsafeBufferPointer(rebasing: bytes[companion.value]))))
            else {
                throw RecordError(source: source, line: number, message: "'\(options.base64Field)' is not a base64 string")
            }
            text = [UInt8](data)
        } else {
            text = JSONString.decode(UnsafeBufferPointer(rebasing: bytes[field.value]))
        }
        var host: String?
        if let url = parsed.member(urlName, in: bytes), url.isString {
            host = URLHost.of(String(decoding: JSONString.decode(UnsafeBufferPointer(rebasing: bytes[url.value])),
                                     as: UTF8.self))
        }
        let document = Document(bytes: text, name: "\(source):\(number)", host: host)
        switch output {
        case .documents(let pipeline):
            pipeline.process(document)
        case .records(let out):
            let decisions = filter.apply(to: document)
            rewrite(bytes, parsed, field: field, companion: companion, document: document, decisions: decisions, to: out)
            out.write(byte: 0x0A)
            for hit in decisions.limitHits { onLimitHit?(document, hit) }
            onDocument?(document, decisions)
            out.flush()
        }
    }

    /// Writes the output record, spliced from the input record's bytes.
    private func rewrite(_ bytes: UnsafeBufferPointer<UInt8>, _ parsed: JSONRecord, field: JSONRecord.Member,
                         companion: JSONRecord.Member?, document: Document, decisions: Decisions, to out: OutputStream) {
        // One writer per piece: the splice shares their buffers, and once it is gone each
        // writer owns its buffer again, so `reset` reuses the storage for the next record.
        var splice = RecordSplice()
        clean.reset()
        let written = TextPrinter().write(document, decisions, into: &clean)
        textJSON.reset()
        let valid = textJSON.string(bytes: clean.bytes)
        splice.replace(field.value, with: textJSON.bytes)
        if !valid {
            if let companion {
                base64JSON.reset()
                clean.bytes.withUnsafeBufferPointer { base64JSON.base64($0) }
                splice.replace(companion.value, with: base64JSON.bytes)
            } else {
                base64JSON.reset(afterValue: true)
                base64JSON.key(options.base64Field)
                clean.bytes.withUnsafeBufferPointer { base64JSON.base64($0) }
                splice.insert(at: field.value.upperBound, base64JSON.bytes)
            }
        } else if let companion, let at = parsed.members.firstIndex(of: companion) {
            // Remove the member with the comma that joins it to its neighbour.
            splice.delete(at > 0 ? parsed.members[at - 1].value.upperBound..<companion.value.upperBound
                                 : companion.key.lowerBound..<parsed.members[at + 1].key.lowerBound)
        }
        if let reportName, let reportKey = options.reportKey {
            let existing = parsed.member(reportName, in: bytes)
            reportJSON.reset(afterValue: existing == nil)
            if existing == nil { reportJSON.key(reportKey) }
            reportJSON.beginObject()
            DocumentReport.writeMembers(document, decisions, output: written, into: &reportJSON)
            reportJSON.endObject()
            if let existing {
                splice.replace(existing.value, with: reportJSON.bytes)
            } else {
                splice.insert(at: parsed.members[parsed.members.count - 1].value.upperBound, reportJSON.bytes)
            }
        }
        var sink = out
        splice.apply(to: bytes, into: &sink)
    }
}
