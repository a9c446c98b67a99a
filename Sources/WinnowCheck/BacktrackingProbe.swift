import PCRE2

/// Runs a rule's compiled regex on adversarial lines and reports the ones
/// that make PCRE2 backtrack out of proportion: a hit on a deliberately low
/// match limit, or more than 1 ms on a 10 kB line.
///
/// Each line is a prefix that leads the regex up to one of its repeats,
/// then what that repeat accepts, again and again, then a character that
/// makes the match fail, so that PCRE2 must try every way back:
///
///     let probe = BacktrackingProbe()
///     let analyzer = BacktrackingAnalyzer(pattern: "(a+)+$", options: .unicode)
///     let finding = probe.run(try Pattern("(a+)+$"), analyzer: analyzer)
///     finding?.message   // hits PCRE2's match limit (100000) on a 10000-byte line "a" × 9999 + "!" …
///
/// A `BacktrackingProbe` holds match scratch; use one per thread.
final class BacktrackingProbe {
    /// The engine's own limit is 1,000,000; a pattern must stay well below it.
    static let matchLimit: UInt32 = 100_000
    static let defaultLength = 10_000
    static let budget: Duration = .milliseconds(1)
    /// Repeats that can take at least this many iterations are worth pumping.
    static let pumpable = 8
    static let maxSubjects = 40
    static let maxCharacterRuns = 12

    private let data = MatchData(limits: MatchLimits(matchLimit: BacktrackingProbe.matchLimit))

    init() {}

    /// The first adversarial line on which `regex` misbehaves, or nil.
    ///
    /// - Parameter length: the line length in bytes; a rule whose `max-chars`
    ///   keeps longer lines away from its regex is probed at that length.
    func run(_ regex: Pattern, analyzer: BacktrackingAnalyzer, length: Int = defaultLength) -> ProbeFinding? {
        for subject in subjects(analyzer: analyzer, length: length) {
            // A quarter of the line first: a runaway regex shows there already, at a sixteenth of the cost.
            // When even cubic growth from there would stay within the budget, the full line cannot fail it.
            var quarter = Duration.zero
            for count in [subject.count / 4, subject.count] where count > 0 {
                if count == subject.count, count >= 4, quarter * 64 < Self.budget { break }
                let bytes = Array(subject.text(count: count).utf8)
                let (best, hitLimit) = time(regex, on: bytes)
                quarter = best
                if hitLimit {
                    return ProbeFinding(subject: subject.description(count: count), length: bytes.count,
                                        hitLimit: true, milliseconds: Self.milliseconds(best))
                }
                if best > Self.budget {
                    // How the time grows with the line tells a slow regex from a runaway one.
                    let half = time(regex, on: Array(subject.text(count: count / 2).utf8)).best
                    return ProbeFinding(subject: subject.description(count: count), length: bytes.count,
                                        hitLimit: false, milliseconds: Self.milliseconds(best),
                                        halfLengthMilliseconds: Self.milliseconds(half))
                }
            }
        }
        return nil
    }

    /// The fastest of up to five runs, so that a busy machine does not raise
    /// false alarms; twenty times the budget is more than a busy machine explains.
    private func time(_ regex: Pattern, on bytes: [UInt8]) -> (best: Duration, hitLimit: Bool) {
        let clock = ContinuousClock()
        var best = Duration.seconds(3600)
        for _ in 0..<5 {
            var hitLimit = false
            let elapsed = clock.measure { hitLimit = attempt(regex, on: bytes) }
            if hitLimit { return (elapsed, true) }
            best = min(best, elapsed)
            if best <= Self.budget || best > Self.budget * 20 { break }
        }
        return (best, false)
    }

