import PCRE2
import WinnowRules

#if canImport(Glibc)
import Glibc
#endif

/// Applies a rule set to documents.
///
///     let filter = Filter(ruleSet: rules)
///     let decisions = filter.apply(to: Document(bytes: page))
///
/// Rules apply in four phases; within a phase, in load order:
/// 1. content rules (`drop`, `drop-block`, `strip`, `extract`) whose
///    conditions do not read verdicts; the first rule to drop a line is its reason;
/// 2. `keep` rules protect their lines from every other rule, restoring any
///    line a content rule dropped (so keep always wins, and its conditions
///    see the document as the phrase rules left it);
/// 3. `cut` rules: the earliest unprotected line any of them fires on, and
///    every unprotected line after it, is dropped;
/// 4. context rules, whose conditions read verdicts (`dropped`,
///    `dropped-nearby`, `prev-kept`, `next-kept`) or regions, each seeing the
///    verdicts left by all rules before it.
///
/// Within the content and context phases, `extract` rules run first, so the
/// metadata a line carries is recorded before a layout rule drops the line.
///
/// Regions are computed from the prose lines still kept when a rule runs, so
/// a prose-like footer that a phrase rule dropped does not stretch the body.
///
/// A `Filter` holds per-thread match scratch; use one per thread.
public final class Filter {
    /// The rules, in load order; `Decisions` refer to them by index.
    public let rules: [Rule]
    public let settings: DocumentSettings
    private let packs: [SitePack]
    private let forcedSites: Set<String>
    private let phases: [[Int]]
    /// Rules whose conditions count repeated lines; counting is paid only when one is active.
    private let repeatReaders: [Int]
    private let matchData: MatchData
    private var joined = JoinedSubject()
    /// When true, `ruleNanoseconds` accumulates the time each rule takes (for `--stats`).
    public var measuresRules = false
    /// Time spent in each rule so far, by rule index, when `measuresRules` is on.
    public private(set) var ruleNanoseconds: [UInt64]

    /// - Parameters:
    ///   - sites: site packs to apply to every document, whatever it shows.
    ///   - first: a rule id to run first in its phase, so that a test can
    ///     tell whether that rule, rather than an earlier one, drops a line.
    public init(ruleSet: RuleSet, sites: [String] = [], limits: MatchLimits = .default, first: String? = nil) {
        rules = ruleSet.rules
        ruleNanoseconds = .init(repeating: 0, count: ruleSet.rules.count)
        settings = ruleSet.settings
        packs = ruleSet.sitePacks
        forcedSites = Set(sites.map { $0.lowercased() })
        matchData = MatchData(limits: limits)
        var keep: [Int] = [], cut: [Int] = [], content: [Int] = [], context: [Int] = []
        for (index, rule) in rules.enumerated() {
            switch rule.action {
            case .keep: keep.append(index)
            case .cut: cut.append(index)
            default: if rule.isContextRule { context.append(index) } else { content.append(index) }
            }
        }
        // Extract rules first within their phase (a stable partition keeps load order otherwise).
        let all = rules
        let extractsFirst = { (members: [Int]) in
            members.filter { all[$0].action == .extract } + members.filter { all[$0].action != .extract }
        }
        content = extractsFirst(content)
        context = extractsFirst(context)
        var phases = [content, keep, cut, context]
        if let first, let index = rules.firstIndex(where: { $0.id == first }) {
            for p in phases.indices where phases[p].contains(index) {
                phases[p].removeAll { $0 == index }
                phases[p].insert(index, at: 0)
            }
        }
        self.phases = phases
        repeatReaders = all.indices.filter { all[$0].conditions.readsRepeats }
    }

    /// The index of the cut phase in `phases`.
    private static let cutPhase = 2

    /// The site packs that apply to `document`: named with `--site`, matching
    /// the document's host, or detected in its text.
    public func activeSites(for document: Document) -> Set<String> {
        var active = Set<String>()
        for pack in packs {
            if forcedSites.contains(pack.name) || (document.host.map(pack.covers(host:)) ?? false) {
                active.insert(pack.name)
            } else if let detect = pack.detect {
                let found = document.bytes.withUnsafeBufferPointer { try? detect.firstMatch(in: $0, with: matchData) }
                if found != nil { active.insert(pack.name) }
            }
        }
        return active
    }

