import PCRE2
import WinnowRules

/// Which lines each line-scope rule's regex could match at all: a rule
/// whose `RequiredLiterals` (its `keywords:`, or those derived from its
/// regex) are all absent from a line cannot match it, so its regex is not run.
///
///     let prefilter = Prefilter(rules: ruleSet.rules)
///     prefilter.markLines(of: document, in: buffer, viewed: features.matching, into: scratch)
///     for line in prefilter.candidateLines(rule: 3, in: scratch) ?? [] { /* run the regex */ }
///
/// One `LiteralMatcher` pass over each line finds the literals of every rule
/// at once. A line holding one of `ASCIIFolding.caselessLookalikes` is
/// marked for every rule, since folded bytes cannot tell whether a caseless
/// regex matches it. Block and document rules always run: few, and their
/// subjects span lines.
struct Prefilter: Sendable {
    /// By rule index: the rule's bit in a line's marks, or -1 when it always runs.
    private let slotOfRule: [Int]
    /// The slot that a caseless lookalike marks, after the rules' slots.
    private let lookalikeSlot: Int
    private let matcher: LiteralMatcher?
    /// Words of marks per line.
    let wordCount: Int

    /// - Parameter enabled: false for a prefilter that lets every line through (to compare against).
    init(rules: [Rule], enabled: Bool = true) {
        var slotOfRule = [Int](repeating: -1, count: rules.count)
        var literals: [(bytes: [UInt8], slot: Int)] = []
        var slotCount = 0
        for (index, rule) in rules.enumerated() where enabled && rule.scope == .line {
            guard let required = rule.requiredLiterals else { continue }
            slotOfRule[index] = slotCount
            literals += required.strings.map { ($0, slotCount) }
            slotCount += 1
        }
        lookalikeSlot = slotCount
        if slotCount > 0 {
            literals += ASCIIFolding.caselessLookalikes.map { (Array(String($0).utf8), slotCount) }
            matcher = LiteralMatcher(literals)
        } else {
            matcher = nil
        }
        self.slotOfRule = slotOfRule
        wordCount = matcher?.wordCount ?? 0
    }

    /// Whether any rule is filtered.
    var isActive: Bool { matcher != nil }

    /// Finds, by rule slot, the non-blank lines each rule may match, in
    /// order (`scratch.linesBySlot`): memory in proportion to the candidates,
    /// not to lines times rules.
    ///
    /// - Parameter viewed: lines rules match through a `MatchingView`: their
    ///   literals need not be in their bytes, so they are marked for every rule.
    func markLines(of document: Document, in buffer: UnsafeBufferPointer<UInt8>, viewed: MatchingView,
                   into scratch: Scratch) {
        guard let matcher else { return }
        if scratch.lineMarks.count != wordCount { scratch.lineMarks = Array(repeating: 0, count: wordCount) }
        if scratch.linesBySlot.count != lookalikeSlot { scratch.linesBySlot = Array(repeating: [], count: lookalikeSlot) }
        for slot in 0..<lookalikeSlot { scratch.linesBySlot[slot].removeAll(keepingCapacity: true) }
        let lookalikeWord = lookalikeSlot >> 6, lookalikeBit: UInt64 = 1 << UInt64(lookalikeSlot & 63)
        scratch.lineMarks.withUnsafeMutableBufferPointer { marks in
            guard let lineMarks = marks.baseAddress else { return }
            for (index, line) in document.lines.enumerated() where !line.isBlank {
                for word in 0..<wordCount { lineMarks[word] = 0 }
                matcher.scan(UnsafeBufferPointer(rebasing: buffer[line.content]), marking: lineMarks)
                if let view = viewed.bytes(of: index, .raw) {
                    // A view without markup, or of joined lines, holds its own literals; a folded one may hold any.
                    if viewed.isUnfolded(index) {
                        view.withUnsafeBufferPointer { matcher.scan($0, marking: lineMarks) }
                    } else {
                        for word in 0..<wordCount { lineMarks[word] = ~0 }
                    }
                }
                if lineMarks[lookalikeWord] & lookalikeBit != 0 {
                    for word in 0..<wordCount { lineMarks[word] = ~0 }
                }
                for word in 0..<wordCount {
                    var bits = lineMarks[word]
                    while bits != 0 {
                        let slot = word << 6 | bits.trailingZeroBitCount
                        bits &= bits &- 1
                        if slot < lookalikeSlot { scratch.linesBySlot[slot].append(Int32(index)) }
                    }
                }
            }
        }
    }

    /// The lines, in order, that rule `rule` may match, or nil when it is not filtered.
    @inline(__always)
    func candidateLines(rule: Int, in scratch: Scratch) -> [Int32]? {
        let slot = slotOfRule[rule]
        return slot < 0 ? nil : scratch.linesBySlot[slot]
    }

    /// Lets the candidate lists of a giant document go.
    func release(in scratch: Scratch, above bytes: Int) {
        let held = scratch.linesBySlot.reduce(0) { $0 + $1.capacity } * MemoryLayout<Int32>.stride
        if held > bytes { scratch.linesBySlot = Array(repeating: [], count: lookalikeSlot) }
    }

    /// Whether rule `rule` is filtered at all.
    func filters(rule: Int) -> Bool { slotOfRule[rule] >= 0 }
}
