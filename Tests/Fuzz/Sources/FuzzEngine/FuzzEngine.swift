import WinnowEngine
import WinnowOutput
import WinnowRules

/// The engine: the input is a rule file, a NUL byte, then a document (no NUL: the whole input is
/// the document, filtered by a small fixed rule set). Rules that load are compiled and the document
/// goes through the text and JSON Lines printers, whose byte counts must agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEngine(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let ruleText: String
    let page: [UInt8]
    if let split = input.firstIndex(of: 0) {
        ruleText = String(decoding: UnsafeBufferPointer(rebasing: input[..<split]), as: UTF8.self)
        page = Array(input[(split + 1)...])
    } else {
        ruleText = fallbackRules
        page = Array(input)
    }
    let (set, _) = RuleSet.loadPartially([RuleSource(displayPath: "fuzz/f.yml", relativePath: "f.yml", text: ruleText)])
    let filter = Filter(RuleProgram(ruleSet: set))
    let document = Document(bytes: page, name: "fuzz")
    let decisions = filter.apply(to: document)
    var text = ByteBuffer()
    let written = TextPrinter().write(document, decisions, into: &text)
    precondition(written.bytes == text.bytes.count, "TextPrinter's count is not what it wrote")
    precondition(TextPrinter().measure(document, decisions).bytes == written.bytes, "measure disagrees with write")
    let out = OutputStream()
    JSONDocumentPrinter().write(document, decisions, to: out)
    out.flush()
    precondition(out.collected.last == 0x0A, "a record ends with a newline")
    return 0
}

private let fallbackRules = """
    description: Every action.
    rules:
      - {id: ad, description: Ad., action: drop, regex: '(?i)^advertisement$'}
      - {id: block, description: Block., action: drop-block, scope: block, regex: '^Share\\n'}
      - {id: stamp, description: Stamp., action: strip, regex: '\\s*\\d{1,2}:\\d{2} [AP]M$'}
      - {id: by, description: By., action: extract, regex: '^By (?<author>\\p{Lu}.+)$'}
      - {id: next, description: Next., action: cut, regex: '^Read Next$', when: {prose-above: 0.5}}
      - {id: twice, description: Twice., action: drop, scope: document, regex: '^(.+)\\n\\1$'}
      - {id: guard, description: Guard., action: keep, regex: '^\\(With inputs', when: {prev-kept: {max-words: 9}}}
    """
