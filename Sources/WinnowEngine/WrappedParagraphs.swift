/// The paragraphs of hard-wrapped text (`lynx -dump`, html2text and most
/// converters wrap at a fixed width): runs of physical lines that are one
/// logical line, so that features and conditions judge the paragraph, not
/// its fragments.
///
/// A line continues into the next when the next line's first word would not
/// have fitted after it within the wrap width: that is why the converter
/// broke the line there. The next line must follow directly, carry no list
/// bullet and be indented at least as far. The wrap width is the cliff
/// where line ends stop (see `wrapWidth(_:)`). Text counts as wrapped only
/// when enough lines continue, and enough of those in lower case; text with
/// one paragraph a line has no units.
///
///     let units = WrappedParagraphs(document: document)
///     units.first[7]   // the first physical line of line 7's paragraph (7 when it starts one)
struct WrappedParagraphs: Sendable {
    /// For each line, the first line of its paragraph; empty when the text is not wrapped.
    private(set) var first: [Int32] = []
    /// The width the text wraps at, in characters, or 0.
    private(set) var width = 0

    var isWrapped: Bool { !first.isEmpty }

    /// Whether line `line` continues a paragraph that starts on an earlier line.
    @inline(__always) func continues(_ line: Int) -> Bool {
        isWrapped && first[line] >= 0 && Int(first[line]) != line
    }

    /// Whether line `line` starts a paragraph of more than one line.
    @inline(__always) func startsLongParagraph(_ line: Int) -> Bool {
        isWrapped && Int(first[line]) == line && line + 1 < first.count && Int(first[line + 1]) == line
    }

    /// The physical lines of line `line`'s paragraph (just `line` when the text is not wrapped).
    func paragraph(of line: Int) -> Range<Int> {
        guard isWrapped, first[line] >= 0 else { return line..<(line + 1) }
        let start = Int(first[line])
        var end = line + 1
        while end < first.count, first[end] == Int32(start) { end += 1 }
        return start..<end
    }

    /// Fewest continuing lines for text to count as wrapped, and their least share of the non-blank lines.
    static let minimumContinuations = 3
    static let minimumShare = 0.1
    static let minimumLowercaseShare = 0.25
    /// Lines before a lower-case line that are enough to find the wrap width from them alone.
    static let minimumBreaks = 5
    /// Text that no line passes the wrap width in (at most this share of its
    /// lines; a line with a URL may) is bounded by it, as a converter's output is: then fewer
    /// continuing lines make it wrapped, so that a short article under a big
    /// menu still counts, as long as most of them start in lower case.
    static let boundedOverflowShare = 0.02
    static let boundedMinimumContinuations = 10
    static let boundedMinimumLowercaseShare = 0.5

    /// Whether the text at `index` starts with a lower-case letter (ASCII, or Latin-1 and Latin Extended-A).
    static func startsLowercase(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard index < end else { return false }
        let byte = buffer[index]
        if byte >= 0x61 && byte <= 0x7A { return true }
        // U+00DF–U+00FF (C3 9F–C3 BF) and the lower-case half of most pairs in U+0100–U+017F.
        guard index + 1 < end else { return false }
        let next = buffer[index + 1]
        if byte == 0xC3 { return next >= 0x9F }
        if byte == 0xC4 || byte == 0xC5 { return next & 1 == 1 }
        return false
    }

    /// What the wrap test reads of a non-blank line, measured when needed rather than kept for every line.
    private struct Shape {
        var width: Int32, indent: Int32, firstWord: Int32, startsLowercase: Bool

        init(_ line: Line, in buffer: UnsafeBufferPointer<UInt8>) {
            width = LineFeatures.countScalars(buffer, line.content)
            indent = LineFeatures.countScalars(buffer, line.start..<line.subjectStart)
            var end = line.subjectStart
            while end < line.subjectEnd, TextBytes.whitespaceLength(buffer, at: end, end: line.subjectEnd) == 0 { end += 1 }
            firstWord = LineFeatures.countScalars(buffer, line.subjectStart..<end)
            startsLowercase = WrappedParagraphs.startsLowercase(buffer, at: line.subjectStart, end: line.subjectEnd)
        }
    }

    /// The most words a label under a paragraph has ("Share this article").
    static let maximumLabelWords: Int32 = 4

    /// Whether the bytes hold a URL (`://`) or a Markdown link (`](`), which no converter breaks.
    static func holdsLink(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index + 1 < range.upperBound {
            switch (buffer[index], buffer[index + 1]) {
            case (UInt8(ascii: "]"), UInt8(ascii: "(")): return true
            case (UInt8(ascii: ":"), UInt8(ascii: "/")):
                if index + 2 < range.upperBound, buffer[index + 2] == UInt8(ascii: "/") { return true }
            default: break
            }
            index += 1
        }
        return false
    }

    /// Columns a line may pass the wrap width by and still wrap: the cliff is found from a
    /// sample of lines, and the converter's own width may be a column past the longest of them.
    static let wrapSlack = 1

    /// The widest wrap width looked for, in columns.
    static let widestCounted = 1_000

    /// Columns below the wrap width where a wrapped line may end: about the longest common word.
    static let endWindow = 8

