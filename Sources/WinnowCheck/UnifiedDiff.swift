/// A unified diff (`diff -u` style, 3 lines of context by default) of two
/// texts split into lines, built on the standard library's
/// `CollectionDifference`, with an optional note beside each changed line.
///
///     let diff = UnifiedDiff(old: ["a", "b", "c"], new: ["a", "c", "d"])
///     print(diff.render(oldName: "expected", newName: "actual",
///                       noteRemoved: { _ in "dropped by ads/ad-label" }))
///     // --- expected
///     // +++ actual
///     // @@ -1,3 +1,3 @@
///     //  a
///     // -b  ← dropped by ads/ad-label
///     //  c
///     // +d
public struct UnifiedDiff: Sendable {
    /// One line of the edit script.
    public enum Edit: Sendable, Hashable {
        /// The line is in both: its index in `old` and in `new`.
        case same(old: Int, new: Int)
        /// In `old` only (expected but missing).
        case removed(old: Int)
        /// In `new` only (there but not expected).
        case inserted(new: Int)
    }

    public let old: [String]
    public let new: [String]
    public let edits: [Edit]

    public init(old: [String], new: [String]) {
        self.old = old
        self.new = new
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                edits.append(.removed(old: i)); i += 1
            } else if j < new.count, inserted.contains(j) {
                edits.append(.inserted(new: j)); j += 1
            } else {
                edits.append(.same(old: i, new: j)); i += 1; j += 1
            }
        }
        self.edits = edits
    }

    public var isEmpty: Bool {
        !edits.contains { if case .same = $0 { false } else { true } }
    }

    /// The diff as text, or "" when the texts are equal.
    ///
    /// - Parameters:
    ///   - noteRemoved: a note for the `-` line at this index of `old`.
    ///   - noteInserted: a note for the `+` line at this index of `new`.
    public func render(oldName: String, newName: String, context: Int = 3,
                       noteRemoved: (Int) -> String? = { _ in nil },
                       noteInserted: (Int) -> String? = { _ in nil }) -> String {
        let changed = edits.indices.filter { if case .same = edits[$0] { false } else { true } }
        guard let firstChange = changed.first else { return "" }
        var text = "--- \(oldName)\n+++ \(newName)\n"
        var hunkStart = max(0, firstChange - context)
        var hunkEnd = firstChange
        for index in changed.dropFirst() {
            if index - hunkEnd > 2 * context + 1 {
                text += hunk(hunkStart..<min(edits.count, hunkEnd + context + 1), noteRemoved, noteInserted)
                hunkStart = index - context
            }
            hunkEnd = index
        }
        text += hunk(hunkStart..<min(edits.count, hunkEnd + context + 1), noteRemoved, noteInserted)
        return text
    }

    private func hunk(_ range: Range<Int>, _ noteRemoved: (Int) -> String?, _ noteInserted: (Int) -> String?) -> String {
        // Lines of old and new before the hunk, for its header.
        var oldBefore = 0, newBefore = 0
        for edit in edits[..<range.lowerBound] {
            switch edit {
            case .same: oldBefore += 1; newBefore += 1
            case .removed: oldBefore += 1
            case .inserted: newBefore += 1
            }
        }
        var oldCount = 0, newCount = 0
        var body = ""
        for edit in edits[range] {
            switch edit {
            case .same(let i, _):
                oldCount += 1; newCount += 1
                body += " \(old[i])\n"
            case .removed(let i):
                oldCount += 1
                body += "-\(old[i])\(Self.note(noteRemoved(i)))\n"
            case .inserted(let j):
                newCount += 1
                body += "+\(new[j])\(Self.note(noteInserted(j)))\n"
            }
        }
        // As diff -u: a side with no lines is numbered by the line before the hunk.
        let oldStart = oldCount == 0 ? oldBefore : oldBefore + 1
        let newStart = newCount == 0 ? newBefore : newBefore + 1
        return "@@ -\(Self.span(oldStart, oldCount)) +\(Self.span(newStart, newCount)) @@\n" + body
    }

    private static func span(_ start: Int, _ count: Int) -> String { count == 1 ? "\(start)" : "\(start),\(count)" }

    private static func note(_ note: String?) -> String {
        guard let note, !note.isEmpty else { return "" }
        return "  ← \(note)"
    }

    /// Splits text into diff lines. A last line without a newline is
    /// followed by diff's own `\ No newline at end of file`, so that the
    /// difference shows.
    public static func lines(_ bytes: [UInt8]) -> [String] {
        guard !bytes.isEmpty else { return [] }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        if bytes.last == 0x0A {
            lines.removeLast()
        } else {
            lines.append(noNewline)
        }
        return lines
    }

    public static let noNewline = "\\ No newline at end of file"
}
