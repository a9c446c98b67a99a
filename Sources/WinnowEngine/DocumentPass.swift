import PCRE2
import WinnowRules

/// Evaluating rules over one document: where each rule's regex runs and
/// its conditions are checked, yielding the `Hits` the rule's action applies.
struct DocumentPass {
    let document: Document
    let buffer: UnsafeBufferPointer<UInt8>
    var features: LineFeatures
    let scratch: Scratch
    let prefilter: Prefilter
    let budget: RuleBudget
    /// The time each rule may take on this document (`budget` applied to its size).
    let allowance: UInt64

    @inline(__always)
    private func subject(of line: Int, _ kind: Rule.Subject) -> Range<Int> {
        kind == .trimmed ? document.lines[line].subject : document.lines[line].content
    }

    /// - Parameter index: the rule's index in the program, for the prefilter.
    mutating func evaluate(_ rule: Rule, index: Int, decisions: Decisions) -> Hits {
        if rule.conditions.readsRegions { features.updateRegions(decisions) }
        let view = LineView(document: document, buffer: buffer, features: features, decisions: decisions,
                            subject: rule.subject, scratch: scratch)
        scratch.conditionLimitHits.removeAll(keepingCapacity: true)
        var meter = BudgetMeter(budget: budget, allowance: allowance, scratch: scratch)
        var hits: Hits
        switch rule.scope {
        case .line:
            hits = evaluateLines(rule, index: index, view: view, meter: &meter)
        case .block:
            hits = Hits()
            for block in document.blocks {
                evaluateJoined(rule, lines: block, view: view, into: &hits)
                if meter.isSpent(hits, at: block.lowerBound, clock: true) { break }
            }
        case .document:
            hits = Hits()
            evaluateJoined(rule, lines: 0..<document.lines.count, view: view, into: &hits)
        }
        if let least = rule.conditions.minMatches, hits.matchedLineCount < least { hits.forgetMatches() }
        hits.suspension = meter.suspension
        hits.limitHits += scratch.conditionLimitHits
        return hits
    }

    @inline(__always)
    private func admits(_ conditions: [any LineCondition], line: Int, view: LineView) -> Bool {
        for condition in conditions where !condition.holds(line, in: view) { return false }
        return true
    }

    private func evaluateLines(_ rule: Rule, index: Int, view: LineView, meter: inout BudgetMeter) -> Hits {
        var hits = Hits()
        let conditions = rule.conditions
        let lines = document.lines
        let run = conditions.run ?? 0
        var runLength = 0
        var pending: [Int32] = []

        /// Set by `matches`: the line matched only as its whole wrapped paragraph.
        var wholeParagraph = false

        /// Whether line `i` matches (conditions included), recording what the action needs.
        func matches(_ i: Int) -> Bool {
            wholeParagraph = false
            guard admits(conditions.cheap, line: i, view: view) else { return false }
            let range = subject(of: i, rule.subject)
            let own = UnsafeBufferPointer(rebasing: buffer[range])
            // Strip and extract rules need offsets in the line's own bytes; the others also read its view.
            if rule.action != .strip, rule.action != .extract, let seen = features.matching.bytes(of: i, rule.subject) {
                let limitHits = hits.limitHits.count
                if seen.withUnsafeBufferPointer({ test(i, $0, subject: range) }) {
                    if features.matching.joinsParagraph(i), !test(i, own, subject: range) { wholeParagraph = true }
                    return true
                }
                // A limit hit on the view keeps the line: one hit a line is all the budget counts.
                if hits.limitHits.count > limitHits { return false }
            }
            return test(i, own, subject: range)
        }

        /// Records line `i`, and the rest of its paragraph when it matched as the whole paragraph.
        func take(_ i: Int) {
            hits.lines.append(Int32(i))
            guard wholeParagraph else { return }
            for member in features.paragraphs.paragraph(of: i).dropFirst()
            where Hits.isOpen(member, for: rule.action, decisions: view.decisions) {
                hits.lines.append(Int32(member))
            }
        }

        /// Runs the rule's regex on `text`, line `i`'s subject or its view, whose place in the document is `range`.
        func test(_ i: Int, _ text: UnsafeBufferPointer<UInt8>, subject range: Range<Int>) -> Bool {
            do {
                // Only extract rules need the groups; the others take the cheaper whole-match call.
                if rule.action == .extract {
                    if let captures = try rule.regex.captures(in: text, with: scratch.matchData),
                       admits(conditions.costly, line: i, view: view) {
                        record(extracted: rule, line: i, subject: range, captures: captures, into: &hits)
                        return true
                    }
                } else if let whole = try rule.regex.firstMatch(in: text, with: scratch.matchData),
                          admits(conditions.costly, line: i, view: view) {
                    if rule.action == .strip { record(stripped: rule, line: i, subject: range, first: whole, into: &hits) }
                    return true
                }
            } catch {
                hits.limitHits.append((i, error.message))
            }
            return false
        }

        if run == 0, let candidates = prefilter.candidateLines(rule: index, in: scratch) {
            // Only the lines holding one of the rule's literals can match: the others need no visit.
            for line in candidates {
                let i = Int(line)
                guard Hits.isOpen(i, for: rule.action, decisions: view.decisions) else { continue }
                if matches(i) { take(i) }
                if meter.isSpent(hits, at: i) { break }
            }
            return hits
        }

        // A run rule visits every line; its candidates are walked alongside.
        let candidates = prefilter.candidateLines(rule: index, in: scratch)
        var nextCandidate = 0
        for i in lines.indices where !lines[i].isBlank {
            // Lines already decided can be skipped, except that a run counts them all.
            if run == 0, !Hits.isOpen(i, for: rule.action, decisions: view.decisions) { continue }
            // A line without the rule's literals cannot match: as if the regex had run and failed.
            var ran = true
            if let candidates {
                while nextCandidate < candidates.count, candidates[nextCandidate] < i { nextCandidate += 1 }
                ran = nextCandidate < candidates.count && candidates[nextCandidate] == i
            }
            let matched = ran && matches(i)
            if run == 0 {
                if matched { take(i) }
            } else if matched {
                // A run's lines wait until the run is long enough; after that they go straight in.
                runLength += 1
                if runLength == run {
                    hits.lines += pending
                    pending.removeAll(keepingCapacity: true)
                }
                if Hits.isOpen(i, for: rule.action, decisions: view.decisions) {
                    if runLength < run { pending.append(Int32(i)) } else { hits.lines.append(Int32(i)) }
                }
            } else {
                pending.removeAll(keepingCapacity: true)
                runLength = 0
            }
            if ran, meter.isSpent(hits, at: i) { break }
        }
        if run > 0, !hits.fragments.isEmpty || !hits.fields.isEmpty {
            let inRuns = Set(hits.lines)
            hits.fragments.removeAll { !inRuns.contains(Int32($0.line)) }
            hits.fields.removeAll { !inRuns.contains(Int32($0.line)) }
        }
        return hits
    }

