import FoundationEssentials
import WinnowEngine

/// JSON Lines input (`--input jsonl`): each line is one record, and one
/// member of it (`RecordOptions.field`, default `text`) is the document.
///
///     let source = RecordSource(paths: ["crawl.jsonl"], options: RecordOptions())
///     while let item = try source.next() { … }   // .document(doc, .record(envelope)) or .unreadable
///
/// The text is the field's string, decoded, or, when the record also has
/// `<field>_base64`, those bytes, so winnow's own output of invalid UTF-8
/// reads back losslessly. The host of the `urlField` member selects site
/// packs. Documents are named `FILE:LINE`.
///
/// Blank lines are not records: they are skipped and written nowhere, but
/// they count in line numbers. A record winnow cannot read (broken JSON,
/// not a JSON object, no string `field`, bad base64) comes out as `.unreadable`.
///
/// The behaviour is documented for users in `JSON-FORMATS.md` beside this
/// file ("JSON Lines input"); keep the two in step.
public final class RecordSource: DocumentSource {
    private var inputs: InputFiles
    public let options: RecordOptions
    private var reader: LineReader?
    private let fieldName: [UInt8]
    private let base64Name: [UInt8]
    private let urlName: [UInt8]
    private let chunkSize: Int

    /// - Parameter chunkSize: how much is read at a time (small sizes test records that straddle reads).
    public init(paths: [String], options: RecordOptions, chunkSize: Int = 1 << 18) {
        inputs = InputFiles(paths)
        self.chunkSize = chunkSize
        self.options = options
        fieldName = Array(options.field.utf8)
        base64Name = Array(options.base64Field.utf8)
        urlName = Array(options.urlField.utf8)
    }

    public func next() throws(ReadError) -> SourceItem? {
        while true {
            if reader == nil {
                guard let input = try inputs.next() else { return nil }
                reader = LineReader(fileDescriptor: input.descriptor, name: input.name, chunkSize: chunkSize)
            }
            guard let reader else { continue }
            let line: LineReader.Line?
            do {
                line = try reader.next()
            } catch {
                closeCurrent()
                throw error
            }
            guard let line else {
                closeCurrent()
                continue
            }
            if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do throws(RecordError) {
                return try read(line, source: reader.name)
            } catch {
                return .unreadable(error, raw: line.bytes + (line.terminator.isEmpty ? [0x0A] : line.terminator))
            }
        }
    }

    private func read(_ line: LineReader.Line, source: String) throws(RecordError) -> SourceItem {
        let number = line.number
        let result: Result<SourceItem, RecordError> = line.bytes.withUnsafeBufferPointer { bytes in
            do throws(RecordError) {
                return .success(try read(bytes, record: line.bytes, number: number, source: source))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private func read(_ bytes: UnsafeBufferPointer<UInt8>, record: [UInt8], number: Int,
                      source: String) throws(RecordError) -> SourceItem {
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
        return .document(document, .record(RecordEnvelope(bytes: record, parsed: parsed, field: field, companion: companion)))
    }

    private func closeCurrent() {
        reader = nil
        inputs.close()
    }

    deinit { inputs.close() }
}
