import WinnowEngine

/// A document and the filter's decisions on it, read back as text for assertions.
struct Run {
    let document: Document
    let decisions: Decisions

    /// The kept non-blank lines, stripped fragments removed, without terminators.
    var kept: [String] {
        document.lines.indices.compactMap { index in
            let line = document.lines[index]
            guard !line.isBlank, decisions.isKept(index) else { return nil }
            var bytes: [UInt8] = []
            let strips = (decisions.strips[index] ?? []).map(\.range)
            for offset in line.content where !strips.contains(where: { $0.contains(offset) }) {
                bytes.append(document.bytes[offset])
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The id of the rule that dropped the line with this text (first such line), or nil if kept.
    func droppedBy(_ text: String) -> String? {
        guard let index = index(of: text) else { return "no line '\(text)'" }
        return decisions.droppingRule(index)?.id
    }

    /// The id of the keep rule that protected the line with this text.
    func protectedBy(_ text: String) -> String? {
        guard let index = index(of: text) else { return "no line '\(text)'" }
        if case .protected(let rule) = decisions.verdict(index) { return decisions.rules[rule].id }
        return nil
    }

    /// Each line's verdict: "kept", "blank", "dropped ID" or "protected ID".
    var verdicts: [String] {
        document.lines.indices.map { index in
            if document.lines[index].isBlank && decisions.isKept(index) { return "blank" }
            switch decisions.verdict(index) {
            case .kept: return "kept"
            case .dropped(let rule): return "dropped " + decisions.rules[rule].id
            case .protected(let rule): return "protected " + decisions.rules[rule].id
            }
        }
    }

    /// Extracted fields as "name=value".
    var meta: [String] {
        decisions.meta.map { "\($0.name)=\(String(decoding: $0.value, as: UTF8.self))" }
    }

    func index(of text: String) -> Int? {
        document.lines.indices.first { document.text(document.lines[$0].content) == text }
    }
}
