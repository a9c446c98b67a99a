/// A tolerant reader of PCRE2 syntax that builds a `PatternNode` tree.
///
/// It is not a validator: the pattern has already compiled, so anything it
/// does not understand is read as an opaque zero-width item rather than an
/// error. It follows inline flags (`(?i)`, `(?s)`, `(?x)`) so that each atom
/// can be tested with the flags in force where it stood.
///
///     let tree = PatternParser.parse(#"^(?:\w+\s?)*$"#)
///
/// Where a reading must be exact rather than tolerant (deriving the literals
/// every match contains), `parseIfUnderstood` gives nil for a pattern that
/// uses syntax the reader only skims past.
package struct PatternParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var flags: Flags
    /// False once the reader met syntax it skims rather than reads (a
    /// conditional, a callout, `(*ACCEPT)`, `\N{…}`, a literal `{`).
    private var understood = true
    /// Reading for `parseIfUnderstood`: atoms get no `source` (only the
    /// linter asks PCRE2 about it), and `(?(DEFINE)…)` reads as what it
    /// matches, nothing, instead of as a group the linter should look into.
    private var isExact = false

    struct Flags: Equatable {
        var caseless = false
        var dotAll = false
        var extended = false
    }

    package static func parse(_ pattern: String, caseless: Bool = false, extended: Bool = false) -> PatternNode {
        read(pattern, caseless: caseless, extended: extended).tree
    }

    /// The tree of `pattern`, or nil when it uses syntax this reader does not
    /// follow exactly, so that no conclusion drawn from the tree could be wrong.
    ///
    ///     PatternParser.parseIfUnderstood("ab(?(1)c|d)") // nil: a conditional
    package static func parseIfUnderstood(_ pattern: String, caseless: Bool = false,
                                          extended: Bool = false) -> PatternNode? {
        let (tree, understood) = read(pattern, caseless: caseless, extended: extended, exact: true)
        return understood ? tree : nil
    }

    private static func read(_ pattern: String, caseless: Bool, extended: Bool,
                             exact: Bool = false) -> (tree: PatternNode, understood: Bool) {
        var parser = PatternParser(scalars: Array(pattern.unicodeScalars),
                                   flags: Flags(caseless: caseless, extended: extended))
        parser.isExact = exact
        var node = parser.parseAlternation()
        // A stray ')' cannot occur in a pattern that compiled, but keep going if one does.
        while parser.index < parser.scalars.count {
            parser.index += 1
            parser.understood = false
            node = .sequence([node, parser.parseAlternation()])
        }
        return (node, parser.understood)
    }

    private init(scalars: [Unicode.Scalar], flags: Flags) {
        self.scalars = scalars
        self.flags = flags
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ ahead: Int) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private func text(_ range: Range<Int>) -> String {
        var string = ""
        string.unicodeScalars.append(contentsOf: scalars[range])
        return string
    }

    // MARK: - Structure

    private mutating func parseAlternation() -> PatternNode {
        let saved = flags
        defer { flags = saved }  // inline flags end with their group
        var branches = [parseSequence()]
        while current == "|" {
            index += 1
            branches.append(parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() -> PatternNode {
        var items: [PatternNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            if flags.extended, skipExtendedSpace() { continue }
            let start = index
            guard let item = parseItem() else { continue }
            // A quantifier after `\Q…\E` repeats only its last character.
            switch item {
            case .quoted(let characters):
                items += characters.dropLast()
                if let last = characters.last { items.append(parseQuantifier(last, start: index - 1)) }
            case .node(let node):
                items.append(parseQuantifier(node, start: start))
            }
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    /// In `(?x)` mode, whitespace and `#` comments are not part of the pattern.
    private mutating func skipExtendedSpace() -> Bool {
        guard let scalar = current else { return false }
        if Self.patternWhiteSpace.contains(scalar) {
            index += 1
            return true
        }
        if scalar == "#" {
            while let next = current, next != "\n" { index += 1 }
            return true
        }
        return false
    }

    /// The characters `(?x)` ignores: PCRE2's list, which is not Unicode's White_Space (NBSP is a literal).
    private static let patternWhiteSpace: Set<Unicode.Scalar> = [
        " ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{200E}", "\u{200F}", "\u{2028}", "\u{2029}",
    ]

    private mutating func parseQuantifier(_ item: PatternNode, start: Int) -> PatternNode {
        var node = item
        while true {
            // In `(?x)` mode a quantifier may stand apart from its item.
            while flags.extended, skipExtendedSpace() {}
            guard let scalar = current else { return node }
            var bounds: (Int, Int?)
            switch scalar {
            case "*": bounds = (0, nil); index += 1
            case "+": bounds = (1, nil); index += 1
            case "?": bounds = (0, 1); index += 1
            case "{":
                guard let braced = readBraces() else { return node }
                bounds = braced
            default:
                return node
            }
            var possessive = false
            if current == "+" {
                possessive = true
                index += 1
            } else if current == "?" {
                index += 1  // lazy: backtracks the other way round, just as much
            }
            node = .quantified(node, min: bounds.0, max: bounds.1, possessive: possessive, range: start..<index)
        }
    }

    /// `{n}`, `{n,}`, `{n,m}` or `{,m}`; anything else leaves `{` a literal.
    private mutating func readBraces() -> (Int, Int?)? {
        var cursor = index + 1
        func number() -> Int? {
            var value: Int?
            while cursor < scalars.count, let digit = scalars[cursor].properties.numericValue,
                  scalars[cursor].isASCII {
                value = min((value ?? 0) * 10 + Int(digit), 1_000_000)
                cursor += 1
            }
            return value
        }
        let low = number()
        var high = low
        var comma = false
        if cursor < scalars.count, scalars[cursor] == "," {
            comma = true
            cursor += 1
            high = number()
        }
        guard cursor < scalars.count, scalars[cursor] == "}", low != nil || high != nil else { return nil }
        // PCRE2 before 10.43 reads `{,m}` as literal text.
        if low == nil { understood = false }
        index = cursor + 1
        return (low ?? 0, comma ? high : low)
    }

    // MARK: - Items

    /// What one item reads as: a node, or the characters of `\Q…\E` (a
    /// quantifier after it repeats only the last).
    private enum Item {
        case node(PatternNode)
        case quoted([PatternNode])
    }

    private mutating func parseItem() -> Item? {
        guard let scalar = current else { return nil }
        if scalar == "\\", peek(1) == "Q" {
            index += 2
            var characters: [PatternNode] = []
            while let quoted = current, !(quoted == "\\" && peek(1) == "E") {
                characters.append(atom(index..<(index + 1), literal: Character(quoted)))
                index += 1
            }
            if current != nil { index += 2 }
            // An empty `\Q\E` leaves a following quantifier to the item before it, which this reader does not do.
            if characters.isEmpty { understood = false }
            return characters.isEmpty ? nil : .quoted(characters)
        }
        return parseNode().map(Item.node)
    }

    private mutating func parseNode() -> PatternNode? {
        guard let scalar = current else { return nil }
        let start = index
        switch scalar {
        case "(":
            return parseGroup()
        case "[":
            skipClass()
            return atom(start..<index)
        case "\\":
            return parseEscape()
        case "^", "$":
            index += 1
            return .assertion
        default:
            index += 1
            // A `{` that is no quantifier is literal text in PCRE2, but whether it is one depends on the version.
            if scalar == "{" { understood = false }
            return atom(start..<index, literal: scalar == "." ? nil : Character(scalar))
        }
    }

    private func atom(_ range: Range<Int>, literal: Character? = nil) -> PatternNode {
        if isExact {
            return .atom(PatternAtom(source: "", literal: literal, offset: range.lowerBound, caseless: flags.caseless))
        }
        var prefix = ""
        if flags.caseless { prefix += "i" }
        if flags.dotAll { prefix += "s" }
        let source = (prefix.isEmpty ? "" : "(?\(prefix))") + "(?:" + text(range) + ")"
        return .atom(PatternAtom(source: source, literal: literal, offset: range.lowerBound, caseless: flags.caseless))
    }

    private mutating func parseGroup() -> PatternNode? {
        index += 1  // (
        if current == "*" {
            // (*ACCEPT) ends the match early, so what follows it is not required.
            if peek(1) == "A", peek(2) == "C" { understood = false }
            skipToClosingParenthesis()  // (*VERB) or (*positive_lookahead:…), read as zero-width
            return .assertion
        }
        guard current == "?" else { return finishGroup(atomic: false) }
        index += 1
        switch current {
        case ":", "|":
            index += 1
            return finishGroup(atomic: false)
        case ">":
            index += 1
            return finishGroup(atomic: true)
        case "=", "!":
            index += 1
            _ = parseAlternation()
            if current == ")" { index += 1 }
            return .assertion
        case "#":
            skipToClosingParenthesis()
            return nil
        case "<":
            if peek(1) == "=" || peek(1) == "!" {
                index += 2
                _ = parseAlternation()
                if current == ")" { index += 1 }
                return .assertion
            }
            skip(past: ">")
            return finishGroup(atomic: false)
        case "P":
            if peek(1) == "<" {
                skip(past: ">")
                return finishGroup(atomic: false)
            }
            skipToClosingParenthesis()  // (?P=name) or (?P>name)
            return .backreference
        case "'":
            index += 1
            skip(past: "'")
            return finishGroup(atomic: false)
        case "(" where isExact && Array(scalars[(index + 1)...].prefix(7)) == Array("DEFINE)".unicodeScalars):
            // Groups defined for calls elsewhere; the definition itself matches nothing.
            index += 8
            _ = parseAlternation()
            if current == ")" { index += 1 }
            return .assertion
        case "(":
            index += 1
            understood = false
            skipToClosingParenthesis()  // the condition of (?(cond)yes|no)
            return finishGroup(atomic: false)
        case "C":
            understood = false  // a callout, whose argument may hold any text
            skipToClosingParenthesis()
            return nil
        case "R", "&":
            skipToClosingParenthesis()  // recursion or a subroutine call
            return .backreference
        case "+", "-":
            if let next = peek(1), next.properties.numericType == .decimal {
                skipToClosingParenthesis()  // (?+1), (?-1): relative subroutine calls
                return .backreference
            }
            return parseFlagGroup()
        default:
            if let digit = current, digit.properties.numericType == .decimal {
                skipToClosingParenthesis()
                return .backreference
            }
            return parseFlagGroup()
        }
    }

    /// `(?i)`, `(?-i)`, `(?^)`, or `(?i:…)`.
    private mutating func parseFlagGroup() -> PatternNode? {
        var newFlags = flags
        var on = true
        while let scalar = current, scalar != ")", scalar != ":" {
            switch scalar {
            case "-": on = false
            case "^": newFlags = Flags()
            case "i": newFlags.caseless = on
            case "s": newFlags.dotAll = on
            case "x": newFlags.extended = on
            default: break
            }
            index += 1
        }
        if current == ")" {
            index += 1
            flags = newFlags  // to the end of the enclosing group
            return nil
        }
        index += 1  // ':'
        let saved = flags
        flags = newFlags
        defer { flags = saved }
        return finishGroup(atomic: false)
    }

    private mutating func finishGroup(atomic: Bool) -> PatternNode {
        let inner = parseAlternation()
        if current == ")" { index += 1 }
        return .group(inner, atomic: atomic)
    }

    private mutating func skip(past terminator: Unicode.Scalar) {
        while let scalar = current {
            index += 1
            if scalar == terminator { return }
        }
    }

    private mutating func skipToClosingParenthesis() {
        var depth = 0
        while let scalar = current {
            index += 1
            if scalar == "\\" { index += 1; continue }
            if scalar == "(" { depth += 1 }
            if scalar == ")" {
                if depth == 0 { return }
                depth -= 1
            }
        }
    }

    /// Moves past a character class, `]` first in the class and `[:alpha:]` included.
    private mutating func skipClass() {
        index += 1  // [
        if current == "^" { index += 1 }
        if current == "]" { index += 1 }
        while let scalar = current {
            if scalar == "\\" {
                if peek(1) == "Q" {
                    index += 2
                    while index < scalars.count, !(scalars[index] == "\\" && peek(1) == "E") { index += 1 }
                    index += 2
                    continue
                }
                index += 2
                continue
            }
            if scalar == "[", peek(1) == ":" {
                index += 2
                while let inner = current, !(inner == ":" && peek(1) == "]") { index += 1 }
                index += 2
                continue
            }
            index += 1
            if scalar == "]" { return }
        }
    }

    private mutating func parseEscape() -> PatternNode? {
        let start = index
        index += 1  // backslash
        guard let letter = current else { return .assertion }
        index += 1
        switch letter {
        case "E":
            understood = false  // a stray \E, like an empty \Q\E, may stand between an item and its quantifier
            return nil
        case "b", "B", "A", "z", "Z", "G", "K":
            return .assertion
        case "N" where current == "{":
            understood = false  // \N{U+hh}: one named character
            skip(past: "}")
            return atom(start..<index)
        case "d", "D", "w", "W", "s", "S", "h", "H", "v", "V", "N", "R", "X", "C":
            return atom(start..<index)
        case "p", "P":
            if current == "{" { skip(past: "}") } else { index += 1 }
            return atom(start..<index)
        case "x":
            if current == "{" {
                skip(past: "}")
            } else {
                var digits = 0
                while digits < 2, let scalar = current, scalar.properties.isASCIIHexDigit {
                    index += 1
                    digits += 1
                }
            }
            return atom(start..<index, literal: Self.hexLiteral(text(start..<index)))
        case "o":
            if current == "{" { skip(past: "}") }
            return atom(start..<index)
        case "c":
            index += 1
            return atom(start..<index)
        case "g", "k":
            if let open = current, "{<'".unicodeScalars.contains(open) {
                let close: Unicode.Scalar = open == "{" ? "}" : open == "<" ? ">" : "'"
                index += 1
                skip(past: close)
            } else {
                if current == "-" || current == "+" { index += 1 }
                while let scalar = current, scalar.properties.numericType == .decimal { index += 1 }
            }
            return .backreference
        case "0":
            while index - start < 4, let scalar = current, ("0"..."7").contains(scalar) { index += 1 }
            return atom(start..<index)
        case "1"..."9":
            while let scalar = current, scalar.properties.numericType == .decimal { index += 1 }
            return .backreference
        case "n": return atom(start..<index, literal: "\n")
        case "t": return atom(start..<index, literal: "\t")
        case "r": return atom(start..<index, literal: "\r")
        case "f": return atom(start..<index, literal: "\u{0C}")
        case "e": return atom(start..<index, literal: "\u{1B}")
        case "a": return atom(start..<index, literal: "\u{07}")
        default:
            return atom(start..<index, literal: Character(letter))
        }
    }

    /// The character of `\xhh` or `\x{hhhh}`.
    private static func hexLiteral(_ escape: String) -> Character? {
        let digits = escape.dropFirst(2).filter(\.isHexDigit)
        guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
        return Character(scalar)
    }
}