    /// Records the fragments a strip rule takes out of a matching line: every match in it.
    private func record(stripped rule: Rule, line: Int, subject range: Range<Int>, first: Range<Int>,
                        into hits: inout Hits) {
        let local = UnsafeBufferPointer(rebasing: buffer[range])
        let all = (try? rule.regex.allMatches(in: local, with: scratch.matchData)) ?? [first]
        for match in all where !match.isEmpty {
            hits.fragments.append((line, (range.lowerBound + match.lowerBound)..<(range.lowerBound + match.upperBound)))
        }
    }

    /// Records the named groups an extract rule found on a matching line.
    private func record(extracted rule: Rule, line: Int, subject range: Range<Int>, captures: Captures,
                        into hits: inout Hits) {
        for (name, group) in rule.regex.namedGroups {
            guard let value = captures[group], !value.isEmpty else { continue }
            let bytes = Array(buffer[(range.lowerBound + value.lowerBound)..<(range.lowerBound + value.upperBound)])
            hits.fields.append((name, bytes, line))
        }
    }

    /// Block and document scope: the regex runs over the lines joined by `\n`.
    private func evaluateJoined(_ rule: Rule, lines: Range<Int>, view: LineView, into hits: inout Hits) {
        scratch.joined.build(lines: lines, document: document, buffer: buffer, kind: rule.subject)
        let joined = scratch.joined
        let matches: [Captures]
        do {
            matches = try joined.withText(in: buffer) { (subject) throws(PCRE2Error) -> [Captures] in
                try rule.regex.allCaptures(in: subject, with: scratch.matchData)
            }
        } catch {
            hits.limitHits.append((lines.lowerBound, error.message))
            return
        }
        var taken = Set<Int>()
        for captures in matches {
            let match = captures.whole
            let first = joined.line(at: match.lowerBound, in: document)
            let last = match.isEmpty ? first : joined.line(at: match.upperBound - 1, in: document)
            if rule.action == .extract {
                for (name, group) in rule.regex.namedGroups {
                    guard let value = captures[group], !value.isEmpty else { continue }
                    hits.fields.append((name, joined.bytes(value, in: buffer), joined.line(at: value.lowerBound, in: document)))
                }
            }
            for line in first...last where !document.lines[line].isBlank {
                guard Hits.isOpen(line, for: rule.action, decisions: view.decisions),
                      admits(rule.conditions.cheap, line: line, view: view),
                      admits(rule.conditions.costly, line: line, view: view)
                else { continue }
                if rule.action == .strip {
                    if let range = joined.documentRange(of: match, onLine: line, in: document) { hits.fragments.append((line, range)) }
                } else if taken.insert(line).inserted {
                    hits.lines.append(Int32(line))
                }
            }
        }
        hits.lines.sort()
    }
}