    /// One match attempt; whether it stopped at a resource limit.
    private func attempt(_ regex: Pattern, on bytes: [UInt8]) -> Bool {
        do {
            _ = try bytes.withUnsafeBufferPointer { (buffer) throws(PCRE2Error) -> Range<Int>? in
                try regex.firstMatch(in: buffer, with: data)
            }
            return false
        } catch {
            return error.isResourceLimit
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    // MARK: - Adversarial lines

    /// A probe line: `prefix`, then `unit` `count` times, then `suffix`.
    struct Subject {
        var prefix: String
        var unit: String
        var suffix: String
        var count: Int

        func text(count: Int) -> String { prefix + String(repeating: unit, count: count) + suffix }

        /// `"by" + " " × 9997 + "!"`
        func description(count: Int) -> String {
            var parts: [String] = []
            if !prefix.isEmpty { parts.append(Quoting.quoted(prefix)) }
            parts.append("\(Quoting.quoted(unit)) × \(count)")
            if !suffix.isEmpty { parts.append(Quoting.quoted(suffix)) }
            return parts.joined(separator: " + ")
        }
    }

    /// Lines of about `length` bytes: for each repeat, the way to it, the
    /// repeated text and a failing end; then each atom's character repeated.
    func subjects(analyzer: BacktrackingAnalyzer, length: Int) -> [Subject] {
        let universe = analyzer.universe
        var pumps: [(prefix: String, repeat: PatternNode)] = []
        collect(analyzer.tree, prefix: "", universe: universe, into: &pumps)
        var subjects: [Subject] = []
        var seen = Set<[String]>()
        func add(_ prefix: String, _ unit: String, _ suffix: String) {
            guard !unit.isEmpty, subjects.count < Self.maxSubjects, seen.insert([prefix, unit, suffix]).inserted
            else { return }
            let count = max(1, (length - prefix.utf8.count - suffix.utf8.count) / unit.utf8.count)
            subjects.append(Subject(prefix: prefix, unit: unit, suffix: suffix, count: count))
        }
        for (prefix, node) in pumps {
            guard case .quantified(let inner, _, _, _, _) = node,
                  let unit = Self.nonEmptySample(inner, universe) else { continue }
            add(prefix, unit, String(universe.outsider(of: universe.members(of: inner.atoms))))
            add(prefix, unit, "")
        }
        // Then runs of single characters, which catch what the pumps miss (a regex that is slow at every start).
        var characters = Set<Character>()
        for atom in analyzer.tree.atoms where characters.count < Self.maxCharacterRuns {
            guard let character = universe.sample(of: atom), characters.insert(character).inserted else { continue }
            add("", String(character), String(universe.outsider(of: universe.members(of: atom))))
        }
        return subjects
    }

    /// Every repeat worth pumping, with the shortest text that leads the
    /// regex from its start to that repeat.
    private func collect(_ node: PatternNode, prefix: String, universe: CharacterUniverse,
                         into pumps: inout [(prefix: String, repeat: PatternNode)]) {
        switch node {
        case .atom, .assertion, .backreference:
            return
        case .sequence(let items):
            var current: String? = prefix
            for item in items {
                guard let before = current else { return }
                collect(item, prefix: before, universe: universe, into: &pumps)
                current = Self.minimalSample(item, universe).map { before + $0 }
            }
        case .alternation(let branches):
            for branch in branches { collect(branch, prefix: prefix, universe: universe, into: &pumps) }
        case .group(let inner, _):
            collect(inner, prefix: prefix, universe: universe, into: &pumps)
        case .quantified(let inner, _, let max, let possessive, _):
            if !possessive, max.map({ $0 >= Self.pumpable }) ?? true { pumps.append((prefix, node)) }
            collect(inner, prefix: prefix, universe: universe, into: &pumps)
        }
    }

    /// The shortest text `node` matches, as far as this reading can tell.
    static func minimalSample(_ node: PatternNode, _ universe: CharacterUniverse) -> String? {
        switch node {
        case .atom(let atom): return universe.sample(of: atom).map { String($0) }
        case .assertion, .backreference: return ""
        case .sequence(let items):
            var text = ""
            for item in items {
                guard let part = minimalSample(item, universe) else { return nil }
                text += part
            }
            return text
        case .alternation(let branches):
            return branches.compactMap { minimalSample($0, universe) }.min { $0.count < $1.count }
        case .group(let inner, _):
            return minimalSample(inner, universe)
        case .quantified(let inner, let min, _, _, _):
            if min == 0 { return "" }
            return minimalSample(inner, universe).map { String(repeating: $0, count: Swift.min(min, 100)) }
        }
    }

    /// A short, non-empty text `node` matches: one iteration of a repeat, the first non-empty branch.
    static func nonEmptySample(_ node: PatternNode, _ universe: CharacterUniverse) -> String? {
        switch node {
        case .atom(let atom): return universe.sample(of: atom).map { String($0) }
        case .assertion, .backreference: return nil
        case .sequence(let items):
            guard let minimal = minimalSample(node, universe) else { return nil }
            if !minimal.isEmpty { return minimal }
            return items.lazy.compactMap { nonEmptySample($0, universe) }.first
        case .alternation(let branches):
            return branches.lazy.compactMap { nonEmptySample($0, universe) }.first
        case .group(let inner, _):
            return nonEmptySample(inner, universe)
        case .quantified(let inner, let min, _, _, _):
            return nonEmptySample(inner, universe).map { String(repeating: $0, count: Swift.max(1, Swift.min(min, 100))) }
        }
    }
}
