import PCRE2
import Yams

/// Builds the pattern PCRE2 compiles from a regex value in a rule file, and
/// a `PatternOrigin` that maps every offset of it back into the file.
///
/// A value is a string, or a list of strings that is one alternation: each
/// item becomes `(?:item)` and the items are joined with `|`. In either,
/// `{{name}}` stands for the file's `words:` list `name` as `(?:w1|w2|…)`.
///
///     let assembler = PatternAssembler(locator: locator)
///     assembler.readWords(top["words"]!)   // words: {networks: [facebook, 'x(?:\s*+\(twitter\))?']}
///     if let (pattern, origin) = assembler.compile(node, options: .unicode, key: "regex", rule: id) {
///         // pattern.pattern == "^share on (?:facebook|x(?:\s*+\(twitter\))?)$" for '^share on {{networks}}$'
///     }
///     diagnostics += assembler.takeDiagnostics()
///     diagnostics += assembler.unusedWordWarnings()   // after the whole file
final class PatternAssembler {
    /// One `words:` list: its items, each with where it is written.
    private struct WordList {
        var items: [(text: String, position: ScalarLocator.ScalarPosition)]
        var location: SourceLocation
    }

    /// The pattern text built so far and where each piece of it came from.
    private struct Assembly {
        var pattern = ""
        var origin: PatternOrigin

        mutating func glue(_ text: String) { pattern += text }

        mutating func piece(_ text: String, scalarOffset: Int, _ position: ScalarLocator.ScalarPosition) {
            origin.append(.init(start: pattern.utf8.count, text: text, scalarOffset: scalarOffset, scalar: position))
            pattern += text
        }
    }

    static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789-".unicodeScalars)

    private let locator: ScalarLocator
    private var words: [String: WordList] = [:]
    private var wordOrder: [String] = []
    private var usedWords = Set<String>()
    private var diagnostics: [Diagnostic] = []

    init(locator: ScalarLocator) {
        self.locator = locator
    }

    /// The problems found since the last call.
    func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    // MARK: - Word lists

    /// Reads a file's `words:` mapping (name → list of regex fragments).
    func readWords(_ node: Node) {
        guard case .mapping(let map) = node else {
            fail(at: node, "'words' must be a mapping of names to lists of regex fragments", code: "type")
            return
        }
        for (keyNode, value) in map {
            guard let name = keyNode.string else { continue }
            if name.isEmpty || name.unicodeScalars.contains(where: { !Self.nameCharacters.contains($0) }) {
                fail(at: keyNode, "word-list name '\(name)' may only use lowercase letters, digits and '-'",
                     code: "value")
                continue
            }
            guard case .sequence(let items) = value, !items.isEmpty else {
                fail(at: value, "word list '\(name)' must be a list of at least one regex fragment", code: "type")
                continue
            }
            var list = WordList(items: [], location: locator.location(of: keyNode.mark))
            for item in items {
                guard let scalar = item.scalar else {
                    fail(at: item, "items of word list '\(name)' must be strings", code: "type")
                    continue
                }
                let characters = Array(scalar.string.unicodeScalars)
                if let brace = Self.firstReference(in: characters) {
                    fail(at: locator.location(in: scalar, offset: brace),
                         "a word-list item may not use another list ('{{…}}')", code: "nested-words")
                    continue
                }
                list.items.append((scalar.string, ScalarLocator.ScalarPosition(scalar)))
            }
            words[name] = list
            wordOrder.append(name)
        }
    }

    /// A warning for each word list no regex of the file used.
    func unusedWordWarnings() -> [Diagnostic] {
        wordOrder.filter { !usedWords.contains($0) }.compactMap { name in
            words[name].map {
                Diagnostic(.warning, at: $0.location, "word list '\(name)' is not used by any regex", code: "unused-words")
            }
        }
    }

    // MARK: - Patterns

    /// Assembles and compiles a regex value: a string or a list of strings.
    /// Problems go to `takeDiagnostics()`; the result is nil when there were any.
    func compile(_ node: Node, options: CompileOptions, key: String,
                 rule: String?) -> (pattern: Pattern, origin: PatternOrigin)? {
        guard let (text, origin) = assemble(node, key: key, rule: rule) else { return nil }
        do {
            return (try Pattern(text, options: options), origin)
        } catch {
            let byteOffset = min(error.offset ?? 0, text.utf8.count)
            // The message counts characters, as the file position does.
            let characterOffset = String(decoding: text.utf8.prefix(byteOffset), as: UTF8.self).unicodeScalars.count
            fail(at: origin.location(ofOffset: byteOffset),
                 "regex: \(error.message) (at offset \(characterOffset) in the pattern)",
                 rule: rule, code: "regex")
            return nil
        }
    }

