/// `prose-words-above: N`: at least N words of kept prose come before the
/// line. Where `prose-above` asks for a share of the page, this asks for an
/// article at all: a long comment thread outweighs a short article, but the
/// article is still above its first comment.
struct ProseWordsAbove: LineCondition {
    let words: Int

    var reads: ConditionInputs { .regions }
    var written: String { "prose-words-above: \(words)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool { context.proseWordsBefore(line) >= words }

    static let definition = ConditionDefinition(key: "prose-words-above", value: "a whole number, 1 or more") {
        node, parser in
        parser.positiveInt(node, key: "prose-words-above").map { ProseWordsAbove(words: $0) }
    }
}