    public func apply(to document: Document) -> Decisions {
        var decisions = Decisions(rules: rules, lineCount: document.lines.count)
        guard !document.lines.isEmpty else { return decisions }
        let sites = activeSites(for: document)
        decisions.sites = packs.map(\.name).filter(sites.contains)
        let countRepeats = repeatReaders.contains { rules[$0].site.map(sites.contains) ?? true }
        var features = LineFeatures(document: document, settings: settings, countRepeats: countRepeats)
        features.updateRegions(decisions)
        document.bytes.withUnsafeBufferPointer { buffer in
            var pass = Pass(filter: self, document: document, buffer: buffer, features: features)
            for (phase, members) in phases.enumerated() {
                var cutAt: (line: Int, rule: Int)?
                for index in members {
                    let rule = rules[index]
                    if let site = rule.site, !sites.contains(site) { continue }
                    let started = measuresRules ? Filter.now() : 0
                    defer { if measuresRules { ruleNanoseconds[index] &+= Filter.now() &- started } }
                    let hits = pass.evaluate(rule, index: index, decisions: &decisions)
                    if phase == Filter.cutPhase {
                        if let line = hits.lines.first, line < (cutAt?.line ?? Int.max) { cutAt = (line, index) }
                    } else {
                        apply(hits, of: rule, index: index, document: document, decisions: &decisions)
                    }
                }
                if let cutAt {
                    decisions.cut = .init(line: cutAt.line, rule: cutAt.rule)
                    for line in cutAt.line..<document.lines.count { decisions.drop(line, by: cutAt.rule) }
                }
            }
        }
        return decisions
    }

