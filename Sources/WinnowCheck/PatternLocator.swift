import WinnowRules

/// Finds where a rule's pattern is written in its rule file, so that a lint
/// finding about offset 7 of a regex points at that very character.
///
///     let locator = PatternLocator(source: source)
///     locator.locate(key: "unless", nested: true, pattern: regex.pattern, offset: 7, rule: rule.location)
///     // rules/ads.yml:11:21
///
/// It reads single-line values only (plain, `'…'` or `"…"`) and checks that
/// what it read is the pattern; for anything else it returns nil and the
/// finding points at the rule.
struct PatternLocator {
    private let rows: [[Unicode.Scalar]]
    private let file: String

    init(source: RuleSource) {
        file = source.displayPath
        rows = source.text.split(separator: "\n", omittingEmptySubsequences: false).map {
            Array($0.unicodeScalars)
        }
    }

    /// - Parameters:
    ///   - key: the key the pattern is the value of: `regex`, `unless`, `detect`.
    ///   - nested: the key is inside a mapping of the rule (`when:`, `prev:`)
    ///     rather than one of the rule's own keys.
    ///   - rule: where the rule's mapping starts (the site pack's `site:` for `detect`).
    func locate(key: String, nested: Bool, pattern: String, offset: Int, rule: SourceLocation) -> SourceLocation? {
        let indent = rule.column - 1
        let keyScalars = Array((key + ":").unicodeScalars)
        var row = rule.line - 1
        while row >= 0, row < rows.count {
            let line = rows[row]
            let leading = line.prefix { $0 == " " }.count
            let blank = leading == line.count || line[leading] == "#"
            // The rule ends where a line is indented less than its keys.
            if row > rule.line - 1, !blank, leading < indent { return nil }
            var start = leading
            if row == rule.line - 1 { start = min(indent, line.count) }
            if !blank, nested ? start > indent : start == indent,
               line.count >= start + keyScalars.count, Array(line[start..<(start + keyScalars.count)]) == keyScalars {
                return value(in: line, from: start + keyScalars.count, pattern: pattern, offset: offset, row: row)
            }
            row += 1
        }
        return nil
    }

    private func value(in line: [Unicode.Scalar], from index: Int, pattern: String, offset: Int,
                       row: Int) -> SourceLocation? {
        var start = index
        while start < line.count, line[start] == " " { start += 1 }
        guard start < line.count else { return nil }
        // Decoded scalars of the value, each with the column it came from.
        var decoded: [Unicode.Scalar] = []
        var columns: [Int] = []
        switch line[start] {
        case "'":
            var i = start + 1
            while i < line.count {
                if line[i] == "'" {
                    if i + 1 < line.count, line[i + 1] == "'" {
                        decoded.append("'"); columns.append(i); i += 2; continue
                    }
                    break
                }
                decoded.append(line[i]); columns.append(i); i += 1
            }
        case "\"":
            var i = start + 1
            while i < line.count, line[i] != "\"" {
                if line[i] == "\\", i + 1 < line.count {
                    let escape = line[i + 1]
                    var width = 2
                    var scalar: Unicode.Scalar? = ["n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", "\"": "\"",
                                                   "/": "/", " ": " ", "a": "\u{07}", "e": "\u{1B}"][escape]
                    if let digits = ["x": 2, "u": 4, "U": 8][escape] {
                        width = 2 + digits
                        let hex = String(String.UnicodeScalarView(line[(i + 2)..<min(line.count, i + width)]))
                        scalar = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init)
                    }
                    guard let scalar else { return nil }
                    decoded.append(scalar); columns.append(i); i += width
                    continue
                }
                decoded.append(line[i]); columns.append(i); i += 1
            }
        default:
            var end = line.count
            for i in start..<line.count where line[i] == "#" && i > start && line[i - 1] == " " {
                end = i
                break
            }
            while end > start, line[end - 1] == " " { end -= 1 }
            for i in start..<end {
                decoded.append(line[i]); columns.append(i)
            }
        }
        guard String(String.UnicodeScalarView(decoded)) == pattern else { return nil }
        let column = offset < columns.count ? columns[offset] : (columns.last.map { $0 + 1 } ?? start)
        return SourceLocation(file: file, line: row + 1, column: column + 1)
    }
}
