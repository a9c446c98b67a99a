import WinnowRules

/// What conditions read about each line, computed once per document in one
/// pass over the bytes.
public struct LineFeatures: Sendable {
    /// Unicode scalars in the subject.
    public private(set) var chars: [Int32]
    /// Whitespace-separated tokens with a letter or digit; each CJK character counts as a word.
    public private(set) var words: [Int32]
    /// The yes-or-no features, one byte a line (`Flag` bits).
    private var flags: [UInt8]
    /// For each block, how many non-blank lines come before it: a line's
    /// position among non-blank lines follows, with no number per line.
    private let nonBlankBeforeBlock: [Int32]
    private let blockOfLine: [Int32]
    private let blockStarts: [Int32]
    public private(set) var nonBlankCount: Int
    /// The body: the stretch of lines where prose outweighs everything else
    /// (see `updateRegions`), or nil when the document has no prose.
    public private(set) var body: ClosedRange<Int>?
    /// Kept prose words before each line, and in all; see `updateRegions`.
    public private(set) var proseWordsBefore: [Int32] = []
    public private(set) var proseWordsTotal = 0
    private let settings: DocumentSettings
    /// How many lines of the document have the same subject; filled only when a rule asks.
    public private(set) var repeats: [Int32] = []
    /// How many lines of the document have the same `LineShape`; filled with `repeats`.
    public private(set) var shapeRepeats: [Int32] = []
    /// Hard-wrapped text: every line of a paragraph has the paragraph's chars,
    /// words, sentence ending and prose, and the paragraph counts once for the body.
    let paragraphs: WrappedParagraphs
    /// How much of each line is Markdown link markup.
    let links: MarkdownLinks
    /// How the document is laid out: wrapped, Markdown, both or neither.
    public private(set) var shape = TextShape()
    /// What rules also match on lines that hide their words (zero-width characters,
    /// fullwidth forms, Markdown markup…).
    private(set) var matching = MatchingView()

