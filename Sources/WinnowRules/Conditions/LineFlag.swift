/// `sentence`, `bullet`, `prose`, `continuation`: a yes-or-no feature of the line.
///
///     when: { sentence: false, bullet: true }   # a list item that is no sentence
struct LineFlag: LineCondition {
    enum Flag: String, Sendable, CaseIterable {
        /// Ends like a sentence: `.`, `!`, `?` or `…`, maybe followed by closing quotes or brackets.
        case sentence
        /// Starts with a list bullet (`*`, `+`, `-`, `•`…).
        case bullet
        /// Is prose: a sentence of at least `prose-min-words` words.
        case prose
        /// Continues a hard-wrapped paragraph: a line of it other than its first (see `WrappedParagraphs`).
        case continuation
    }

    let flag: Flag
    let expected: Bool

    var reads: ConditionInputs { .features }
    var written: String { "\(flag.rawValue): \(expected)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool {
        let value = switch flag {
        case .sentence: context.endsLikeSentence(line)
        case .bullet: context.hasBullet(line)
        case .prose: context.isProse(line)
        case .continuation: context.continuesParagraph(line)
        }
        return value == expected
    }

    static let definitions: [ConditionDefinition] = Flag.allCases.map { flag in
        ConditionDefinition(key: flag.rawValue, value: "true or false") { node, parser in
            parser.bool(node, key: flag.rawValue).map { LineFlag(flag: flag, expected: $0) }
        }
    }
}
