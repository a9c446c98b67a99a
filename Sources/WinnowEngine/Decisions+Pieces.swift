/// A stretch of one line: text that stays, or a fragment a strip rule took out.
public enum LinePiece: Sendable, Hashable {
    case kept(Range<Int>)
    case stripped(Range<Int>, rule: Int)
}

extension Decisions {
    /// The line's bytes within `bounds`, cut into the pieces that stay and
    /// the fragments strip rules took out, in order. Overlapping fragments
    /// come out as one, charged to the first. The one walk over strip ranges
    /// that the printers, the reports and the strip action share.
    ///
    ///     for piece in decisions.pieces(of: 3, within: line.start..<line.end) {
    ///         if case .kept(let range) = piece { out.write(bytes[range]) }
    ///     }
    public func pieces(of line: Int, within bounds: Range<Int>) -> [LinePiece] {
        Decisions.pieces(of: strips[line] ?? [], within: bounds)
    }

    static func pieces(of strips: [Strip], within bounds: Range<Int>) -> [LinePiece] {
        var pieces: [LinePiece] = []
        var position = bounds.lowerBound
        for strip in strips.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let end = min(strip.range.upperBound, bounds.upperBound)
            let start = max(strip.range.lowerBound, position)
            // A fragment wholly outside the bounds (a raw-subject strip in the trailing spaces) has no piece here.
            guard end > start else { continue }
            if start > position { pieces.append(.kept(position..<start)) }
            pieces.append(.stripped(start..<end, rule: strip.rule))
            position = end
        }
        if position < bounds.upperBound { pieces.append(.kept(position..<bounds.upperBound)) }
        return pieces
    }
}