    private func apply(_ hits: Hits, of rule: Rule, index: Int, document: Document, decisions: inout Decisions) {
        switch rule.action {
        case .keep:
            for line in hits.lines where decisions.protectedBy[line] < 0 { decisions.protect(line, by: index) }
        case .drop:
            for line in hits.lines { decisions.drop(line, by: index) }
        case .cut:
            break  // `apply(to:)` applies only the earliest cut of the phase.
        case .dropBlock:
            for line in hits.lines {
                let block = document.blockOfLine[line]
                guard block >= 0 else { continue }
                for member in document.blocks[block] { decisions.drop(member, by: index) }
            }
        case .extract:
            for line in hits.lines { decisions.drop(line, by: index) }
            for field in hits.fields { decisions.meta.append(.init(name: field.name, value: field.value,
                                                                   rule: index, line: field.line)) }
        case .strip:
            for (line, range) in hits.fragments where decisions.isKept(line) && !decisions.isProtected(line) {
                decisions.strips[line, default: []].append(.init(range: range, rule: index))
            }
            // A line with nothing left but whitespace goes, charged to the rule that emptied it.
            for line in Set(hits.fragments.map(\.line)) where decisions.isKept(line) {
                if Filter.isEmptyAfterStrips(document, line: line, strips: decisions.strips[line] ?? []) {
                    decisions.drop(line, by: index)
                    decisions.strips[line] = nil
                }
            }
        }
        for hit in hits.limitHits {
            decisions.limitHits.append(.init(rule: index, line: hit.line, message: hit.message))
        }
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    static func isEmptyAfterStrips(_ document: Document, line: Int, strips: [Decisions.Strip]) -> Bool {
        let subject = document.lines[line].subject
        var covered = [Bool](repeating: false, count: subject.count)
        for strip in strips {
            let low = max(strip.range.lowerBound, subject.lowerBound), high = min(strip.range.upperBound, subject.upperBound)
            if low < high { for i in low..<high { covered[i - subject.lowerBound] = true } }
        }
        return document.bytes.withUnsafeBufferPointer { buffer in
            var i = subject.lowerBound
            while i < subject.upperBound {
                if covered[i - subject.lowerBound] { i += 1; continue }
                let space = TextBytes.whitespaceLength(buffer, at: i, end: subject.upperBound)
                if space == 0 { return false }
                i += space
            }
            return true
        }
    }

    // MARK: - Evaluation

    /// What one rule found in one document, before it is applied.
    struct Hits {
        var lines: [Int] = []
        var fragments: [(line: Int, range: Range<Int>)] = []
        var fields: [(name: String, value: [UInt8], line: Int)] = []
        var limitHits: [(line: Int, message: String)] = []
    }

    /// The state of evaluating rules over one document.
    struct Pass {
        let filter: Filter
        let document: Document
        let buffer: UnsafeBufferPointer<UInt8>
        var features: LineFeatures

        func subject(of line: Int, _ kind: Rule.Subject) -> Range<Int> {
            kind == .trimmed ? document.lines[line].subject : document.lines[line].content
        }

        mutating func evaluate(_ rule: Rule, index: Int, decisions: inout Decisions) -> Hits {
            if rule.conditions.readsRegions { features.updateRegions(decisions) }
            switch rule.scope {
            case .line: return evaluateLines(rule, decisions: decisions)
            case .block:
                var hits = Hits()
                for block in document.blocks { evaluateJoined(rule, lines: block, decisions: decisions, into: &hits) }
                return hits
            case .document:
                var hits = Hits()
                evaluateJoined(rule, lines: 0..<document.lines.count, decisions: decisions, into: &hits)
                return hits
            }
        }

        /// Whether a rule still has anything to do on a line. Keep rules look at
        /// every line; a cut may start at a line a content rule already dropped
        /// (a "Related" heading), but never at a protected one.
        private func isOpen(_ line: Int, for rule: Rule, decisions: Decisions) -> Bool {
            switch rule.action {
            case .keep: return true
            case .cut: return !decisions.isProtected(line)
            default: return decisions.isKept(line) && !decisions.isProtected(line)
            }
        }

        private func evaluateLines(_ rule: Rule, decisions: Decisions) -> Hits {
            var hits = Hits()
            let conditions = rule.conditions
            let lines = document.lines
            let run = conditions.run ?? 0
            var runLength = 0
            var pending: [Int] = []

            for i in lines.indices where !lines[i].isBlank {
                // Lines already decided can be skipped, except that a run counts them all.
                if run == 0, !isOpen(i, for: rule, decisions: decisions) { continue }
                var matched = false
                if holdsCheap(conditions, line: i, decisions: decisions) {
                    let range = subject(of: i, rule.subject)
                    do {
                        let local = UnsafeBufferPointer(rebasing: buffer[range])
                        // Only extract rules need the groups; the others take the cheaper whole-match call.
                        let captures = rule.action == .extract
                            ? try rule.regex.captures(in: local, with: filter.matchData)
                            : try rule.regex.firstMatch(in: local, with: filter.matchData).map { Captures(groups: [$0]) }
                        if let captures {
                            var found = Hits()
                            record(rule, line: i, subject: range, captures: captures, into: &found)
                            if holdsExpensive(conditions, line: i, kind: rule.subject, decisions: decisions,
                                              hits: &hits) {
                                matched = true
                                hits.fragments += found.fragments
                                hits.fields += found.fields
                            }
                        }
                    } catch {
                        hits.limitHits.append((i, error.message))
                    }
                }
                if run == 0 {
                    if matched { hits.lines.append(i) }
                } else if matched {
                    runLength += 1
                    if isOpen(i, for: rule, decisions: decisions) { pending.append(i) }
                } else {
                    if runLength >= run { hits.lines += pending }
                    pending.removeAll()
                    runLength = 0
                }
            }
            if run > 0 {
                if runLength >= run { hits.lines += pending }
                let inRuns = Set(hits.lines)
                hits.fragments.removeAll { !inRuns.contains($0.line) }
                hits.fields.removeAll { !inRuns.contains($0.line) }
            }
            return hits
        }

        /// Records what a matching line contributes: strip fragments and extracted fields.
        private func record(_ rule: Rule, line: Int, subject range: Range<Int>, captures: Captures,
                            into hits: inout Hits) {
            switch rule.action {
            case .strip:
                let local = UnsafeBufferPointer(rebasing: buffer[range])
                let all = (try? rule.regex.allMatches(in: local, with: filter.matchData)) ?? [captures.whole]
                for match in all where !match.isEmpty {
                    hits.fragments.append((line, (range.lowerBound + match.lowerBound)..<(range.lowerBound + match.upperBound)))
                }
            case .extract:
                for (name, group) in rule.regex.namedGroups {
                    guard let value = captures[group], !value.isEmpty else { continue }
                    let bytes = Array(buffer[(range.lowerBound + value.lowerBound)..<(range.lowerBound + value.upperBound)])
                    hits.fields.append((name, bytes, line))
                }
            default:
                break
            }
        }

        /// Block and document scope: the regex runs over the lines joined by `\n`.
        private mutating func evaluateJoined(_ rule: Rule, lines: Range<Int>, decisions: Decisions,
                                             into hits: inout Hits) {
            filter.joined.build(lines: lines, document: document, buffer: buffer, kind: rule.subject)
            let joined = filter.joined
            let matches: [Captures]
            do {
                matches = try joined.bytes.withUnsafeBufferPointer { (subject) throws(PCRE2Error) -> [Captures] in
                    try rule.regex.allCaptures(in: subject, with: filter.matchData)
                }
            } catch {
                hits.limitHits.append((lines.lowerBound, error.message))
                return
            }
            var taken = Set<Int>()
            for captures in matches {
                let match = captures.whole
                let first = joined.line(at: match.lowerBound)
                let last = match.isEmpty ? first : joined.line(at: match.upperBound - 1)
                if rule.action == .extract {
                    for (name, group) in rule.regex.namedGroups {
                        guard let value = captures[group], !value.isEmpty else { continue }
                        hits.fields.append((name, Array(joined.bytes[value]), joined.line(at: value.lowerBound)))
                    }
                }
                for line in first...last where !document.lines[line].isBlank {
                    guard isOpen(line, for: rule, decisions: decisions),
                          holdsCheap(rule.conditions, line: line, decisions: decisions),
                          holdsExpensive(rule.conditions, line: line, kind: rule.subject, decisions: decisions,
                                         hits: &hits)
                    else { continue }
                    if rule.action == .strip {
                        if let range = joined.documentRange(of: match, onLine: line) {
                            hits.fragments.append((line, range))
                        }
                    } else if taken.insert(line).inserted {
                        hits.lines.append(line)
                    }
                }
            }
            hits.lines.sort()
        }

        // MARK: Conditions

        /// The conditions that need no regex: counts, flags, position, verdicts.
        func holdsCheap(_ c: LineConditions, line i: Int, decisions: Decisions) -> Bool {
            let f = features
            if let v = c.minChars, f.chars[i] < v { return false }
            if let v = c.maxChars, f.chars[i] > v { return false }
            if let v = c.minWords, f.words[i] < v { return false }
            if let v = c.maxWords, f.words[i] > v { return false }
            if let v = c.sentence, f.sentence[i] != v { return false }
            if let v = c.prose, f.prose[i] != v { return false }
            if let v = c.bullet, document.lines[i].hasBullet != v { return false }
            if let v = c.regions, !v.contains(f.region(of: i)) { return false }
            if let v = c.firstLines, f.ordinal[i] >= v { return false }
            if let v = c.lastLines, f.ordinalFromEnd(i) >= v { return false }
            if let v = c.minRepeats, f.repeats.isEmpty || f.repeats[i] < v { return false }
            if c.minBlockLines != nil || c.maxBlockLines != nil {
                let block = document.blockOfLine[i]
                let size = block >= 0 ? document.blocks[block].count : 0
                if let v = c.minBlockLines, size < v { return false }
                if let v = c.maxBlockLines, size > v { return false }
            }
            if let v = c.proseAbove, f.proseFractionBefore(i) < v { return false }
            if let v = c.dropped, decisions.isDropped(i) != v { return false }
            if let nearby = c.droppedNearby, !isDroppedNearby(i, nearby, decisions: decisions) { return false }
            return true
        }

        /// The conditions that run regexes or look at neighbours.
        func holdsExpensive(_ c: LineConditions, line i: Int, kind: Rule.Subject, decisions: Decisions,
                            hits: inout Hits) -> Bool {
            if c.regex != nil || c.unless != nil {
                let local = UnsafeBufferPointer(rebasing: buffer[subject(of: i, kind)])
                do {
                    if let regex = c.regex, try regex.firstMatch(in: local, with: filter.matchData) == nil { return false }
                    if let unless = c.unless, try unless.firstMatch(in: local, with: filter.matchData) != nil { return false }
                } catch {
                    hits.limitHits.append((i, error.message))
                    return false
                }
            }
            if let follows = c.follows {
                var j = Int(features.previous[i]), steps = 0, found = false
                while j >= 0, steps < follows.within, !found {
                    let local = UnsafeBufferPointer(rebasing: buffer[subject(of: j, kind)])
                    do {
                        found = try follows.regex.firstMatch(in: local, with: filter.matchData) != nil
                    } catch {
                        hits.limitHits.append((j, error.message))
                        return false
                    }
                    j = Int(features.previous[j])
                    steps += 1
                }
                if !found { return false }
            }
            for (which, conditions) in c.neighbourConditions {
                let j: Int
                switch which {
                case .previous: j = Int(features.previous[i])
                case .next: j = Int(features.next[i])
                case .previousKept: j = nearestKept(from: i, step: features.previous, decisions: decisions)
                case .nextKept: j = nearestKept(from: i, step: features.next, decisions: decisions)
                }
                guard j >= 0, holdsCheap(conditions, line: j, decisions: decisions),
                      holdsExpensive(conditions, line: j, kind: kind, decisions: decisions, hits: &hits)
                else { return false }
            }
            return true
        }

        /// The nearest non-blank line in one direction that no rule has dropped, or -1.
        private func nearestKept(from i: Int, step: [Int32], decisions: Decisions) -> Int {
            var j = Int(step[i])
            while j >= 0, decisions.isDropped(j) { j = Int(step[j]) }
            return j
        }

        private func isDroppedNearby(_ i: Int, _ nearby: LineConditions.DroppedNearby, decisions: Decisions) -> Bool {
            var seen = 0, dropped = 0
            var j = Int(features.previous[i]), steps = 0
            while j >= 0, steps < nearby.window {
                seen += 1; steps += 1
                if decisions.isDropped(j) { dropped += 1 }
                j = Int(features.previous[j])
            }
            j = Int(features.next[i]); steps = 0
            while j >= 0, steps < nearby.window {
                seen += 1; steps += 1
                if decisions.isDropped(j) { dropped += 1 }
                j = Int(features.next[j])
            }
            return seen > 0 && Double(dropped) >= nearby.fraction * Double(seen)
        }
    }
}