    /// The width lines pile up against: the right edge of the `endWindow`
    /// columns where the most lines end, less those that end in the
    /// `endWindow` columns just past it, counted from 40 columns up. A
    /// converter breaks each line where the next word would pass the width,
    /// so wrapped lines end just short of it and few lines pass it; short
    /// last lines fall below and unbreakable URLs above, and neither makes
    /// such a cliff.
    static func wrapWidth(_ widths: [Int32]) -> Int {
        let widest = min(Int(widths.max() ?? 0), widestCounted)
        guard widest >= 40 else { return 0 }
        var ends = [Int](repeating: 0, count: widest + endWindow + 1)
        for width in widths where width <= widest { ends[Int(width)] += 1 }
        // prefix[k]: lines ending before column k.
        var prefix = [Int](repeating: 0, count: ends.count + 1)
        for k in ends.indices { prefix[k + 1] = prefix[k] + ends[k] }
        var best = 0, bestScore = 0
        for edge in 40...widest {
            let inWindow = prefix[edge + 1] - prefix[edge + 1 - endWindow]
            let past = prefix[edge + 1 + endWindow] - prefix[edge + 1]
            if inWindow - past > bestScore {
                best = edge
                bestScore = inWindow - past
            }
        }
        return best
    }

    /// No paragraphs: text with one a line.
    init() {}

    init(document: Document) {
        let lines = document.lines
        let n = lines.count
        guard n >= 2 else { return }
        // The widths of all lines, and of those a lower-case line follows: a break inside a
        // sentence, the surest sign of wrapping, where menus of even width are not.
        var widths: [Int32] = [], breaking: [Int32] = []
        // The same for lines without a link: a converter cannot break a URL, so a line with one
        // may pass the width; without links the cliff is sharper. Their widths are only counted
        // past the wrap, so a histogram (the last bucket: every wider line) does.
        var plainWidthCounts = [Int](repeating: 0, count: Self.widestCounted + 1), plainBreaking: [Int32] = []
        widths.reserveCapacity(n)
        document.bytes.withUnsafeBufferPointer { buffer in
            for (index, line) in lines.enumerated() where !line.isBlank {
                let width = LineFeatures.countScalars(buffer, line.content)
                widths.append(width)
                let holdsLink = Self.holdsLink(buffer, line.content)
                if !holdsLink { plainWidthCounts[min(Int(width), Self.widestCounted)] += 1 }
                guard index + 1 < n else { continue }
                let next = lines[index + 1]
                // Indented at least as far: lynx breaks a long line of code at its edge, mid-word,
                // and sets the rest at the left margin.
                if !next.isBlank, !next.hasBullet, next.subjectStart - next.start >= line.subjectStart - line.start,
                   Self.startsLowercase(buffer, at: next.subjectStart, end: next.subjectEnd) {
                    breaking.append(width)
                    if !holdsLink { plainBreaking.append(width) }
                }
            }
        }
        let nonBlankCount = widths.count
        guard nonBlankCount >= Self.minimumContinuations + 1 else { return }
        let wrap = Self.wrapWidth(plainBreaking.count >= Self.minimumBreaks ? plainBreaking
                                  : breaking.count >= Self.minimumBreaks ? breaking : widths)
        let overflowing = plainWidthCounts[min(wrap + Self.endWindow + 1, Self.widestCounted)...].reduce(0, +)
        plainBreaking = []
        widths = []
        breaking = []
        // Narrower than this is a list or a menu, not wrapped prose.
        guard wrap >= 40 else { return }

        var continues = [Bool](repeating: false, count: n)
        var count = 0, lowercase = 0
        document.bytes.withUnsafeBufferPointer { buffer in
            var shape: Shape? = lines[0].isBlank ? nil : Shape(lines[0], in: buffer)
            for i in 0..<(n - 1) {
                let nextShape: Shape? = lines[i + 1].isBlank ? nil : Shape(lines[i + 1], in: buffer)
                defer { shape = nextShape }
                guard let current = shape, let following = nextShape else { continue }
                let width = Int(current.width)
                guard width * 2 >= wrap, width <= wrap + Self.wrapSlack, !lines[i + 1].hasBullet,
                      following.indent >= current.indent
                else { continue }
                if width + 1 + Int(following.firstWord) > wrap {
                    continues[i] = true
                    count += 1
                    if following.startsLowercase { lowercase += 1 }
                }
            }
        }
        // A sentence that ends at the wrap, then one short line of another kind ("Share this
        // article", "Email"), is a paragraph and a label the converter set below it, not one paragraph.
        document.bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<(n - 1) where continues[i] && !continues[i + 1] {
                let next = lines[i + 1]
                if LineFeatures.countWords(buffer, next.subject) <= Self.maximumLabelWords,
                   LineFeatures.endsLikeSentence(buffer, lines[i].subject),
                   !LineFeatures.endsLikeSentence(buffer, next.subject),
                   !Self.startsLowercase(buffer, at: next.subjectStart, end: next.subjectEnd) {
                    continues[i] = false
                    count -= 1
                }
            }
        }
        guard count >= Self.minimumContinuations else { return }
        // Wrapped prose breaks inside sentences, so many continuing lines start in lower case;
        // a list of items of even width (names, titles) looks wrapped by width alone and does not.
        let common = Double(count) >= Self.minimumShare * Double(nonBlankCount)
            && Double(lowercase) >= Self.minimumLowercaseShare * Double(count)
        let bounded = Double(overflowing) <= Self.boundedOverflowShare * Double(nonBlankCount)
            && count >= Self.boundedMinimumContinuations
            && Double(lowercase) >= Self.boundedMinimumLowercaseShare * Double(count)
        guard common || bounded else { return }
        width = wrap
        first = .init(repeating: -1, count: n)
        var start: Int32 = -1
        for i in 0..<n {
            if lines[i].isBlank {
                start = -1
                continue
            }
            if start < 0 { start = Int32(i) }
            first[i] = start
            if !continues[i] { start = -1 }
        }
    }
}
