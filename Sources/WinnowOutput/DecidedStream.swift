import Dispatch
import PCRE2
import WinnowEngine

/// The source's items in input order, each document with the program's
/// decisions: filtered on the calling thread (`jobs: 1`), or by a pool of
/// worker threads, each with its own `Scratch`, reading ahead of the caller.
/// Either way the items come out in the order they were read, so the
/// output of `--jobs N` is byte for byte that of `--jobs 1`.
///
///     let stream = DecidedStream(program: program, source: source, jobs: 2)
///     while let item = stream.next() { … }
///
/// With N jobs at most 4N documents are in memory at once.
final class DecidedStream: @unchecked Sendable {
    // Sendable by discipline: with read-ahead, only the reading thread calls `read()`
    // (the source and `ended` are its alone), and `decide(_:)` touches only the
    // immutable program and the locked scratch pool.
    enum Item {
        case document(Document, DocumentOrigin, Decisions)
        case unreadable(RecordError, raw: [UInt8])
        /// An input could not be opened or read; reading went on with the next.
        case readError(ReadError)
    }

    private let program: RuleProgram
    private let source: DocumentSource
    private let stopsAtUnreadable: Bool
    private let scratches: ScratchPool
    private let ahead: ReadAhead?
    private var ended = false

    /// - Parameter stopsAtUnreadable: nothing is read after a record that cannot be read (`--on-error fail`).
    init(program: RuleProgram, source: DocumentSource, jobs: Int, stopsAtUnreadable: Bool, measuresRules: Bool,
         limits: MatchLimits) {
        self.program = program
        self.source = source
        self.stopsAtUnreadable = stopsAtUnreadable
        scratches = ScratchPool(program: program, count: max(1, jobs), measuresRules: measuresRules, limits: limits)
        ahead = jobs > 1 ? ReadAhead(window: 4 * jobs) : nil
        if let ahead { ahead.start(self) }
    }

    /// The next item in input order, or nil at the end of input.
    func next() -> Item? {
        if let ahead { return ahead.next() }
        guard !ended, let item = read() else { return nil }
        switch item {
        case .document(let document, let origin):
            let scratch = scratches.take()
            defer { scratches.give(scratch) }
            return .document(document, origin, program.apply(to: document, using: scratch))
        case .unreadable(let error, let raw):
            return .unreadable(error, raw: raw)
        case .readError(let error):
            return .readError(error)
        }
    }

    /// Time spent in each rule, summed over every worker's scratch.
    var ruleNanoseconds: [UInt64] { scratches.ruleNanoseconds }

    /// One item from the source, with read errors as items, and the end after an unreadable record if asked.
    fileprivate enum Read { case document(Document, DocumentOrigin), unreadable(RecordError, [UInt8]), readError(ReadError) }

    fileprivate func read() -> Read? {
        guard !ended else { return nil }
        do {
            switch try source.next() {
            case nil:
                ended = true
                return nil
            case .document(let document, let origin)?:
                return .document(document, origin)
            case .unreadable(let error, let raw)?:
                if stopsAtUnreadable { ended = true }
                return .unreadable(error, raw)
            }
        } catch {
            return .readError(error)
        }
    }

    fileprivate func decide(_ document: Document) -> Decisions {
        let scratch = scratches.take()
        defer { scratches.give(scratch) }
        return program.apply(to: document, using: scratch)
    }
}

/// The scratches of the workers: each filtering call takes one and gives it back.
private final class ScratchPool: @unchecked Sendable {
    private var free: [Scratch]
    private let all: [Scratch]
    private let lock = DispatchSemaphore(value: 1)
    private let available: DispatchSemaphore

    init(program: RuleProgram, count: Int, measuresRules: Bool, limits: MatchLimits) {
        all = (0..<count).map { _ in
            let scratch = Scratch(program: program, limits: limits)
            scratch.measuresRules = measuresRules
            return scratch
        }
        free = all
        available = DispatchSemaphore.counting(count)
    }

    func take() -> Scratch {
        available.wait()
        lock.wait()
        defer { lock.signal() }
        return free.removeLast()
    }

    func give(_ scratch: Scratch) {
        lock.wait()
        free.append(scratch)
        lock.signal()
        available.signal()
    }

    var ruleNanoseconds: [UInt64] {
        all.dropFirst().reduce(into: all[0].ruleNanoseconds) { total, scratch in
            for index in total.indices { total[index] &+= scratch.ruleNanoseconds[index] }
        }
    }
}

/// Reads ahead on a thread of its own and filters documents on Dispatch's
/// worker threads; hands the results back in order through a ring of slots.
/// A slot is written once by one thread and read once by the caller; the
/// semaphores order the two, which is why the class is `@unchecked Sendable`.
private final class ReadAhead: @unchecked Sendable {
    private final class Slot: @unchecked Sendable {
        var item: DecidedStream.Item?
        var isEnd = false
        let ready = DispatchSemaphore(value: 0)
    }

    private let slots: [Slot]
    /// Free slots: the reader waits on it, so at most `window` items are in flight.
    private let free: DispatchSemaphore
    private var nextToRead = 0
    private var nextToHand = 0
    private let workers = DispatchQueue(label: "winnow.filter", attributes: .concurrent)

    init(window: Int) {
        slots = (0..<window).map { _ in Slot() }
        free = DispatchSemaphore.counting(window)
    }

    private let reader = DispatchQueue(label: "winnow.read")
    private var finished = false

    func start(_ stream: DecidedStream) {
        reader.async { [self] in
            while true {
                free.wait()
                let slot = slots[nextToRead % slots.count]
                nextToRead += 1
                guard let read = stream.read() else {
                    slot.isEnd = true
                    slot.ready.signal()
                    return
                }
                switch read {
                case .document(let document, let origin):
                    workers.async {
                        slot.item = .document(document, origin, stream.decide(document))
                        slot.ready.signal()
                    }
                case .unreadable(let error, let raw):
                    slot.item = .unreadable(error, raw: raw)
                    slot.ready.signal()
                case .readError(let error):
                    slot.item = .readError(error)
                    slot.ready.signal()
                }
            }
        }
    }

    func next() -> DecidedStream.Item? {
        guard !finished else { return nil }
        let slot = slots[nextToHand % slots.count]
        slot.ready.wait()
        if slot.isEnd {
            finished = true
            return nil
        }
        nextToHand += 1
        let item = slot.item
        slot.item = nil
        free.signal()
        return item
    }
}

extension DispatchSemaphore {
    /// A semaphore holding `count`, made from 0 and signalled: libdispatch stops the
    /// process when a semaphore is freed below the value it was created with, as
    /// the read-ahead's is when reading ends with slots still taken.
    static func counting(_ count: Int) -> DispatchSemaphore {
        let semaphore = DispatchSemaphore(value: 0)
        for _ in 0..<count { semaphore.signal() }
        return semaphore
    }
}
