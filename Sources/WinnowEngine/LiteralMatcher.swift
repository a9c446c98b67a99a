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

        // The trie, then failure links in breadth-first order, completing every transition.
        var next: [Int32] = Array(repeating: -1, count: classTotal)
        next.reserveCapacity((literals.reduce(0) { $0 + $1.bytes.count } + 1) * classTotal)
        var ends: [[Int]] = [[]]
        for (bytes, slot) in literals {
            var state = 0
            for byte in bytes {
                let column = state * classTotal + classOfByte[Int(byte)]
                if next[column] < 0 {
                    next[column] = Int32(ends.count)
                    ends.append([])
                    next.append(contentsOf: repeatElement(-1, count: classTotal))
                }
                state = Int(next[column])
            }
            ends[state].append(slot)
        }
        let total = ends.count
        var failure = [Int](repeating: 0, count: total)
        var queue: [Int] = []
        queue.reserveCapacity(total)
        next.withUnsafeMutableBufferPointer { table in
            for column in 0..<classTotal {
                if table[column] < 0 { table[column] = 0 } else { queue.append(Int(table[column])) }
            }
            var head = 0
            while head < queue.count {
                let state = queue[head]
                head += 1
                if !ends[failure[state]].isEmpty { ends[state] += ends[failure[state]] }
                let row = state * classTotal, fallbackRow = failure[state] * classTotal
                for column in 0..<classTotal {
                    let target = table[row + column]
                    if target < 0 {
                        table[row + column] = table[fallbackRow + column]
                    } else {
                        failure[Int(target)] = Int(table[fallbackRow + column])
                        queue.append(Int(target))
                    }
                }
            }
        }
        stateCount = total

        // Renumber: states that mark nothing first (the root stays 0), marking states after.
        let order = (0..<total).filter { ends[$0].isEmpty } + (0..<total).filter { !ends[$0].isEmpty }
        var renamed = [Int](repeating: 0, count: total)
        for (new, old) in order.enumerated() { renamed[old] = new }
        let firstMarking = order.firstIndex { !ends[$0].isEmpty } ?? total
        firstMarkingRow = UInt32(firstMarking * classTotal)
        var starts = [0]
        var flat: [Int] = []
        for old in order[firstMarking...] {
            flat += Set(ends[old]).sorted()
            starts.append(flat.count)
        }
        slotStarts = starts
        slots = flat

        classes = .allocate(capacity: 256)
        for byte in 0..<256 { classes[byte] = UInt8(classOfByte[byte]) }
        let transitions = UnsafeMutablePointer<UInt32>.allocate(capacity: total * classTotal)
        next.withUnsafeBufferPointer { table in
            for old in 0..<total {
                let from = old * classTotal, to = renamed[old] * classTotal
                for column in 0..<classTotal {
                    transitions[to + column] = UInt32(renamed[Int(table[from + column])] * classTotal)
                }
            }
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
