import PCRE2

/// Finds in one pass over a line which of many byte strings occur in it,
/// comparing `ASCIIFolding`-folded bytes: an Aho–Corasick automaton turned
/// into a table, with one row per state and one column per byte class.
///
///     let matcher = LiteralMatcher([(Array("sponsored".utf8), slot: 0), (Array("ad".utf8), slot: 1)])
///     var found = [UInt64](repeating: 0, count: matcher.wordCount)
///     let line = Array("SPONSORED".utf8)
///     line.withUnsafeBufferPointer { bytes in
///         found.withUnsafeMutableBufferPointer { matcher.scan(bytes, marking: $0.baseAddress!) }
///     }
///     // found[0] == 0b01
///
/// It is immutable and may be shared between threads.
final class LiteralMatcher: @unchecked Sendable {
    /// Words of 64 slots a mark buffer needs.
    let wordCount: Int
    /// The automaton's states.
    let stateCount: Int
    /// Byte classes: bytes in no literal share class 0; `A` and `a` share one.
    let classCount: Int

    /// byte → class.
    private let classes: UnsafeMutablePointer<UInt8>
    /// (state row, class) → next state row, a row being `state * classCount`.
    private let transitions: UnsafeMutablePointer<UInt32>
    /// States are numbered so that those where a literal ends come last:
    /// one comparison per byte tells whether there is anything to mark.
    private let firstMarkingRow: UInt32
    /// For marking state `s`, its slots are `slots[slotStarts[k]..<slotStarts[k + 1]]`, `k = s - firstMarking`.
    private let slotStarts: [Int]
    private let slots: [Int]

    /// - Parameter literals: folded byte strings, none empty, each with the slot it marks (several may share one).
    init(_ literals: [(bytes: [UInt8], slot: Int)]) {
        wordCount = ((literals.map(\.slot).max() ?? -1) + 64) / 64

        var classOfByte = [Int](repeating: 0, count: 256)
        var classTotal = 1
        for byte in Set(literals.flatMap(\.bytes)).sorted() {
            classOfByte[Int(byte)] = classTotal
            classTotal += 1
        }
        for byte in 0..<256 { classOfByte[byte] = classOfByte[Int(ASCIIFolding.fold(UInt8(byte)))] }
        classCount = classTotal

        // The trie, kept sparse: a state's children as (class, state) pairs.
        var children: [[(column: Int, state: Int)]] = [[]]
        var ends: [[Int]] = [[]]
        for (bytes, slot) in literals {
            var state = 0
            for byte in bytes {
                let column = classOfByte[Int(byte)]
                if let child = children[state].first(where: { $0.column == column }) {
                    state = child.state
                } else {
                    children[state].append((column, children.count))
                    state = children.count
                    children.append([])
                    ends.append([])
                }
            }
            ends[state].append(slot)
        }
        let total = children.count

        // Failure links in breadth-first order, on the sparse trie; a state
        // marks what it ends and what its failure state marks.
        var failure = [Int](repeating: 0, count: total)
        var order = children[0].map(\.state)
        order.reserveCapacity(total)
        var head = 0
        while head < order.count {
            let state = order[head]
            head += 1
            if !ends[failure[state]].isEmpty { ends[state] += ends[failure[state]] }
            for (column, child) in children[state] {
                var fallback = failure[state]
                while true {
                    if let hit = children[fallback].first(where: { $0.column == column }) {
                        failure[child] = hit.state
                        break
                    }
                    if fallback == 0 { break }
                    fallback = failure[fallback]
                }
                order.append(child)
            }
        }
        stateCount = total

        // Number states that mark nothing first (the root stays 0), marking states after,
        // so that one table, allocated once, is the only large allocation.
        var renamed = [Int](repeating: 0, count: total)
        var markingStates: [Int] = []
        var number = 1
        for state in 1..<total {
            if ends[state].isEmpty { renamed[state] = number; number += 1 } else { markingStates.append(state) }
        }
        let firstMarking = number
        var starts = [0]
        var flat: [Int] = []
        for state in markingStates {
            renamed[state] = number
            number += 1
            flat += Set(ends[state]).sorted()
            starts.append(flat.count)
        }
        firstMarkingRow = UInt32(firstMarking * classTotal)
        slotStarts = starts
        slots = flat

        classes = .allocate(capacity: 256)
        for byte in 0..<256 { classes[byte] = UInt8(classOfByte[byte]) }
        // Rows in breadth-first order: a missing transition copies the failure
        // state's row, which is shallower and so already complete.
        let transitions = UnsafeMutablePointer<UInt32>.allocate(capacity: total * classTotal)
        for state in [0] + order {
            let row = renamed[state] * classTotal
            if state == 0 {
                for column in 0..<classTotal { transitions[column] = 0 }
            } else {
                let fallbackRow = renamed[failure[state]] * classTotal
                for column in 0..<classTotal { transitions[row + column] = transitions[fallbackRow + column] }
            }
            for (column, child) in children[state] { transitions[row + column] = UInt32(renamed[child] * classTotal) }
        }
        self.transitions = transitions
    }

    deinit {
        classes.deallocate()
        transitions.deallocate()
    }

    /// Sets, in `marks` (`wordCount` words), the bit of every slot whose literal occurs in `bytes`.
    @inline(__always)
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, marking marks: UnsafeMutablePointer<UInt64>) {
        guard let base = bytes.baseAddress else { return }
        var row: UInt32 = 0
        for offset in 0..<bytes.count {
            row = transitions[Int(row) &+ Int(classes[Int(base[offset])])]
            if row >= firstMarkingRow { mark(row: row, into: marks) }
        }
    }

    private func mark(row: UInt32, into marks: UnsafeMutablePointer<UInt64>) {
        let state = Int(row - firstMarkingRow) / classCount
        for index in slotStarts[state]..<slotStarts[state + 1] {
            let slot = slots[index]
            marks[slot >> 6] |= 1 << UInt64(slot & 63)
        }
    }
}
