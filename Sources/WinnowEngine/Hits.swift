import WinnowRules

/// What one rule found in one document, before it is applied.
struct Hits {
    /// Matching lines, ascending; 32 bits each, as a rule may match every line of a giant document.
    var lines: [Int32] = []
    var fragments: [(line: Int, range: Range<Int>)] = []
    var fields: [(name: String, value: [UInt8], line: Int)] = []
    var limitHits: [(line: Int, message: String)] = []
    /// Set when the rule used up its budget and stopped early.
    var suspension: (line: Int, reason: Decisions.Suspension.Reason)?

    /// Lines the rule matched, whatever its action records of them.
    var matchedLineCount: Int {
        if fragments.isEmpty { return lines.count }
        return Set(lines.map(Int.init) + fragments.map(\.line)).count
    }

    /// Drops what the rule matched (its `min-matches` was not reached), keeping what it reports.
    mutating func forgetMatches() {
        lines = []
        fragments = []
        fields = []
    }

    /// Applies the hits of rule `index` as its action says: the one place
    /// where actions differ in what they do to the decisions.
    /// - Parameter paragraphs: the wrapped paragraphs, so that a keep rule keeps the whole paragraph of a line.
    func apply(rule index: Int, of rule: Rule, document: Document, paragraphs: WrappedParagraphs,
               to decisions: inout Decisions) {
        switch rule.action {
        case .keep:
            for line in lines {
                for member in paragraphs.paragraph(of: Int(line)) where !decisions.isProtected(member) {
                    decisions.protect(member, by: index)
                }
            }
        case .drop:
            for line in lines { decisions.drop(Int(line), by: index) }
        case .cut:
            if let line = lines.first { decisions.proposeCut(at: Int(line), by: index) }
        case .dropBlock:
            for line in lines {
                let block = Int(document.blockOfLine[Int(line)])
                guard block >= 0 else { continue }
                for member in document.blocks[block] { decisions.drop(member, by: index) }
            }
        case .extract:
            for line in lines { decisions.drop(Int(line), by: index) }
            for field in fields {
                decisions.meta.append(.init(name: field.name, value: field.value, rule: index, line: field.line))
            }
        case .strip:
            for (line, range) in fragments where decisions.isKept(line) && !decisions.isProtected(line) {
                decisions.strips[line, default: []].append(.init(range: range, rule: index))
            }
            // A line with nothing left but whitespace goes, charged to the rule that emptied it.
            for line in Set(fragments.map(\.line)) where decisions.isKept(line) {
                if Hits.isEmptyAfterStrips(document, line: line, strips: decisions.strips[line] ?? []) {
                    decisions.drop(line, by: index)
                    decisions.strips[line] = nil
                }
            }
        }
        for hit in limitHits {
            decisions.limitHits.append(.init(rule: index, line: hit.line, message: hit.message))
        }
        if let suspension {
            decisions.suspensions.append(.init(rule: index, line: suspension.line, reason: suspension.reason))
        }
    }

    /// Whether a rule with this action still has anything to do on a line.
    /// Keep rules look at every line; a cut may start at a line a content
    /// rule already dropped (a "Related" heading), but never at a protected one.
    static func isOpen(_ line: Int, for action: RuleAction, decisions: Decisions) -> Bool {
        switch action {
        case .keep: true
        case .cut: !decisions.isProtected(line)
        case .drop, .dropBlock, .strip, .extract: decisions.isKept(line) && !decisions.isProtected(line)
        }
    }

    /// Whether nothing but whitespace is left of the line's subject once its strips are out.
    static func isEmptyAfterStrips(_ document: Document, line: Int, strips: [Decisions.Strip]) -> Bool {
        document.bytes.withUnsafeBufferPointer { buffer in
            Decisions.pieces(of: strips, within: document.lines[line].subject).allSatisfy { piece in
                guard case .kept(let range) = piece else { return true }
                var i = range.lowerBound
                while i < range.upperBound {
                    let space = TextBytes.whitespaceLength(buffer, at: i, end: range.upperBound)
                    if space == 0 { return false }
                    i += space
                }
                return true
            }
        }
    }
}