    public init(document: Document, settings: DocumentSettings, countRepeats: Bool) {
        let lines = document.lines
        let n = lines.count
        chars = .init(repeating: 0, count: n)
        words = .init(repeating: 0, count: n)
        flags = .init(repeating: 0, count: n)
        var before = [Int32](), starts = [Int32]()
        before.reserveCapacity(document.blocks.count)
        starts.reserveCapacity(document.blocks.count)
        var nonBlank = 0
        for block in document.blocks {
            before.append(Int32(nonBlank))
            starts.append(Int32(block.lowerBound))
            nonBlank += block.count
        }
        nonBlankBeforeBlock = before
        blockStarts = starts
        blockOfLine = document.blockOfLine
        nonBlankCount = nonBlank
        self.settings = settings
        paragraphs = WrappedParagraphs(document: document)
        links = MarkdownLinks(document: document)
        var headings = 0
        document.bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<n where !lines[i].isBlank {
                let line = lines[i]
                if MarkdownPlainText.headingMarks(buffer, line.subject) > 0 { headings += 1 }
                chars[i] = LineFeatures.countScalars(buffer, line.subject)
                words[i] = LineFeatures.countWords(buffer, line.subject)
                let sentence = LineFeatures.endsLikeSentence(buffer, line.subject)
                flags[i] = (sentence ? Flag.sentence : 0)
                    | (sentence && Int(words[i]) >= settings.proseMinWords ? Flag.prose : 0)
                    | (LineFeatures.looksSymbolic(buffer, line.subject) ? Flag.symbolic : 0)
            }
            if countRepeats {
                repeats = LineFeatures.countRepeats(buffer, lines, LineFeatures.hashText)
                shapeRepeats = LineFeatures.countRepeats(buffer, lines, LineShape.hash)
            }
        }
        let shape = TextShape(wrapWidth: paragraphs.width,
                              isMarkdown: links.linkedLineCount >= Self.markdownEvidence || headings >= Self.markdownEvidence)
        self.shape = shape
        matching = MatchingView(document: document, markdown: shape.isMarkdown, paragraphs: paragraphs, words: words)
        if paragraphs.isWrapped { judgeParagraphs(lines) }
        markSentenceRuns()
    }

    /// Lines with links, or ATX headings, that make a document Markdown.
    static let markdownEvidence = 2

    /// Gives every line of a wrapped paragraph the paragraph's features.
    private mutating func judgeParagraphs(_ lines: [Line]) {
        var i = 0
        while i < lines.count {
            let members = paragraphs.paragraph(of: i)
            let start = members.lowerBound, end = members.upperBound
            guard start == i else { i += 1; continue }
            if end - start > 1 {
                let unitWords = members.reduce(Int32(0)) { $0 + words[$1] }
                let unitChars = members.reduce(Int32(0)) { $0 + chars[$1] } + Int32(end - start - 1)
                let unitSentence = sentence(end - 1)
                let unitProse = unitSentence && Int(unitWords) >= settings.proseMinWords
                for member in members {
                    words[member] = unitWords
                    chars[member] = unitChars
                    flags[member] = flags[member] & Flag.symbolic
                        | (unitSentence ? Flag.sentence : 0) | (unitProse ? Flag.prose : 0)
                }
            }
            i = end
        }
    }

    /// Whether the line continues a wrapped paragraph that starts on an earlier line.
    @inline(__always) func isContinuation(_ line: Int) -> Bool { paragraphs.continues(line) }

    /// Recomputes the body, and the prose words before each line, from the
    /// lines that are still kept.
    ///
    /// Every non-blank line gets a score: a kept prose line its word count,
    /// a long line without a sentence ending half its words, a dropped line
    /// `-shortLinePenalty`, a line of code or data `-symbolLinePenalty`, a
    /// short line `-shortLinePenalty`, any other line `-linePenalty`.
    /// The body is the stretch with the highest total (the maximum-sum
    /// subarray, as in Finn's Body Text Extraction), so a lone prose-like
    /// line in a footer does not stretch the body over the junk before it.
    mutating func updateRegions(_ decisions: Decisions) {
        var best = 0, bestRange: ClosedRange<Int>?
        var running = 0, start = 0
        var before = 0
        if proseWordsBefore.count != flags.count { proseWordsBefore = .init(repeating: 0, count: flags.count) }
        for i in flags.indices {
            proseWordsBefore[i] = Int32(before)
            guard blockOfLine[i] >= 0 else { continue }
            let prose = self.prose(i)
            let kept = decisions.isKept(i)
            // A wrapped paragraph counts once, on its first line.
            let continuation = isContinuation(i)
            if kept && prose && !continuation { before += Int(words[i]) }
            // Scores are doubled so that half a word stays an integer.
            let score: Int
            if !kept { score = -2 * settings.shortLinePenalty }
            else if continuation { score = 0 }
            else if prose { score = 2 * Int(words[i]) }
            else if words[i] >= settings.longLineWords { score = Int(words[i]) }
            else if flags[i] & Flag.sentenceRun != 0 { score = 0 }
            else if symbolic(i) { score = -2 * settings.symbolLinePenalty }
            else if words[i] <= settings.shortLineWords { score = -2 * settings.shortLinePenalty }
            else { score = -2 * settings.linePenalty }
            if running <= 0 {
                running = 0
                start = i
            }
            running += score
            if running > best {
                best = running
                bestRange = start...i
            }
        }
        // A wrapped paragraph's score sits on its first line: the body takes in the whole paragraph.
        if let range = bestRange, paragraphs.isWrapped {
            var end = range.upperBound
            while end + 1 < flags.count, isContinuation(end + 1) { end += 1 }
            let first = paragraphs.first[range.lowerBound]
            bestRange = (first >= 0 ? Int(first) : range.lowerBound)...end
        }
        body = bestRange
        proseWordsTotal = before
    }

    /// The share of the kept prose words that come before `line` (0 when there is no prose).
    public func proseFractionBefore(_ line: Int) -> Double {
        proseWordsTotal > 0 ? Double(proseWordsBefore[line]) / Double(proseWordsTotal) : 0
    }

    /// Non-blank lines from the body to `line`, `line` included: 1 for the line right under
    /// it; 0 inside the body, for a blank line (conditions see none) and without a body.
    public func bodyDistance(_ line: Int) -> Int {
        guard let body, ordinal(line) >= 0 else { return 0 }
        if line > body.upperBound { return ordinal(line) - ordinal(body.upperBound) }
        if line < body.lowerBound { return ordinal(body.lowerBound) - ordinal(line) }
        return 0
    }

    public func region(of line: Int) -> Region {
        guard let body else { return .body }
        if line < body.lowerBound { return .header }
        if line > body.upperBound { return .footer }
        return .body
    }

    /// Ends with `.`, `!`, `?` or `…`, maybe followed by closing quotes or brackets.
    @inline(__always) public func sentence(_ line: Int) -> Bool { flags[line] & Flag.sentence != 0 }
    /// Ends like a sentence and has at least `proseMinWords` words.
    @inline(__always) public func prose(_ line: Int) -> Bool { flags[line] & Flag.prose != 0 }
    /// Looks like code or data rather than a menu: starts with a digit or
    /// holds one of `{ } ( ) [ ] ; = < > $ \`.
    @inline(__always) public func symbolic(_ line: Int) -> Bool { flags[line] & Flag.symbolic != 0 }

    /// Position among non-blank lines, or -1 for a blank line.
    @inline(__always) public func ordinal(_ line: Int) -> Int {
        let block = Int(blockOfLine[line])
        guard block >= 0 else { return -1 }
        return Int(nonBlankBeforeBlock[block]) + line - Int(blockStarts[block])
    }

    /// Position counted from the end among non-blank lines (0 for the last).
    public func ordinalFromEnd(_ line: Int) -> Int { nonBlankCount - 1 - ordinal(line) }

    private enum Flag {
        static let sentence: UInt8 = 1
        static let prose: UInt8 = 2
        static let symbolic: UInt8 = 4
        /// Has `sentence-run-words` words or more, in a run of `sentence-run-lines` short sentences (see `markSentenceRuns`).
        static let sentenceRun: UInt8 = 8
    }

    /// Marks the lines of `sentence-run-words` words or more in each run of
    /// `sentence-run-lines` or more short sentences in a row: non-blank lines,
    /// or wrapped paragraphs, that end like sentences without being prose.
    /// Prose and blank lines may come between them. Words and endings are
    /// fixed once the paragraphs are judged, so this is done once.
    private mutating func markSentenceRuns() {
        var runStart = -1, runLength = 0
        func close(before end: Int) {
            guard runLength >= settings.sentenceRunLines else { return }
            for line in runStart..<end where blockOfLine[line] >= 0 && Int(words[line]) >= settings.sentenceRunWords {
                flags[line] |= Flag.sentenceRun
            }
        }
        for i in flags.indices where blockOfLine[i] >= 0 {
            if sentence(i) {
                if runLength == 0 { runStart = i }
                // A paragraph neither counts nor breaks a run; a wrapped one is one line.
                if !prose(i) && !isContinuation(i) { runLength += 1 }
            } else {
                close(before: i)
                runLength = 0
            }
        }
        close(before: flags.count)
    }

    static func countScalars(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        var count: Int32 = 0
        for i in range where buffer[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    static func countWords(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        var count: Int32 = 0
        var inToken = false, tokenHasWord = false
        var i = range.lowerBound
        while i < range.upperBound {
            let space = TextBytes.whitespaceLength(buffer, at: i, end: range.upperBound)
            if space > 0 {
                if inToken && tokenHasWord { count += 1 }
                inToken = false
                tokenHasWord = false
                i += space
                continue
            }
            let b = buffer[i]
            inToken = true
            if b >= 0xE3 && b <= 0xED && !(b == 0xE3 && i + 1 < range.upperBound && buffer[i + 1] == 0x80) {
                // CJK and Hangul: no spaces between words, so each character counts as one.
                count += 1
            } else if b < 0x80 ? TextBytes.isWordByte(b) : (b >= 0xC3 && b != 0xE2 && b != 0xE3) {
                tokenHasWord = true
            }
            i += 1
        }
        if inToken && tokenHasWord { count += 1 }
        return count
    }

    static func endsLikeSentence(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        let start = range.lowerBound
        // Skip closing quotes and brackets: `He said "no."` and `(AFP.)` end sentences.
        while end > start {
            let b = buffer[end - 1]
            if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D || b == 0x2A { end -= 1; continue }
            if end - start >= 3, buffer[end - 3] == 0xE2, buffer[end - 2] == 0x80,
               b == 0x9D || b == 0x99 || b == 0xBA { end -= 3; continue }            // ” ’ ›
            if end - start >= 2, buffer[end - 2] == 0xC2, b == 0xBB { end -= 2; continue } // »
            break
        }
        guard end > start else { return false }
        let b = buffer[end - 1]
        if b == 0x2E || b == 0x21 || b == 0x3F { return true }                          // . ! ?
        guard end - start >= 3 else { return false }
        let b2 = buffer[end - 3], b1 = buffer[end - 2]
        if b2 == 0xE2, b1 == 0x80, b == 0xA6 { return true }                             // …
        if b2 == 0xE3, b1 == 0x80, b == 0x82 { return true }                             // 。
        if b2 == 0xEF, b1 == 0xBC, b == 0x81 || b == 0x9F { return true }                // ！ ？
        return false
    }

    static func looksSymbolic(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        if buffer[range.lowerBound] >= 0x30 && buffer[range.lowerBound] <= 0x39 { return true }
        for i in range {
            switch buffer[i] {
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"),
                 UInt8(ascii: "$"), UInt8(ascii: "\\"):
                return true
            default:
                continue
            }
        }
        return false
    }

    /// For each line, how many non-blank lines hash alike under `feed` (0 for a blank line).
    /// Each line is hashed once; the result array holds a number for each distinct hash
    /// until the counts are known, so no table of hashes is kept.
    static func countRepeats(_ buffer: UnsafeBufferPointer<UInt8>, _ lines: [Line],
                             _ feed: (inout Hasher, UnsafeBufferPointer<UInt8>) -> Void) -> [Int32] {
        var numbers: [Int: Int32] = [:]
        var counts: [Int32] = []
        var repeats = [Int32](repeating: 0, count: lines.count)
        for (i, line) in lines.enumerated() where !line.isBlank {
            var hasher = Hasher()
            feed(&hasher, UnsafeBufferPointer(rebasing: buffer[line.subject]))
            let hash = hasher.finalize()
            let number = numbers[hash] ?? {
                numbers[hash] = Int32(counts.count)
                counts.append(0)
                return Int32(counts.count - 1)
            }()
            counts[Int(number)] += 1
            repeats[i] = number
        }
        for (i, line) in lines.enumerated() where !line.isBlank { repeats[i] = counts[Int(repeats[i])] }
        return repeats
    }

    /// Feeds a line's subject bytes as they are, for `repeated:`.
    static func hashText(into hasher: inout Hasher, _ text: UnsafeBufferPointer<UInt8>) {
        hasher.combine(bytes: UnsafeRawBufferPointer(text))
    }
}
