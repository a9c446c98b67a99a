import Yams

/// Maps a position inside a parsed YAML scalar back to its line and column
/// in the file, so that an error at offset 7 of a regex points at the very
/// character in the rule file, quotes and escapes taken into account.
struct ScalarLocator: Sendable {
    /// The file's text (shared with its `RuleSource`, not copied) and where each line starts in its UTF-8;
    /// a line is decoded only when a position on it is asked for. One per file, shared by every pattern's origin.
    private final class Lines: Sendable {
        let text: String
        let starts: [Int]

        init(_ text: String) {
            self.text = text
            var starts = [0]
            var offset = 0
            for byte in text.utf8 {
                offset += 1
                if byte == 0x0A { starts.append(offset) }
            }
            self.starts = starts
        }
    }

    private let lines: Lines
    let file: String

    init(text: String, file: String) {
        self.file = file
        lines = Lines(text)
    }

    private var lineCount: Int { lines.starts.count }

    /// Line `index` (from 0) as Unicode scalars, without its line break.
    private func row(_ index: Int) -> [Unicode.Scalar] {
        let utf8 = lines.text.utf8, starts = lines.starts
        let start = utf8.index(utf8.startIndex, offsetBy: starts[index])
        var end = index + 1 < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[index + 1] - 1)
                                           : utf8.endIndex
        if end < start { end = start }
        return Array(String(decoding: utf8[start..<end], as: UTF8.self).unicodeScalars)
    }

    func location(of mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Where a scalar starts and how it is written: what `location(in:offset:)`
    /// needs, kept without the scalar so that a `PatternOrigin` can store it.
    struct ScalarPosition: Sendable, Hashable {
        enum Style: Sendable, Hashable { case plain, singleQuoted, doubleQuoted, block }
        var line: Int
        var column: Int
        var style: Style

        init(_ scalar: Node.Scalar) {
            line = scalar.mark?.line ?? 1
            column = scalar.mark?.column ?? 1
            switch scalar.style {
            case .literal, .folded: style = .block
            case .singleQuoted: style = .singleQuoted
            case .doubleQuoted: style = .doubleQuoted
            default: style = .plain
            }
        }
    }

    /// The file position of the `offset`-th Unicode scalar of `scalar`'s value.
    func location(in scalar: Node.Scalar, offset: Int) -> SourceLocation {
        location(in: ScalarPosition(scalar), offset: offset)
    }

    func location(in position: ScalarPosition, offset: Int) -> SourceLocation {
        guard position.line >= 1, position.line <= lineCount else {
            return SourceLocation(file: file, line: position.line, column: position.column)
        }
        switch position.style {
        case .block:
            return blockLocation(markLine: position.line, offset: offset)
                ?? SourceLocation(file: file, line: position.line, column: position.column)
        case .singleQuoted, .doubleQuoted:
            return quotedLocation(line: position.line, column: position.column, offset: offset,
                                  double: position.style == .doubleQuoted)
        case .plain:
            return SourceLocation(file: file, line: position.line, column: position.column + offset)
        }
    }

    private func quotedLocation(line: Int, column: Int, offset: Int, double: Bool) -> SourceLocation {
        let row = self.row(line - 1)
        var index = column  // 0-based index just past the opening quote
        var remaining = offset
        while remaining > 0, index < row.count {
            let scalar = row[index]
            if double, scalar == "\\", index + 1 < row.count {
                switch row[index + 1] {
                case "x": index += 4
                case "u": index += 6
                case "U": index += 10
                default: index += 2
                }
            } else if !double, scalar == "'", index + 1 < row.count, row[index + 1] == "'" {
                index += 2
            } else {
                index += 1
            }
            remaining -= 1
        }
        return SourceLocation(file: file, line: line, column: index + 1)
    }

    /// Block scalars (`|`, `>`) start on the line after their indicator.
    private func blockLocation(markLine: Int, offset: Int) -> SourceLocation? {
        var lineIndex = markLine  // 0-based index of the first content line
        while lineIndex < lineCount, row(lineIndex).allSatisfy({ $0 == " " }) { lineIndex += 1 }
        guard lineIndex < lineCount else { return nil }
        let indent = row(lineIndex).prefix { $0 == " " }.count
        var remaining = offset
        while lineIndex < lineCount {
            let content = max(0, row(lineIndex).count - indent)
            if remaining <= content {
                return SourceLocation(file: file, line: lineIndex + 1, column: indent + remaining + 1)
            }
            remaining -= content + 1  // the line break is one character of the value
            lineIndex += 1
        }
        return nil
    }
}
