import PCRE2
import WinnowRules

/// The engine's answer to what conditions ask (`LineContext`): one
/// document's features and verdicts, as one rule sees them.
struct LineView: LineContext {
    let document: Document
    let buffer: UnsafeBufferPointer<UInt8>
    let features: LineFeatures
    let decisions: Decisions
    /// How the rule presents a line to its regexes.
    let subject: Rule.Subject
    let scratch: Scratch

    func chars(_ line: Int) -> Int { Int(features.chars[line]) }
    func words(_ line: Int) -> Int { Int(features.words[line]) }
    func endsLikeSentence(_ line: Int) -> Bool { features.sentence(line) }
    func isProse(_ line: Int) -> Bool { features.prose(line) }
    func linkDensity(_ line: Int) -> Double { features.links.density(line) }
    var shape: TextShape { features.shape }
    func hasBullet(_ line: Int) -> Bool { document.lines[line].hasBullet }
    func continuesParagraph(_ line: Int) -> Bool { features.isContinuation(line) }
    func ordinal(_ line: Int) -> Int { features.ordinal(line) }
    func ordinalFromEnd(_ line: Int) -> Int { features.ordinalFromEnd(line) }
    func blockSize(_ line: Int) -> Int {
        let block = Int(document.blockOfLine[line])
        return block >= 0 ? document.blocks[block].count : 0
    }
    func repeats(_ line: Int) -> Int { features.repeats.isEmpty ? 0 : Int(features.repeats[line]) }
    func shapeRepeats(_ line: Int) -> Int { features.shapeRepeats.isEmpty ? 0 : Int(features.shapeRepeats[line]) }
    func region(_ line: Int) -> Region { features.region(of: line) }
    func proseFractionBefore(_ line: Int) -> Double { features.proseFractionBefore(line) }
    func bodyDistance(_ line: Int) -> Int { features.bodyDistance(line) }
    func proseWordsBefore(_ line: Int) -> Int { Int(features.proseWordsBefore[line]) }
    func isDropped(_ line: Int) -> Bool { decisions.isDropped(line) }
    func previous(_ line: Int) -> Int { document.nonBlank(before: line) }
    func next(_ line: Int) -> Int { document.nonBlank(after: line) }

    func matches(_ pattern: Pattern, line: Int) -> Bool? {
        do {
            if let view = features.matching.bytes(of: line, subject),
               try view.withUnsafeBufferPointer({ (text) throws(PCRE2Error) -> Bool in
                   try pattern.firstMatch(in: text, with: scratch.matchData) != nil
               }) {
                return true
            }
            let range = subject == .trimmed ? document.lines[line].subject : document.lines[line].content
            return try pattern.firstMatch(in: UnsafeBufferPointer(rebasing: buffer[range]), with: scratch.matchData) != nil
        } catch {
            scratch.conditionLimitHits.append((line, error.message))
            return nil
        }
    }
}
