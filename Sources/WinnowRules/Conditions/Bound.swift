/// `min-chars`, `max-chars`, `min-words`, `max-words`, `min-block-lines`,
/// `max-block-lines`: a bound on one of the line's measures.
///
///     when: { max-words: 4 }         # short
///     when: { min-block-lines: 3 }   # in a block of 3 lines or more
struct Bound: LineCondition {
    enum Measure: String, Sendable, CaseIterable {
        case chars, words
        case blockLines = "block-lines"
    }

    let measure: Measure
    let isMinimum: Bool
    let limit: Int

    var reads: ConditionInputs { .features }
    var written: String { "\(isMinimum ? "min" : "max")-\(measure.rawValue): \(limit)" }

    func holds(_ line: Int, in context: some LineContext) -> Bool {
        let value = switch measure {
        case .chars: context.chars(line)
        case .words: context.words(line)
        case .blockLines: context.blockSize(line)
        }
        return isMinimum ? value >= limit : value <= limit
    }

    static let definitions: [ConditionDefinition] = Measure.allCases.flatMap { measure in
        [true, false].map { isMinimum in
            let key = "\(isMinimum ? "min" : "max")-\(measure.rawValue)"
            // Chars and words may be 0 (`max-words: 0`); a block has at least one line.
            let zeroAllowed = measure != .blockLines
            return ConditionDefinition(key: key, value: zeroAllowed ? "a whole number, 0 or more" : "a whole number, 1 or more") {
                node, parser in
                let limit = zeroAllowed ? parser.nonNegativeInt(node, key: key) : parser.positiveInt(node, key: key)
                return limit.map { Bound(measure: measure, isMinimum: isMinimum, limit: $0) }
            }
        }
    }
}