    /// The pattern text of a regex value and its origin, without compiling it.
    func assemble(_ node: Node, key: String, rule: String?) -> (String, PatternOrigin)? {
        var assembly = Assembly(origin: PatternOrigin(locator: locator, fallback: locator.location(of: node.mark)))
        switch node {
        case .scalar(let scalar):
            guard expand(scalar, into: &assembly, rule: rule) else { return nil }
        case .sequence(let items):
            guard !items.isEmpty else {
                fail(at: node, "a '\(key)' list must have at least one item", rule: rule, code: "value")
                return nil
            }
            var valid = true
            for (index, item) in items.enumerated() {
                guard let scalar = item.scalar else {
                    fail(at: item, "items of a '\(key)' list must be regex strings", rule: rule, code: "type")
                    valid = false
                    continue
                }
                // The group keeps an item's inline options such as (?i) to that item.
                assembly.glue(index == 0 ? "(?:" : "|(?:")
                valid = expand(scalar, into: &assembly, rule: rule) && valid
                assembly.glue(")")
            }
            guard valid else { return nil }
        case .mapping, .alias:
            fail(at: node, "'\(key)' must be a regex string or a list of regex strings", rule: rule, code: "type")
            return nil
        }
        return (assembly.pattern, assembly.origin)
    }

    /// Copies `scalar` into the assembly, replacing each `{{name}}` with its word list.
    private func expand(_ scalar: Node.Scalar, into assembly: inout Assembly, rule: String?) -> Bool {
        let characters = Array(scalar.string.unicodeScalars)
        let position = ScalarLocator.ScalarPosition(scalar)
        var valid = true
        var literalStart = 0
        var index = 0

        func copyLiteral(upTo end: Int) {
            guard end > literalStart else { return }
            let text = String(String.UnicodeScalarView(characters[literalStart..<end]))
            assembly.piece(text, scalarOffset: literalStart, position)
        }

        while let brace = Self.firstReference(in: characters, from: index) {
            var end = brace + 2
            while end < characters.count, Self.nameCharacters.contains(characters[end]) { end += 1 }
            let name = String(String.UnicodeScalarView(characters[(brace + 2)..<end]))
            let closed = end + 1 < characters.count && characters[end] == "}" && characters[end + 1] == "}"
            guard !name.isEmpty, closed else {
                fail(at: locator.location(in: scalar, offset: brace),
                     "'{{' starts a word-list reference: write {{name}} (lowercase letters, digits, '-'),"
                         + " or '\\{' for a literal brace", rule: rule, code: "words")
                valid = false
                index = brace + 2
                continue
            }
            guard let list = words[name] else {
                let hint = RuleFileParser.closest(to: name, in: Set(wordOrder))
                fail(at: locator.location(in: scalar, offset: brace),
                     "unknown word list '\(name)'" + (hint.map { "; did you mean '\($0)'?" } ?? ""),
                     rule: rule, code: "unknown-words")
                valid = false
                index = end + 2
                continue
            }
            usedWords.insert(name)
            copyLiteral(upTo: brace)
            assembly.glue("(?:")
            for (number, item) in list.items.enumerated() {
                if number > 0 { assembly.glue("|") }
                assembly.piece(item.text, scalarOffset: 0, item.position)
            }
            assembly.glue(")")
            index = end + 2
            literalStart = index
        }
        copyLiteral(upTo: characters.count)
        return valid
    }

    private static func firstReference(in characters: [Unicode.Scalar], from start: Int = 0) -> Int? {
        var index = start
        while index + 1 < characters.count {
            if characters[index] == "{", characters[index + 1] == "{" { return index }
            index += 1
        }
        return nil
    }

    // MARK: - Reporting

    private func fail(at node: Node, _ message: String, rule: String? = nil, code: String) {
        fail(at: locator.location(of: node.mark), message, rule: rule, code: code)
    }

    private func fail(at location: SourceLocation, _ message: String, rule: String? = nil, code: String) {
        diagnostics.append(.error(at: location, message, rule: rule, code: code))
    }
}
