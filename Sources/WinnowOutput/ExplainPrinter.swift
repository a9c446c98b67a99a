import WinnowEngine
import WinnowRules

/// Writes every line of a document with the verdict on it (`--explain`).
///
///     # page.txt: 12 lines in, 7 out; sites: livemint.com; shape: lines
///         1 - [subscription/subscribe drop] Subscribe
///         2
///         3   Alibaba fires back at allegations of assisting Chinese Military
///         7 - [bylines/written-by extract] Written By Riya R Alex ⟨author: Riya R Alex⟩
///         9 ~ Markets closed higher on Friday.⟦ads/trailing-stamp: 12:30 PM IST⟧
///        11 + [guards/wire-credit keep] (With inputs from AFP)
///
/// Each document starts with a `#` header: its name, its lines in and out
/// (as text mode would print them), the site packs that applied, and its
/// shape (`lines`, `wrapped at N`, `markdown`, or both; see `TextShape`). Then
/// every input line, in order, blank ones included, as: its line number
/// (from 1, right-aligned), a mark, and the line's text without its
/// terminator. The marks:
///
/// | mark | the line |
/// |---|---|
/// | ` ` (space) | is kept |
/// | `-` | is removed; `[rule action]` says which rule and how (`drop`, `drop-block`, `cut`, `strip`, `extract`) |
/// | `+` | is protected by a keep rule, `[rule keep]` |
/// | `~` | is kept with fragments stripped; each shows in place as `⟦rule: fragment⟧` |
///
/// In wrapped text, a `|` right after the mark (where a space stands
/// otherwise) says the line continues the paragraph above it: rules judged
/// the paragraph as one unit.
///
///        4   The council met on Tuesday to agree the budget for the
///        5  |coming year, and the vote was close.
///
/// A line an `extract` rule removed ends with the fields it gave, each as
/// `⟨name: value⟩`. So `grep -E '^ *[0-9]+ -'` lists the removed lines,
/// `grep '\[ads/'` what the ads rules did, `grep -v '^#'` drops the headers.
/// Colour, when on, only adds escapes; the text stays the same.
public struct ExplainPrinter: Sendable {
    public let style: ExplainStyle

    public init(style: ExplainStyle = ExplainStyle(color: false)) { self.style = style }

    /// Writes the explanation of one document.
    ///
    /// - Returns: always true: every explain line ends with a newline.
    @discardableResult
    public func write(_ document: Document, _ decisions: Decisions, to out: OutputStream) -> Bool {
        let output = TextPrinter().measure(document, decisions)
        let sites = decisions.sites.isEmpty ? "none" : decisions.sites.joined(separator: ", ")
        out.write("\(style.header)# \(document.name): \(document.lines.count) lines in, \(output.lines) out;"
                  + " sites: \(sites); shape: \(decisions.shape.description)\(style.reset)\n")
        let width = max(5, String(document.lines.count).count)
        let rules = decisions.rules
        document.bytes.withUnsafeBufferPointer { bytes in
            for (index, line) in document.lines.enumerated() {
                let number = String(index + 1)
                out.write(style.number + String(repeating: " ", count: width - number.count) + number + style.reset)
                let content = UnsafeBufferPointer(rebasing: bytes[line.content])
                let gap = decisions.continuesParagraph(index) ? "|" : " "
                switch decisions.verdict(index) {
                case .dropped(let ruleIndex):
                    let rule = rules[ruleIndex]
                    out.write(" \(style.removed)-\(gap)[\(rule.id) \(rule.action.rawValue)]\(style.reset)")
                    if !content.isEmpty {
                        out.write(" \(style.removedText)")
                        out.write(content)
                        out.write(style.removedText.isEmpty ? "" : style.reset)
                    }
                    if rule.action == .extract { writeMeta(decisions, line: index, rule: ruleIndex, to: out) }
                case .protected(let ruleIndex):
                    out.write(" \(style.protected)+\(gap)[\(rules[ruleIndex].id) keep]\(style.reset) ")
                    out.write(content)
                case .kept:
                    if let strips = decisions.strips[index], !strips.isEmpty {
                        out.write(" \(style.stripped)~\(style.reset)\(gap)")
                        writeStripped(bytes, pieces: decisions.pieces(of: index, within: line.content), rules: rules,
                                      to: out)
                    } else if line.contentEnd > line.start {
                        out.write("  \(gap)")
                        out.write(content)
                    }
                }
                out.write(byte: 0x0A)
            }
        }
        return true
    }

    /// The line with each stripped fragment shown in place; overlapping
    /// fragments are shown as one, charged to the first.
    private func writeStripped(_ bytes: UnsafeBufferPointer<UInt8>, pieces: [LinePiece], rules: [Rule],
                               to out: OutputStream) {
        for piece in pieces {
            switch piece {
            case .kept(let range):
                out.write(UnsafeBufferPointer(rebasing: bytes[range]))
            case .stripped(let range, let rule):
                out.write("\(style.removed)⟦\(rules[rule].id): ")
                out.write(UnsafeBufferPointer(rebasing: bytes[range]))
                out.write("⟧\(style.reset)")
            }
        }
    }

    private func writeMeta(_ decisions: Decisions, line: Int, rule: Int, to out: OutputStream) {
        for field in decisions.meta where field.line == line && field.rule == rule {
            out.write(" \(style.meta)⟨\(field.name): ")
            out.write(field.value)
            out.write("⟩\(style.reset)")
        }
    }
}
